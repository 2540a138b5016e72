from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from .models import PressRelease, TaggedRelease, Topic


def topics_in_use():
    """Topics that at least one public release carries, in the reader's language order."""
    public_links = TaggedRelease.objects.filter(
        tag=OuterRef("pk"), content_object__in=PressRelease.objects.published()
    )
    return Topic.objects.filter(Exists(public_links)).order_by("name", "slug")


class ReleaseFilterForm(forms.Form):
    """What the list's query string may ask for. Unknown parameters are ignored."""

    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), to_field_name="slug", required=False,
        empty_label=_("All topics"),
        error_messages={"invalid_choice": _("There is no topic with this name.")},
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=1951, max_value=9999,
        error_messages={"invalid": _("The year must be a number such as 2024.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics_in_use()

    def filter(self, releases):
        if not self.is_bound:
            return releases
        topic = self.cleaned_data.get("topic")
        year = self.cleaned_data.get("year")
        if topic:
            # One link per (release, topic) is a database constraint: no duplicates to remove.
            releases = releases.filter(topic_links__tag=topic)
        if year:
            releases = releases.filter(published_at__year=year)
        return releases

    def year_choices(self):
        return [
            date.year
            for date in PressRelease.objects.published().datetimes("published_at", "year", "DESC")
        ]

    def topic_choices(self):
        return self.fields["topic"].queryset

from django import forms
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from .models import Event


class EventFilterForm(forms.Form):
    """What the events page's query string may ask for. Unknown parameters are ignored."""

    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1951,
        max_value=9999,
        error_messages={
            "invalid": _("The year must be a number such as 2024."),
            "min_value": _("The year must be a number such as 2024."),
            "max_value": _("The year must be a number such as 2024."),
        },
    )

    def filter(self, events):
        year = self.cleaned_data.get("year") if self.is_bound else None
        return events.in_year(year) if year else events

    @staticmethod
    def year_choices():
        """The years that have public events, latest first."""
        return list(
            Event.objects.published()
            .with_sort_date()
            .annotate(year=ExtractYear("sort_date"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )

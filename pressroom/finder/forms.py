"""The finder's filter form: what the query string of the list, the feed and the API may ask for.

One form, one meaning: the page, the feed and the API all clean the query string with it and
take their releases from `filtered()`. Unknown parameters are ignored; a repeated parameter
counts once (its last value), except `topic`, which may be given several times.
"""

import calendar
import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import QueryDict
from django.utils import formats, timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.translated import LANGUAGE_CODES
from events.models import Event
from organisation.models import Unit

from ..models import PressRelease, ReleaseKind, TaggedRelease, Topic
from . import search
from .fields import (
    FIRST_YEAR,
    LAST_YEAR,
    IsoDateField,
    MonthField,
    SlugChoiceField,
    Sort,
    TopicsField,
)
from .topic_ids import TopicIdsMatch, topic_ids_kept


class ReleaseFilterForm(forms.Form):
    # Two parameters are Python keywords: their fields have other names (see add_prefix).
    PARAMETERS = {"date_from": "from", "date_to": "to"}

    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=200,
        strip=True,
        error_messages={"max_length": _("Search for at most %(limit_value)d characters.")},
    )
    topic = TopicsField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={
            "invalid_choice": _("There is no topic with this name."),
            "too_many": _("Choose at most %(max)d topics."),
        },
    )
    match = forms.ChoiceField(
        label=_("Releases with"),
        required=False,
        choices=[("all", _("all the topics chosen")), ("any", _("any of the topics chosen"))],
        error_messages={"invalid_choice": _("Choose “all” or “any” topics.")},
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("all types")), *ReleaseKind.choices],
        error_messages={"invalid_choice": _("There is no type of release with this name.")},
    )
    office = SlugChoiceField(
        label=_("Issued by"),
        queryset=Unit.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": _("There is no office with this name.")},
    )
    event = SlugChoiceField(
        label=_("Event"),
        queryset=Event.objects.published(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": _("There is no event with this name.")},
    )
    date_from = IsoDateField(
        label=_("From"),
        required=False,
        error_messages={"invalid": _("Give the date as YYYY-MM-DD, e.g. 2024-03-01.")},
    )
    date_to = IsoDateField(
        label=_("To"),
        required=False,
        error_messages={"invalid": _("Give the date as YYYY-MM-DD, e.g. 2024-03-31.")},
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={"invalid": _("The year must be a number such as 2024.")},
    )
    month = MonthField(
        label=_("Month"),
        required=False,
        error_messages={"invalid": _("The month must be a number from 1 to 12.")},
    )
    language = forms.ChoiceField(
        label=_("Available in"),
        required=False,
        choices=[("", _("any language"))] + [(code, code) for code in LANGUAGE_CODES],
        error_messages={"invalid_choice": _("There is no language with this code.")},
    )
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            (Sort.NEWEST, _("newest first")),
            (Sort.OLDEST, _("oldest first")),
            (Sort.RELEVANCE, _("most relevant first")),
        ],
        error_messages={"invalid_choice": _("Sort by newest, oldest or relevance.")},
    )

    def __init__(self, data=None, **kwargs):
        # Always bound: no parameter at all is a valid filter (every public release).
        if not isinstance(data, QueryDict):
            query = QueryDict(mutable=True)
            for name, value in (data or {}).items():
                query.setlist(name, value if isinstance(value, list) else [value])
            data = query
        super().__init__(data, **kwargs)

    def add_prefix(self, field_name):
        return self.PARAMETERS.get(field_name, field_name)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("The start date is after the end date."), code="reversed")
        if cleaned.get("month") and not cleaned.get("year"):
            self.add_error("month", ValidationError(_("Choose a year with the month.")))
        return cleaned

    # --- what the cleaned values mean -----------------------------------------------------------

    @property
    def words(self):
        return self.cleaned_data.get("q", "")

    @property
    def topics(self):
        return list(self.cleaned_data.get("topic") or [])

    @property
    def match_any(self):
        return self.cleaned_data.get("match") == "any"

    @property
    def chosen_sort(self):
        wanted = self.cleaned_data.get("sort")
        if wanted == Sort.RELEVANCE and not self.words:
            return Sort.NEWEST  # nothing to rank without words
        return wanted or (Sort.RELEVANCE if self.words else Sort.NEWEST)

    def search_languages(self):
        language = self.cleaned_data.get("language")
        return [language] if language else LANGUAGE_CODES

    def filtered(self, releases=None):
        """The public releases that match every filter (unordered: see `ordered`)."""
        if releases is None:
            releases = PressRelease.objects.published()
        data = self.cleaned_data
        if self.topics and topic_ids_kept():  # on the topic ids' index (migration 0009)
            ids = [topic.pk for topic in self.topics]
            releases = releases.filter(TopicIdsMatch(ids, any_of=self.match_any))
        elif self.topics:
            links = TaggedRelease.objects.filter(content_object=OuterRef("pk"))
            if self.match_any:
                releases = releases.filter(Exists(links.filter(tag__in=self.topics)))
            else:
                for topic in self.topics:
                    releases = releases.filter(Exists(links.filter(tag=topic)))
        for name, field in (("kind", "kind"), ("office", "issuing_unit"), ("event", "event")):
            if data.get(name):
                releases = releases.filter(**{field: data[name]})
        start, end = self.period()
        if start:
            releases = releases.filter(published_at__gte=start)
        if end:
            releases = releases.filter(published_at__lt=end)
        if data.get("language"):
            releases = releases.available_in(data["language"])
        if self.words:
            releases = releases.filter(search.matching(self.words, self.search_languages()))
        return releases

    def ordered(self, releases):
        if self.chosen_sort == Sort.RELEVANCE:
            releases = releases.annotate(rank=search.rank(self.words, self.search_languages()))
        return releases.order_by(*Sort.ORDERINGS[self.chosen_sort])

    def period(self):
        """[start, end) in Geneva time from the dates, the year and the month; None if open."""
        data = self.cleaned_data
        starts, ends = [], []
        if data.get("date_from"):
            starts.append(data["date_from"])
        if data.get("date_to"):
            ends.append(data["date_to"] + datetime.timedelta(days=1))
        if data.get("year"):
            year, month = data["year"], data.get("month")
            starts.append(datetime.date(year, month or 1, 1))
            if month:
                last_day = calendar.monthrange(year, month)[1]
                ends.append(datetime.date(year, month, last_day) + datetime.timedelta(days=1))
            else:
                ends.append(datetime.date(year + 1, 1, 1))
        start = _midnight(max(starts)) if starts else None
        end = _midnight(min(ends)) if ends else None
        return start, end

    def active_filters(self):
        """[(label, query string without that filter)]: what the reader may remove. Kept once
        made: the page, its summary line and its description all ask for them."""
        if not hasattr(self, "_active_filters"):
            self._active_filters = self._make_active_filters()
        return self._active_filters

    def _make_active_filters(self):
        form, data = self, self.cleaned_data
        chips = []
        if form.words:
            chips.append((f"“{form.words}”", form.querystring(q=None, sort=None)))
        for topic in form.topics:
            others = [t.slug for t in form.topics if t != topic]
            chips.append((topic.name, form.querystring(topic=others or None)))
        if data.get("kind"):
            chips.append((str(ReleaseKind(data["kind"]).label), form.querystring(kind=None)))
        if data.get("office"):
            chips.append((data["office"].name, form.querystring(office=None)))
        if data.get("event"):
            title = data["event"].in_language(translation.get_language()).title
            chips.append((title, form.querystring(event=None)))
        if data.get("year"):
            label = str(data["year"])
            if data.get("month"):
                label = f"{MONTHS[data['month']]} {label}"
            chips.append((label, form.querystring(year=None, month=None)))
        if data.get("date_from"):
            label = gettext("from %(date)s") % {"date": formats.date_format(data["date_from"])}
            chips.append((label, form.querystring(date_from=None)))
        if data.get("date_to"):
            label = gettext("to %(date)s") % {"date": formats.date_format(data["date_to"])}
            chips.append((label, form.querystring(date_to=None)))
        if data.get("language"):
            name = translation.get_language_info(data["language"])["name_translated"]
            chips.append(
                (gettext("in %(language)s") % {"language": name}, form.querystring(language=None))
            )
        return chips

    @property
    def description(self):
        """The filters in words, e.g. “Climate, 2024”; empty without filters."""
        return ", ".join(label for label, _url in self.active_filters())

    def querystring(self, **changes):
        """This filter's query string with some parameters changed (None removes one)."""
        params = self.data.copy()
        for name, value in changes.items():
            name = self.PARAMETERS.get(name, name)
            if value is None:
                params.pop(name, None)
            elif isinstance(value, list):
                params.setlist(name, value)
            else:
                params[name] = value
        params.pop("page", None)
        return params.urlencode()


def _midnight(date):
    return datetime.datetime.combine(date, datetime.time(), tzinfo=timezone.get_current_timezone())

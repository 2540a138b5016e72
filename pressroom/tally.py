"""The finder's counts from the tallies PostgreSQL keeps (ReleaseTally), when the filter allows.

Counting 100,000 releases per year, type and topic takes PostgreSQL a good fraction of a second;
reading a few thousand tally rows takes a millisecond. The tallies hold every published release,
scheduled ones included, in the month of its publication time: past months are therefore exact,
and the current month (from its first day, in Geneva time) is always counted on the releases
themselves, through the same public QuerySet, so an embargo ends at its minute here too.

The tallies know years, months, types and topics: a filter on anything else (words, dates, a
language, an office, an event, several topics) is counted on the releases instead, and so are the
topics of a filter that has a topic (which topics go with it is not in the tallies).
"""

from django.db import connection
from django.db.models import Count, F, Q, QuerySet, Sum, Value
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from .models import PressRelease, ReleaseTally, TaggedRelease

COARSE = {"topic", "match", "kind", "year", "month", "sort"}


def usable(form):
    """True when this filter's counts can come from the tallies."""
    if connection.vendor != "postgresql":
        return False
    data = form.cleaned_data
    if any(value for name, value in data.items() if name not in COARSE):
        return False
    return len(form.topics) <= 1


class TallyCounts:
    def __init__(self, form, releases):
        self.form = form
        self.data = form.cleaned_data
        self.topic = form.topics[0] if form.topics else None
        # The first moment of the current month in Geneva: before it, the tallies; from it on,
        # the releases themselves.
        self.cutoff = timezone.localtime().replace(day=1, hour=0, minute=0, second=0,
                                                   microsecond=0)
        self.recent = releases.filter(published_at__gte=self.cutoff)

    def periods(self):
        """[(year, month or None, kind, count)]: by month within a chosen year, else by year.

        One query: the tally rows of past months, and the releases of this month counted."""
        by_month = bool(self.data.get("year"))
        past = (
            self._past(self.topic.pk if self.topic else 0, by_month)
            .annotate(y=F("year"), m=F("month") if by_month else Value(0), k=F("kind"))
            .values_list("y", "m", "k").annotate(n=Sum("count")).order_by()
        )
        # A plain QuerySet on the same query: modeltranslation's would reorder the columns that
        # the union relies on.
        recent = (
            QuerySet(PressRelease, query=self.recent.query.clone()).annotate(
                y=ExtractYear("published_at"),
                m=ExtractMonth("published_at") if by_month else Value(0), k=F("kind"),
            ).values_list("y", "m", "k").annotate(n=Count("pk")).order_by()
        )
        counts = {}
        for year, month, kind, count in past.union(recent, all=True):
            key = (year, month or None, kind)
            counts[key] = counts.get(key, 0) + count
        return [(*key, count) for key, count in counts.items() if count]

    def topic_counts(self):
        """{topic id: count}, or None when the tallies cannot tell (a topic is chosen).

        One query: the tally rows of past months and the topic links of this month's releases.
        """
        if self.topic is not None:
            return None
        past = (
            self._past(None, by_month=bool(self.data.get("year"))).exclude(topic_id=0)
            .values_list("topic_id").annotate(n=Sum("count")).order_by()
        )
        recent = (
            QuerySet(TaggedRelease).filter(content_object__in=self.recent.values("pk"))
            .values_list("tag_id").annotate(n=Count("pk")).order_by()
        )
        counts = {}
        for topic, count in past.union(recent, all=True):
            counts[topic] = counts.get(topic, 0) + count
        return counts

    def _past(self, topic_id, by_month):
        """The tally rows of the filter's period before the cutoff."""
        rows = ReleaseTally.objects.all()
        if topic_id is not None:
            rows = rows.filter(topic_id=topic_id)
        if self.data.get("kind"):
            rows = rows.filter(kind=self.data["kind"])
        year, month = self.data.get("year"), self.data.get("month")
        this_year, this_month = self.cutoff.year, self.cutoff.month
        if by_month:  # a year is chosen: its months, those of this year before this one
            rows = rows.filter(year=year, month__gt=0)
            if month:
                rows = rows.filter(month=month)
            if year == this_year:
                rows = rows.filter(month__lt=this_month)
            elif year > this_year:
                rows = rows.none()
            return rows
        # Whole years before this one, and this year's months before this one.
        return rows.filter(
            Q(year__lt=this_year, month=0) | Q(year=this_year, month__gt=0, month__lt=this_month)
        )


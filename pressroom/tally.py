"""The finder's counts from the tallies PostgreSQL keeps (ReleaseTally), when the filter allows.

Counting 100,000 releases per year, type and topic takes PostgreSQL a good fraction of a second;
reading a few thousand tally rows takes a millisecond. The tallies hold every published release,
scheduled ones included, in the month of its publication time. The finder takes them all and
takes away the scheduled releases (published, their time still to come: a handful, found on the
finder's index), counted through the same filter: an embargo still ends at its minute.

The tallies know years, months, types and topics: a filter on anything else (words, dates, a
language, an office, an event, several topics) is counted on the releases instead, and so are the
topics of a filter that has a topic (which topics go with it is not in the tallies).
"""

from django.db import connection
from django.db.models import Count, F, QuerySet, Sum, Value
from django.db.models.functions import ExtractMonth, ExtractYear

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
    def __init__(self, form, at):
        self.form = form
        self.data = form.cleaned_data
        self.topic = form.topics[0] if form.topics else None
        # What the tallies count but the public does not see yet, through the same filter.
        self.scheduled = form.filtered(
            PressRelease.objects.filter(status=PressRelease.Status.PUBLISHED, published_at__gt=at)
        )

    def periods_query(self):
        """(y, m, k, n) rows to add up: by month within a chosen year, else by year; the tally
        rows, and the scheduled releases counted negatively."""
        by_month = bool(self.data.get("year"))
        tallied = (
            self._rows(self.topic.pk if self.topic else 0, by_month)
            .annotate(y=F("year"), m=F("month") if by_month else Value(0), k=F("kind"))
            .values_list("y", "m", "k").annotate(n=Sum("count")).order_by()
        )
        # A plain QuerySet on the same query: modeltranslation's would reorder the columns that
        # the union relies on.
        scheduled = (
            QuerySet(PressRelease, query=self.scheduled.query.clone()).annotate(
                y=ExtractYear("published_at"),
                m=ExtractMonth("published_at") if by_month else Value(0), k=F("kind"),
            ).values_list("y", "m", "k").annotate(n=-Count("pk")).order_by()
        )
        return tallied.union(scheduled, all=True)

    def topic_counts_query(self):
        """(topic_id, n) rows to add up, or None when the tallies cannot tell (a topic is
        chosen): the tally rows, less the topic links of the scheduled releases."""
        if self.topic is not None:
            return None
        tallied = (
            self._rows(None, by_month=bool(self.data.get("year"))).exclude(topic_id=0)
            .values_list("topic_id").annotate(n=Sum("count")).order_by()
        )
        scheduled = (
            QuerySet(TaggedRelease).filter(content_object__in=self.scheduled.values("pk"))
            .annotate(topic_id=F("tag_id")).values_list("topic_id")
            .annotate(n=-Count("pk")).order_by()
        )
        return tallied.union(scheduled, all=True)

    def _rows(self, topic_id, by_month):
        """The tally rows of the filter's period: its months when a year is chosen, else every
        year's total (month 0)."""
        rows = ReleaseTally.objects.all()
        if topic_id is not None:
            rows = rows.filter(topic_id=topic_id)
        if self.data.get("kind"):
            rows = rows.filter(kind=self.data["kind"])
        if not by_month:
            return rows.filter(month=0)
        rows = rows.filter(year=self.data["year"], month__gt=0)
        if self.data.get("month"):
            rows = rows.filter(month=self.data["month"])
        return rows

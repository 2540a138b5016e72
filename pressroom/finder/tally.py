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
from django.db.models import F, QuerySet, Value
from django.db.models.functions import ExtractMonth, ExtractYear

from ..models import PressRelease
from .topic_ids import TopicIds

# The topics of the releases found (a subquery of rows with their topic ids `t`), counted.
TOPICS_FOUND = (
    "SELECT 't', topic, 0, '', count(*) FROM ({}) AS found, unnest(found.t) AS topic GROUP BY topic"
)
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
        self.scheduled = form.filtered(PressRelease.objects.scheduled(at=at))

    def statement(self, releases):
        """One statement (sql, params) of rows to add up: ('p', year, month or 0, kind, n) by
        month within a chosen year, else by year, and ('t', topic id, 0, '', n) by topic: the
        tally rows, less the scheduled releases. With a topic chosen, the other topics are
        counted on `releases` (which topics go with it is not in the tallies).

        The tally rows are read with plain SQL, quicker to build than a QuerySet; the scheduled
        releases come through the public QuerySet and the filter, which carry the rules."""
        by_month = bool(self.data.get("year"))
        month = "month" if by_month else "0"
        scheduled = (
            QuerySet(PressRelease, query=self.scheduled.query.clone())
            .annotate(
                y=ExtractYear("published_at"),
                m=ExtractMonth("published_at") if by_month else Value(0),
                k=F("kind"),
                t=TopicIds(),
            )
            .values("y", "m", "k", "t")
            .order_by()
        )
        sql, params = scheduled.query.sql_with_params()
        where, where_params = self._where(by_month)
        # Only constant fragments go into the text; every value is in `params`.
        parts = [
            f"SELECT 'p', year::bigint, {month}::int, kind::text, sum(count)::bigint"  # noqa: S608
            f" FROM pressroom_releasetally WHERE topic_id = %s AND {where}"
            f" GROUP BY {'year, month, kind' if by_month else 'year, kind'}",
            "SELECT 'p', y::bigint, m::int, k::text, -count(*) FROM scheduled GROUP BY y, m, k",
        ]
        params = [*params, self.topic.pk if self.topic else 0, *where_params]
        if self.topic is None:
            parts += [
                "SELECT 't', topic_id, 0, '', sum(count)::bigint FROM pressroom_releasetally"  # noqa: S608
                f" WHERE topic_id <> 0 AND {where} GROUP BY topic_id",
                "SELECT 't', topic, 0, '', -count(*)"
                " FROM (SELECT unnest(t) AS topic FROM scheduled) AS s GROUP BY topic",
            ]
            params += where_params
        else:
            found_sql, found_params = (
                releases.annotate(t=TopicIds()).values("t").order_by().query.sql_with_params()
            )
            parts.append(TOPICS_FOUND.format(found_sql))
            params += found_params
        return f"WITH scheduled AS MATERIALIZED ({sql}) " + " UNION ALL ".join(parts), params

    def _where(self, by_month):
        """The tally rows of the filter's period: its months when a year is chosen, else every
        year's total (month 0); of its type if it has one."""
        conditions, params = [], []
        if self.data.get("kind"):
            conditions.append("kind = %s")
            params.append(self.data["kind"])
        if not by_month:
            conditions.append("month = 0")
        else:
            conditions.append("year = %s AND month > 0")
            params.append(self.data["year"])
            if self.data.get("month"):
                conditions.append("month = %s")
                params.append(self.data["month"])
        return " AND ".join(conditions), params

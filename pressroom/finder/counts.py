"""The finder's counts in one statement on PostgreSQL: per period and type, and per topic.

From the tallies (pressroom/tally.py) when the filter allows, otherwise from the releases found.
Counted on the releases, both come from one pass over them (a materialised CTE): a broad word
search finds thousands of releases, and each pass over them reads thousands of table pages.
The topics are unnested from the ids each release keeps (`topic_ids`, migration 0009).
The statement is made of Django's own compiled queries (their values in `params`).
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Value
from django.db.models.functions import ExtractMonth, ExtractYear

from .fields import Sort
from .topic_ids import TopicIds

FOUND = """WITH found AS MATERIALIZED ({})
SELECT 'p', y::bigint, m::int, k::text, count(*) FROM found GROUP BY y, m, k
UNION ALL
SELECT 't', topic, 0, '', count(*) FROM (SELECT unnest(t) AS topic FROM found) AS topics
GROUP BY topic"""
# The page's ids, in the order of forms.Sort.ORDERINGS (d: published_at, r: the rank).
PAGE = "\nUNION ALL\n(SELECT 'i', i, 0, '', 0 FROM found ORDER BY {} LIMIT %s OFFSET %s)"
ORDER_SQL = {
    Sort.NEWEST: "d DESC, i DESC",
    Sort.OLDEST: "d ASC, i ASC",
    Sort.RELEVANCE: "r DESC, d DESC, i DESC",
}


@dataclass
class PageOrder:
    offset: int
    limit: int
    sort: str
    rank: object = None  # the rank expression, when sorted by relevance


def count(releases, tally, by_month, page=None):
    """([(year, month or None, kind, count)], {topic id: count}[, page ids]) in one query.

    `tally`: a TallyCounts when the filter allows, else None (count `releases`); then, with a
    `page` (PageOrder), the ids of that page come too, from the same pass."""
    ids = None
    if tally is None:
        found = (
            releases.annotate(
                y=ExtractYear("published_at"),
                m=ExtractMonth("published_at") if by_month else Value(0),
                k=F("kind"),
                t=TopicIds(),
                i=F("pk"),
                d=F("published_at"),
                r=page.rank if page and page.rank is not None else Value(0.0),
            )
            .values("y", "m", "k", "t", "i", "d", "r")
            .order_by()
        )
        sql, params = found.query.sql_with_params()
        statement = FOUND.format(sql)
        if page and page.offset >= 0:
            statement += PAGE.format(ORDER_SQL[page.sort])
            params = (*params, page.limit, page.offset)
            ids = []
    else:
        statement, params = tally.statement(releases)
    periods, topic_counts = {}, {}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for part, first, month, kind, number in cursor.fetchall():
            if part == "p":
                key = (first, month or None, kind)
                periods[key] = periods.get(key, 0) + number
            elif part == "t":
                topic_counts[first] = topic_counts.get(first, 0) + number
            else:
                ids.append(first)
    periods = [(*key, n) for key, n in periods.items() if n]
    return (periods, topic_counts) if ids is None else (periods, topic_counts, ids)

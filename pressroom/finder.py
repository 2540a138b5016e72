"""The finder's answer to one cleaned filter form: the count, the facets and a page of releases.

The page, the feed and the API build on it. A page costs the same few queries whatever the filter
and the number of releases:
  1. counts by year (or by month within a chosen year) and type: those facets and the total, in
     one grouped query, or, when the filter allows, from the tallies PostgreSQL keeps
     (pressroom/tally.py: past months there, this month on the releases),
  2. counts by topic (likewise), then those topics, named in the reader's language,
  3. the rows of the page's 20 releases, their ids found on the index alone
     (pressroom/listing.py; their topics come with them on PostgreSQL).
"""

from functools import cached_property

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone, translation
from django.utils.dates import MONTHS

from . import tally
from .listing import TopicIds, page_rows, topic_ids_kept
from .models import PressRelease, ReleaseKind, TaggedRelease, Topic

PER_PAGE = 20


class Finder:
    def __init__(self, form):
        assert form.is_valid(), "the view answers a bad filter before asking the finder"
        self.form = form
        self.at = timezone.now()
        self.releases = form.filtered(PressRelease.objects.published(at=self.at))

    # --- counts ---------------------------------------------------------------------------------

    @cached_property
    def _tally(self):
        return tally.TallyCounts(self.form, self.at) if tally.usable(self.form) else None

    @cached_property
    def _counts(self):
        """[(year, month or None, kind, count)] for the current filter: one grouped query."""
        if self._tally:
            return self._tally.periods()
        groups = {"year": ExtractYear("published_at")}
        if self.form.cleaned_data.get("year"):
            groups["month"] = ExtractMonth("published_at")
        rows = (
            self.releases.annotate(**groups).values(*groups, "kind")
            .annotate(count=Count("pk")).order_by()
        )
        return [(row["year"], row.get("month"), row["kind"], row["count"]) for row in rows]

    def _totals(self, position):
        totals = {}
        for row in self._counts:
            totals[row[position]] = totals.get(row[position], 0) + row[-1]
        return totals

    @cached_property
    def count(self):
        return sum(row[-1] for row in self._counts)

    @cached_property
    def years(self):
        """[(year, count)], latest first: the archive links."""
        return sorted(self._totals(0).items(), reverse=True)

    @cached_property
    def months(self):
        """[(month, its name, count)] in the chosen year, January first; empty without a year."""
        if not self.form.cleaned_data.get("year"):
            return []
        return [(month, MONTHS[month], count) for month, count in sorted(self._totals(1).items())]

    @cached_property
    def kinds(self):
        """[(kind, its name, count)] in the order of the choices, the empty ones left out."""
        totals = self._totals(2)
        return [
            (kind, label, totals[kind]) for kind, label in ReleaseKind.choices if kind in totals
        ]

    @cached_property
    def topics(self):
        """The topics of the releases found, each with its `count`, in the reader's language."""
        counts = self._tally.topic_counts() if self._tally else None
        if counts is None:
            counts = self._topic_counts_on_releases()
        topics = Topic.objects.filter(pk__in=[pk for pk, count in counts.items() if count])
        topics = list(topics.order_by(f"name_{translation.get_language()}", "slug"))
        for topic in topics:
            topic.count = counts[topic.pk]
        return topics

    def _topic_counts_on_releases(self):
        """{topic id: count} of the releases found. On PostgreSQL, from the topic ids each row
        keeps (migration 0009), in the rows read anyway: looking up the links of thousands of
        hits of a broad word search took longer than the search."""
        if not topic_ids_kept():
            links = TaggedRelease.objects.filter(content_object__in=self.releases)
            return dict(links.values_list("tag_id").annotate(n=Count("pk")).order_by())
        found = self.releases.annotate(found_topics=TopicIds()).values("found_topics").order_by()
        sql, params = found.query.sql_with_params()
        with connection.cursor() as cursor:
            # `sql` is Django's own, its values in `params`.
            cursor.execute(
                f"SELECT topic, count(*) FROM ({sql}) AS found, "  # noqa: S608
                "unnest(found.found_topics) AS topic GROUP BY topic",
                params,
            )
            return dict(cursor.fetchall())

    # --- one page -------------------------------------------------------------------------------

    def paginator(self, with_topics=True):
        """`with_topics`: the facets' topics are wanted anyway (the page); else (the API) the
        page's topics are read on their own."""
        return FinderPaginator(self, PER_PAGE, with_topics)


class FinderPaginator(Paginator):
    """Numbered pages that count once (the facets' total) and find a page's releases on the
    index alone, then read only those rows: page 500 costs little more than page 1."""

    def __init__(self, finder, per_page, with_topics):
        super().__init__(finder.releases, per_page)
        self.finder = finder
        self.count = finder.count
        # The facets name every topic of the releases found: the page's come from there.
        self.with_topics = with_topics

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        form = self.finder.form
        ids = form.ordered(self.finder.releases).values("pk")[bottom:bottom + self.per_page]
        rows = form.ordered(PressRelease.objects.filter(pk__in=ids))
        topics = {topic.pk: topic for topic in self.finder.topics} if self.with_topics else None
        releases = page_rows(rows, words=form.words, topics=topics)
        return self._get_page(releases, number, self)


def summary(finder):
    """One line that says what the reader sees, e.g. “42 press releases: Climate, 2024”."""
    parts = [label for label, _url in finder.form.active_filters()]
    counted = translation.ngettext(
        "%(count)d press release", "%(count)d press releases", finder.count
    ) % {"count": finder.count}
    return f"{counted}: {', '.join(parts)}" if parts else counted

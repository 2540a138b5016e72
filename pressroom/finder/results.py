"""The finder's answer to one cleaned filter form: the count, the facets and a page of releases.

The page, the feed and the API build on it. A page costs the same few queries whatever the filter
and the number of releases:
  1. counts by year (or by month within a chosen year) and type, which give the total too, and
     counts by topic: one statement on PostgreSQL (pressroom/counts.py), from the tallies
     PostgreSQL keeps when the filter allows (pressroom/tally.py), else from the releases,
  2. the topics counted, named in the reader's language,
  3. the rows of the page's 20 releases (pressroom/listing.py; on PostgreSQL their topics' ids
     come in the rows), their ids found on the index alone, or, where the releases themselves
     are counted, in the same pass as the counts.
"""

import contextlib
from functools import cached_property
from typing import NamedTuple

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone, translation
from django.utils.dates import MONTHS

from .. import pieces
from ..models import PressRelease, ReleaseKind, TaggedRelease
from . import counts, search, tally
from .fields import Sort
from .listing import page_rows

PER_PAGE = 20
MAX_PAGE = 10_000_000


class FoundTopic(NamedTuple):
    """A topic of the releases found, with how many of them it has (pieces.TopicLink's values)."""

    pk: int
    slug: str
    name: str
    count: int


class Finder:
    def __init__(self, form):
        assert form.is_valid(), "the view answers a bad filter before asking the finder"
        self.form = form
        self.at = timezone.now()
        self.releases = form.filtered(PressRelease.objects.published(at=self.at))
        self.wanted = None  # (offset, limit) of the page to show, once the paginator knows it

    # --- counts ---------------------------------------------------------------------------------

    @cached_property
    def _tally(self):
        return tally.TallyCounts(self.form, self.at) if tally.usable(self.form) else None

    @cached_property
    def _count_rows(self):
        """([(year, month or None, kind, count)], {topic id: count}[, the page's ids]) for the
        current filter (see counts.count)."""
        by_month = bool(self.form.cleaned_data.get("year"))
        if connection.vendor == "postgresql":
            return counts.count(self.releases, self._tally, by_month, self._page_order())
        # Elsewhere (SQLite, `make run`): two grouped queries on the releases.
        groups = {"year": ExtractYear("published_at")}
        if by_month:
            groups["month"] = ExtractMonth("published_at")
        rows = (
            self.releases.annotate(**groups)
            .values(*groups, "kind")
            .annotate(count=Count("pk"))
            .order_by()
        )
        periods = [(row["year"], row.get("month"), row["kind"], row["count"]) for row in rows]
        links = TaggedRelease.objects.filter(content_object__in=self.releases)
        return periods, dict(links.values_list("tag_id").annotate(n=Count("pk")).order_by())

    @property
    def _counts(self):
        return self._count_rows[0]

    @property
    def page_ids(self):
        """The ids of the page wanted, when they came with the counts; else None."""
        return self._count_rows[2] if len(self._count_rows) > 2 else None

    def _page_order(self):
        if self.wanted is None:
            return None
        rank = None
        if self.form.chosen_sort == Sort.RELEVANCE:
            rank = search.rank(self.form.words, self.form.search_languages())
        return counts.PageOrder(*self.wanted, sort=self.form.chosen_sort, rank=rank)

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
        """[FoundTopic]: the topics of the releases found, with their counts, in the reader's
        language's order."""
        counts = self._count_rows[1]
        wanted = [pk for pk, count in counts.items() if count]
        found = pieces.topic_links(wanted=wanted) if wanted else {}
        return [FoundTopic(*link, counts[pk]) for pk, link in found.items() if counts.get(pk)]

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
        # The facets name every topic of the releases found: the page's come from there.
        self.with_topics = with_topics

    @property
    def count(self):
        return self.finder.count

    def page(self, number):
        # Said before anything is counted: where the releases are counted (pressroom/counts.py),
        # the page's ids come with the counts, from the same pass over the releases found.
        with contextlib.suppress(TypeError, ValueError):
            if 1 <= int(number) <= MAX_PAGE:  # a page past the end is a 404 below
                self.finder.wanted = (int(number) - 1) * self.per_page, self.per_page
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        form = self.finder.form
        ids = self.finder.page_ids
        if ids is None:
            ids = form.ordered(self.finder.releases).values("pk")[bottom : bottom + self.per_page]
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
    if not parts:
        return counted
    # Translated as a whole: French puts a (no-break) space before the colon.
    return translation.gettext("%(counted)s: %(filters)s") % {
        "counted": counted,
        "filters": ", ".join(parts),
    }

"""The releases of one page of a list (finder, feed, API), read and dressed for showing, cheaply.

A list shows twenty releases; building each the full way (every column, the issuing unit as an
instance, the topics through taggit's prefetch, an address through `reverse()`) cost more
than the database did. Here a page is one query for the rows (only the columns a list shows, the
issuing office's slug and name joined in, and on PostgreSQL the topic ids kept in the row by
migration 0009); the topics' names are kept per language (pressroom/pieces.py).
Each release then carries what a template or a feed reads as plain attributes: `content` (the
version shown), `url`, `topic_list`, `office` and `passage_html`.
"""

from django.db.models import F
from django.utils import translation

from core.translated import LANGUAGE_CODES

from .. import pieces
from ..models import Correction, TaggedRelease
from ..models.releases import detail_prefix
from . import search
from .topic_ids import TopicIds, topic_ids_kept

LISTED_FIELDS = [
    "id",
    "published_at",
    "updated_at",
    "kind",
    "original_language",
    "issuing_unit",  # a unit's releases (its reverse relation) set it on each: not deferred
    "image",
    "image_width",
    "image_height",
    *[
        f"{name}_{code}"
        for name in ("title", "slug", "lead", "dateline")
        for code in LANGUAGE_CODES
    ],
]


class ReleaseUrls:
    """Release addresses: the prefix of each language, then the slug."""

    def __call__(self, release, language):
        return f"{detail_prefix(language)}{getattr(release, f'slug_{language}')}/"


def page_rows(releases, *, words="", topics=None, limit=None):
    """The first `limit` (or all) of `releases`, in their order, dressed for a list.

    `topics`: {id: topic} when the caller has them (the finder's facets name every topic of
    the releases found); otherwise the kept ones (pieces.topic_links). Either way a release's
    `topic_list` holds plain values (pk, slug, name), sorted by slug."""
    language = translation.get_language()
    rows = releases.only(*LISTED_FIELDS).annotate(
        office_slug=F("issuing_unit__slug"), office_name=F(f"issuing_unit__name_{language}")
    )
    if topic_ids_kept():
        rows = rows.annotate(topic_ids=TopicIds())
    if words:
        rows = rows.annotate(passage=search.passage(words, language))
    rows = list(rows[:limit] if limit else rows)
    links = _topic_links(rows)
    if topics is None:
        wanted = [pk for ids in links.values() for pk in ids]
        topics = pieces.topic_links(wanted=wanted) if wanted else {}
    urls = ReleaseUrls()
    for release in rows:
        release.content = release.in_language(language)
        release.url = urls(release, release.content.language)
        release.topic_list = sorted(
            (topics[pk] for pk in links.get(release.pk, ()) if pk in topics), key=_by_slug
        )
        release.passage_html = search.highlighted(getattr(release, "passage", ""))
    return rows


def attach_corrections(rows):
    """Give each release of a page its `correction_list` (oldest first), in one query: the feed
    and the API show them with the entry."""
    found = {}
    for correction in Correction.objects.filter(release__in=[release.pk for release in rows]):
        found.setdefault(correction.release_id, []).append(correction)
    for release in rows:
        release.correction_list = found.get(release.pk, [])
    return rows


def _topic_links(rows):
    if topic_ids_kept():
        return {release.pk: release.topic_ids for release in rows}
    links = {}
    pairs = TaggedRelease.objects.filter(content_object_id__in=[r.pk for r in rows])
    for release_id, topic_id in pairs.values_list("content_object_id", "tag_id"):
        links.setdefault(release_id, []).append(topic_id)
    return links


def _by_slug(topic):  # Topic's own ordering, as `release.topics.all()` gives them
    return topic.slug

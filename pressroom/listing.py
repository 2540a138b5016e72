"""The releases of one page of a list (finder, feed, API), read and dressed for showing, cheaply.

A list shows twenty releases; building each the full way (every column, the issuing unit as an
instance, the topics through taggit's prefetch, an address through `reverse()`) cost more
than the database did. Here a page is one query for the rows (only the columns a list shows, the
issuing office's slug and name joined in, and on PostgreSQL the topic ids kept in the row by
migration 0009) and, where the caller does not already have the topics, one for their names.
Each release then carries what a template or a feed reads as plain attributes: `content` (the
version shown), `url`, `topic_list`, `office` and `passage_html`.
"""

from django.db import connection
from django.db.models import BooleanField, Expression, F, Field
from django.db.models.expressions import Col
from django.urls import reverse
from django.utils import translation

from core.translated import LANGUAGE_CODES

from . import search
from .models import Correction, TaggedRelease, Topic

LISTED_FIELDS = [
    "id",
    "published_at",
    "updated_at",
    "kind",
    "original_language",
    "image",
    "image_width",
    "image_height",
    *[
        f"{name}_{code}"
        for name in ("title", "slug", "lead", "dateline")
        for code in LANGUAGE_CODES
    ],
]


class TopicIds(Expression):
    """A release's topic ids (`topic_ids`, kept by a trigger: migration 0009, PostgreSQL only)."""

    output_field = Field()  # a list of ints, as psycopg reads a bigint[]

    def resolve_expression(self, query=None, *args, **kwargs):
        field = Field()
        field.set_attributes_from_name("topic_ids")
        field.model = query.model
        return Col(query.get_initial_alias(), field)


class TopicIdsMatch(Expression):
    """A condition on `topic_ids`: it holds all of `ids` (`@>`), or any of them (`&&`). On its GIN
    index (migration 0009), PostgreSQL intersects a topic's releases with a year's on the
    indexes and reads only the releases in both."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, ids, any_of=False, column=None):
        super().__init__()
        self.ids, self.any_of, self.column = list(ids), any_of, column or TopicIds()

    def get_source_expressions(self):
        return [self.column]  # so that the column follows its table's alias into subqueries

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        return f"{column} {'&&' if self.any_of else '@>'} %s::bigint[]", [*params, self.ids]


def topic_ids_kept():
    return connection.vendor == "postgresql"


class ReleaseUrls:
    """Release addresses for one request: `reverse()` once per language, then the slug."""

    def __init__(self):
        self.prefixes = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                self.prefixes[code] = reverse("pressroom:detail", kwargs={"slug": "-"})[:-2]

    def __call__(self, release, language):
        return f"{self.prefixes[language]}{getattr(release, f'slug_{language}')}/"


def page_rows(releases, *, words="", topics=None, limit=None):
    """The first `limit` (or all) of `releases`, in their order, dressed for a list.

    `topics`: {id: Topic} when the caller has them (the finder's facets name every topic of
    the releases found); otherwise they are read in one query."""
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
        wanted = {topic_id for ids in links.values() for topic_id in ids}
        named = Topic.objects.filter(pk__in=wanted) if wanted else []
        topics = {topic.pk: topic for topic in named}
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

"""What the press room's public pages share, built once per language and kept until the public
pages change (core/site_pieces.py): the topics with their names, the offices and events that
public releases come from.
"""

import datetime
from typing import NamedTuple

from django.db.models import Case, CharField, F, Min, QuerySet, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone, translation

from core.site_pieces import kept
from core.translated import LANGUAGE_CODES
from events.models import Event

from .models import PressRelease, Topic


class TopicLink(NamedTuple):
    """A topic as lists show it (a summary's links, the finder's options): plain values, its
    name read once per language (a translated field costs microseconds on every read)."""

    pk: int
    slug: str
    name: str


def topics(wanted=()):
    """{id: Topic} of every topic, in the reader's language's order (name, then slug).

    A topic made without the notice (by a script) is read when it is `wanted`."""
    return _topics(wanted)[0]


def topic_links(wanted=()):
    """{id: TopicLink}: the same topics as `topics()`, in the same order, as plain values."""
    return _topics(wanted)[1]


def _topics(wanted):
    found = kept("pressroom-topics", _all_topics)
    if not found[0].keys() >= set(wanted):
        found = kept("pressroom-topics", _all_topics, again=True)
    return found


def topics_of(release):
    """The release's topics by slug: from the ids its row brought (`TopicIds`, no query), else
    through its topic links."""
    ids = getattr(release, "topic_ids", None)
    if ids is None:
        return list(release.topics.all())
    kept_topics = topics(wanted=ids)
    return sorted((kept_topics[pk] for pk in ids if pk in kept_topics), key=lambda t: t.slug)


def sources(at=None):
    """{"office": [(slug, name)], "event": [(slug, title)]}: the offices and the events that
    releases public at `at` (now) come from, in the reader's language.

    Kept with the moment each one's first release becomes public, so an embargo ending needs no
    expiry: an office whose only release is still embargoed is kept but not offered."""
    at = at or timezone.now()
    return {
        what: [(slug, label) for slug, label, first in choices if first <= at]
        for what, choices in kept("pressroom-sources", _sources).items()
    }


def _all_topics():
    ordered = Topic.objects.order_by(f"name_{translation.get_language()}", "slug")
    instances = {topic.pk: topic for topic in ordered}
    links = {pk: TopicLink(pk, topic.slug, topic.name) for pk, topic in instances.items()}
    return instances, links


def _sources():
    """{"office": [(slug, name, first)], "event": [(slug, title, first)]}, `first` the
    publication time of the earliest published release (scheduled or not), in one query."""
    language = translation.get_language()
    # Plain QuerySets: modeltranslation's would reorder the columns that the union relies on.
    published = QuerySet(PressRelease).filter(status=PressRelease.Status.PUBLISHED).order_by()
    offices = (
        published.filter(issuing_unit__isnull=False)
        .annotate(
            what=Value("office"),
            key=F("issuing_unit__slug"),
            label=F(f"issuing_unit__name_{language}"),
        )
        .values("what", "key", "label")
        .annotate(first=Min("published_at"))
        .values_list("what", "key", "label", "first")
    )
    original_title = Case(
        *[
            When(event__original_language=code, then=F(f"event__title_{code}"))
            for code in LANGUAGE_CODES
        ],
        output_field=CharField(),
    )
    events = (
        published.filter(event__in=Event.objects.published())
        .annotate(
            what=Value("event"),
            key=F("event__slug"),
            label=Coalesce(
                NullIf(F(f"event__title_{language}"), Value("")),
                original_title,
                output_field=CharField(),
            ),
        )
        .values("what", "key", "label")
        .annotate(first=Min("published_at"))
        .values_list("what", "key", "label", "first")
    )
    options: dict[str, list[tuple[str, str, datetime.datetime]]] = {"office": [], "event": []}
    for what, slug, label, first in offices.union(events, all=True):
        options[what].append((slug, label, first))
    return options

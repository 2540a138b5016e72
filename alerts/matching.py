"""The subscriptions a release matches, found in the database: one query, whatever their number.

The release is read once; each of the finder's filters then becomes a condition on the
subscription's columns (filters.py wrote them from the finder's cleaned form):

  type, office, event    the column is empty, or equal to the release's
  language (available)   empty, or one of the languages the release has a version in
  topics                 none; or all of them among the release's topics (“all”: the number of
                         the subscription's topics found equals `topic_count`); or at least one
                         (“any”): a count over the subscription's topics, on their index
  words                  empty, or found by PostgreSQL's full-text search in the release's
                         search document of a language the filter allows, with the finder's
                         own condition (pressroom/finder/search.py `matching()`), the
                         subscription's words taken as the query: `websearch_to_tsquery` in
                         the language's configuration, so stemming, stop words, quotes and
                         `-word` mean what they mean in the finder.

Only confirmed subscriptions of addresses that are not paused, confirmed before the release
became public, count. On SQLite (`make run`) the words are checked with the finder's plain
match, one subscription with words at a time: fine for trying the site, not for production.
"""

import functools
import operator

from django.db import connection, transaction
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from core.translated import LANGUAGE_CODES
from pressroom.finder import search
from pressroom.models import PressRelease, TaggedRelease

from .models import Subscription, SubscriptionTopic


def matching_subscriptions(release: PressRelease, at):
    """The confirmed subscriptions that `release` matches, as a QuerySet."""
    topic_ids = list(
        TaggedRelease.objects.filter(content_object=release).values_list("tag_id", flat=True)
    )
    subscriptions = Subscription.objects.filter(
        confirmed_at__isnull=False, confirmed_at__lte=at, address__paused_at=None
    )
    subscriptions = subscriptions.filter(
        Q(kind="") | Q(kind=release.kind),
        Q(office=None) | Q(office_id=release.issuing_unit_id),
        Q(event=None) | Q(event_id=release.event_id),
        Q(available_in="") | Q(available_in__in=release.languages),
    )
    found = (
        SubscriptionTopic.objects.filter(subscription=OuterRef("pk"), topic_id__in=topic_ids)
        .values("subscription")
        .annotate(n=Count("pk"))
        .values("n")
    )
    subscriptions = subscriptions.annotate(
        topics_found=Coalesce(Subquery(found, output_field=IntegerField()), Value(0))
    ).filter(
        Q(topic_count=0)
        | Q(match_any=True, topics_found__gt=0)
        | Q(match_any=False, topics_found=F("topic_count"))
    )
    if search.full_text():
        return subscriptions.filter(_words_match(release))
    return _words_match_elsewhere(subscriptions, release)


def matched(release: PressRelease, at):
    """[(subscription id, frequency)] of the subscriptions `release` matches, read with
    PostgreSQL's JIT compiler off: the subqueries' estimates make it compile the query, about
    0.8 s at 100,000 subscriptions, for a run of 0.2 s (bench/README.md)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        rows = matching_subscriptions(release, at).order_by().values_list("pk", "frequency")
        return list(rows)


def _words_match(release):
    this_release = PressRelease.objects.filter(pk=release.pk)
    conditions = [Q(words="")]
    for code in release.languages:
        found = Exists(this_release.filter(search.matching(OuterRef("words"), [code])))
        conditions.append(Q(available_in__in=["", code]) & found)
    return functools.reduce(operator.or_, conditions)


def _words_match_elsewhere(subscriptions, release):
    this_release = PressRelease.objects.filter(pk=release.pk)
    missed = []
    for pk, words, language in subscriptions.exclude(words="").values_list(
        "pk", "words", "available_in"
    ):
        languages = [language] if language else LANGUAGE_CODES
        if not this_release.filter(search.matching(words, languages)).exists():
            missed.append(pk)
    return subscriptions.exclude(pk__in=missed)

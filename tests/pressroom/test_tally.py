"""The tallies PostgreSQL keeps give the finder exactly the counts it would get by counting."""

import datetime
import random

import pytest
from django.db import connection
from django.utils import timezone

from pressroom.finder import Finder, ReleaseFilterForm, tally
from pressroom.models import PressRelease, ReleaseKind, ReleaseTally, TaggedRelease
from tests.factories import PressReleaseFactory, TopicFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="tallies: PostgreSQL triggers"),
]


def counts(query, *, from_tallies):
    form = ReleaseFilterForm(query)
    assert form.is_valid(), form.errors
    assert tally.usable(form)
    finder = Finder(form)
    if not from_tallies:
        finder._tally = None  # what counting the releases themselves gives
    return (sorted(finder._counts), sorted((t.slug, t.count) for t in finder.topics))


@pytest.fixture
def newsroom():
    """Releases over four years, this month and the coming days, in every state."""
    rng = random.Random(7)
    topics = TopicFactory.create_batch(5)
    now = timezone.now()
    start_of_month = timezone.localtime(now).replace(day=1, hour=0, minute=0)
    moments = [now - datetime.timedelta(days=rng.randint(1, 4 * 365)) for _ in range(40)]
    moments += [
        start_of_month + datetime.timedelta(minutes=5),
        now - datetime.timedelta(minutes=1),
        now + datetime.timedelta(hours=3),
        now + datetime.timedelta(days=40),
        start_of_month - datetime.timedelta(minutes=5),
    ]
    for moment in moments:
        PressReleaseFactory(
            published_at=moment,
            kind=rng.choice(ReleaseKind.values),
            draft=rng.random() < 0.15,
            topics=rng.sample(topics, rng.randint(0, 3)),
        )
    return topics


def queries(topics):
    year = timezone.localdate().year
    return [
        {},
        {"year": str(year)},
        {"year": str(year - 1)},
        {"year": str(year - 2), "month": "3"},
        {"year": str(year), "month": str(timezone.localdate().month)},
        {"year": str(year + 1)},
        {"kind": "statement"},
        {"topic": topics[0].slug},
        {"topic": topics[1].slug, "year": str(year - 1)},
        {"topic": topics[2].slug, "kind": "press-release"},
    ]


def test_the_tallies_count_what_counting_gives(newsroom):
    assert ReleaseTally.objects.exists()
    for query in queries(newsroom):
        assert counts(query, from_tallies=True) == counts(query, from_tallies=False), query


def test_the_tallies_follow_every_kind_of_change(newsroom):
    rng = random.Random(8)
    releases = list(PressRelease.objects.order_by("pk"))
    for release in rng.sample(releases, 6):  # published, unpublished, moved, retyped
        release.status = "draft" if release.status == "published" else "published"
        release.kind = rng.choice(ReleaseKind.values)
        release.published_at -= datetime.timedelta(days=rng.randint(0, 400))
        release.save()
    PressRelease.objects.filter(pk__in=[r.pk for r in releases[:5]]).update(status="published")
    PressRelease.objects.filter(pk__in=[r.pk for r in releases[5:9]]).update(kind="statement")
    releases[10].delete()
    releases[11].topics.set([newsroom[4]])
    TaggedRelease.objects.filter(content_object=releases[12]).delete()
    newsroom[3].delete()
    for query in queries(newsroom[:3]):
        assert counts(query, from_tallies=True) == counts(query, from_tallies=False), query


def test_the_tallies_can_be_rebuilt(newsroom):
    before = sorted(
        ReleaseTally.objects.filter(count__gt=0).values_list(
            "year", "month", "kind", "topic_id", "count"
        )
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT pressroom_tally_rebuild()")
    after = sorted(ReleaseTally.objects.values_list("year", "month", "kind", "topic_id", "count"))
    assert after == before


def test_a_release_whose_embargo_ends_is_counted_at_its_minute(client):
    now = timezone.now()
    PressReleaseFactory(published_at=now - datetime.timedelta(days=400))
    soon = PressReleaseFactory(published_at=now + datetime.timedelta(hours=1))
    form = ReleaseFilterForm({})
    form.is_valid()
    assert Finder(form).count == 1
    PressRelease.objects.filter(pk=soon.pk).update(published_at=now - datetime.timedelta(seconds=1))
    assert Finder(form).count == 2


def test_finer_filters_are_counted_on_the_releases():
    slugs = [TopicFactory().slug, TopicFactory().slug]
    for query in ({"q": "x"}, {"language": "en"}, {"from": "2024-01-01"}, {"topic": slugs}):
        form = ReleaseFilterForm(query)
        assert form.is_valid(), query
        assert not tally.usable(form), query

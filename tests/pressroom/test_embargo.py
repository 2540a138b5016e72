"""The embargo ends at its minute on every public surface, not a minute early.

A release is scheduled at the start of a minute `T` (in the future, so that nothing in the
database counts it as past yet). The clock (django.utils.timezone.now, which published(),
the tallies and the page cache all read) is set to one minute and one second before, then to `T`.
The page cache stays on: its entries expire by the cache backend's own clock (time.time), which
is moved with the site's, so a page kept just before `T` must not be served at `T`
(core/public_cache.py keeps it no longer than the next scheduled publication). With that rule
removed from public_cache.py, the list, search, feed and API cases fail.
"""

import datetime

import pytest
from django.utils import timezone

from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db

T = (timezone.now() + datetime.timedelta(days=3)).replace(second=0, microsecond=0)
TITLE = "Chiffres sous embargo"
SURFACES = {
    "page": "/fr/communiques/chiffres-sous-embargo/",
    "list": "/fr/communiques/",
    "feed": "/fr/communiques/feed/",
    "sitemap": "/sitemap.xml",
    "search": "/fr/communiques/?q=embargo",
    "api": "/fr/communiques/api/",
    "home": "/fr/",
}


@pytest.fixture
def scheduled():
    return PressReleaseFactory(
        title_fr=TITLE,
        slug_fr="chiffres-sous-embargo",
        published_at=T,
        lead_fr="Des chiffres sous embargo jusqu'à la minute.",
    )


def shows(client, surface):
    response = client.get(SURFACES[surface])
    if surface == "page":
        return response.status_code == 200
    assert response.status_code == 200
    return (TITLE if surface != "sitemap" else "chiffres-sous-embargo") in response.content.decode()


@pytest.mark.parametrize("surface", SURFACES)
def test_a_scheduled_release_appears_at_its_minute_and_not_before(
    client, clock, scheduled, surface
):
    clock(T - datetime.timedelta(minutes=1))
    assert not shows(client, surface), f"{surface} shows the release a minute early"
    clock(T - datetime.timedelta(seconds=1))
    assert not shows(client, surface), f"{surface} shows the release a second early"
    clock(T)
    assert shows(client, surface), f"{surface} does not show the release at its minute"


def test_a_page_cached_just_before_the_minute_is_not_served_at_the_minute(
    client, clock, scheduled, django_assert_num_queries
):
    clock(T - datetime.timedelta(seconds=30))
    assert TITLE not in client.get(SURFACES["list"]).content.decode()
    with django_assert_num_queries(0):  # kept: without it this test would prove nothing
        assert TITLE not in client.get(SURFACES["list"]).content.decode()
    clock(T)
    assert TITLE in client.get(SURFACES["list"]).content.decode()


def test_the_rule_itself_takes_the_time_at_the_minute(scheduled):
    assert not PressRelease.objects.published(at=T - datetime.timedelta(minutes=1)).exists()
    assert not scheduled.is_published(at=T - datetime.timedelta(microseconds=1))
    assert PressRelease.objects.published(at=T).get() == scheduled
    assert scheduled.is_published(at=T)

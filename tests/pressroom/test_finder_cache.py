"""The page cache of the list, feed and API: fast for anonymous readers, never wrong about what
is public."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import public_cache as page_cache
from core import public_pages
from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db

ADDRESSES = ["/fr/communiques/", "/fr/communiques/feed/", "/fr/communiques/api/"]
CHANGELIST = reverse("admin:pressroom_pressrelease_changelist")


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_second_anonymous_request_is_served_without_queries(
    client, address, django_assert_num_queries
):
    PressReleaseFactory(title_fr="Public")
    first = client.get(address)
    with django_assert_num_queries(0):
        second = client.get(address)
    assert second.content == first.content
    assert "Public" in second.content.decode()


def test_staff_with_a_session_are_never_served_from_the_cache(editor_client, client):
    PressReleaseFactory(title_fr="Public")
    client.get("/fr/communiques/")
    PressRelease.objects.update(title_fr="Changed without the admin")
    assert "Changed without the admin" in editor_client.get("/fr/communiques/").content.decode()


def test_a_page_expires_no_later_than_the_next_scheduled_publication():
    now = timezone.now()
    PressReleaseFactory(published_at=now + datetime.timedelta(seconds=90))
    assert 88 <= page_cache.seconds_to_live(now) <= 90
    PressReleaseFactory(published_at=now + datetime.timedelta(milliseconds=300))
    assert page_cache.seconds_to_live(now) == 0


def test_a_draft_scheduled_soon_does_not_shorten_the_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    PressReleaseFactory(draft=True, published_at=timezone.now() + datetime.timedelta(seconds=5))
    assert page_cache.seconds_to_live(timezone.now()) == 300


def test_an_embargo_ending_is_never_hidden_by_the_cache(
    client, settings, clock, django_assert_num_queries
):
    """The page made before the embargo ends is kept only until then."""
    settings.PAGE_CACHE_SECONDS = 300
    start = timezone.now()
    clock(start)
    PressReleaseFactory(title_fr="Déjà public")
    PressReleaseFactory(title_fr="Sous embargo", published_at=start + datetime.timedelta(seconds=3))
    assert "Sous embargo" not in client.get("/fr/communiques/").content.decode()
    clock(start + datetime.timedelta(seconds=1))
    with django_assert_num_queries(0):  # kept: without it this test would prove nothing
        assert "Sous embargo" not in client.get("/fr/communiques/").content.decode()
    # Its minute has come: no write, no clear(); the page kept before must have expired.
    clock(start + datetime.timedelta(seconds=3, milliseconds=100))
    assert "Sous embargo" in client.get("/fr/communiques/").content.decode()


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_publishing_or_unpublishing_in_the_admin_clears_the_cache(
    client, editor_client, action, django_capture_on_commit_callbacks
):
    release = PressReleaseFactory(title_fr="Le communiqué", draft=action == "publish")
    other = PressReleaseFactory(title_fr="Un autre")
    before = client.get("/fr/communiques/").content.decode()
    assert ("Le communiqué" in before) == (action == "unpublish")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            CHANGELIST, {"action": action, "_selected_action": [release.pk]}
        )
    assert response.status_code == 302
    after = client.get("/fr/communiques/").content.decode()
    assert ("Le communiqué" in after) == (action == "publish")
    assert "Un autre" in after and other.pk


def test_a_change_shows_once_the_transaction_that_clears_the_cache_commits(
    client, django_capture_on_commit_callbacks
):
    release = PressReleaseFactory(title_fr="Titre")
    client.get("/fr/communiques/api/")
    PressRelease.objects.filter(pk=release.pk).update(title_fr="Nouveau titre")
    assert client.get("/fr/communiques/api/").json()["results"][0]["title"] == "Titre"
    with django_capture_on_commit_callbacks(execute=True):
        public_pages.changed()
    assert client.get("/fr/communiques/api/").json()["results"][0]["title"] == "Nouveau titre"


@pytest.mark.parametrize("query", ["page=9", "year=nope"])
def test_bad_filters_and_missing_pages_are_not_kept(client, query):
    PressReleaseFactory()
    client.get(f"/fr/communiques/?{query}")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/fr/communiques/?{query}").status_code in (400, 404)
    assert queries.captured_queries, "answered again, not from the cache"

"""The one caching rule of public pages (core/public_cache.py): what every answer says to the
caches on the way, and the page cache that a failing Redis cannot turn into an error."""

import datetime
import re
from unittest import mock

import pytest
from django.core.cache import caches
from django.utils import timezone

from core import public_cache, public_pages
from tests.factories import (
    EventFactory,
    PageFactory,
    PersonFactory,
    PressReleaseFactory,
    PreviewLinkFactory,
    ProfileFactory,
    TopicFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def cache_control(response):
    return dict(
        (part.split("=") + [True])[:2] for part in re.split(r",\s*", response["Cache-Control"])
    )


@pytest.fixture
def site(db):
    """One item of each kind, public."""
    ProfileFactory()
    topic = TopicFactory()
    return {
        "release": PressReleaseFactory(topics=[topic]),
        "topic": topic,
        "event": EventFactory(),
        "unit": UnitFactory(slug="office"),
        "person": PersonFactory(slug="someone"),
        "page": PageFactory(),
    }


def public_addresses(site):
    event = site["event"]
    return [
        "/fr/",
        site["release"].get_absolute_url("fr"),
        "/fr/communiques/",
        "/fr/communiques/?q=migration",
        "/fr/communiques/feed/",
        "/fr/communiques/api/",
        "/fr/evenements/",
        event.get_absolute_url("fr"),
        event.get_absolute_url("fr") + "calendar.ics",
        "/fr/qui-sommes-nous/",
        "/fr/qui-sommes-nous/structure/",
        "/fr/qui-sommes-nous/structure/office/",
        "/fr/qui-sommes-nous/personnes/someone/",
        site["page"].get_absolute_url(),
        "/sitemap.xml",
        "/robots.txt",
    ]


def test_every_public_page_may_be_kept_by_every_cache_until_the_cap(client, site, settings):
    settings.PAGE_CACHE_SECONDS, settings.BROWSER_CACHE_SECONDS = 300, 30
    for address in public_addresses(site):
        response = client.get(address)
        assert response.status_code == 200, address
        assert cache_control(response) == {"public": True, "max-age": "30", "s-maxage": "300"}, (
            address
        )
        assert "all" in response["xkey"].split(), address
        assert response.has_header("ETag"), address
        assert "cookie" not in response.get("Vary", "").lower(), address


def test_pages_outside_the_language_prefixes_do_not_vary_by_the_browsers_language(client, site):
    for address in ("/sitemap.xml", "/robots.txt"):
        response = client.get(address, headers={"accept-language": "es"})
        assert "accept-language" not in response.get("Vary", "").lower(), address


def test_the_same_answer_from_the_page_cache_says_how_long_it_has_left(client, site, clock):
    start = timezone.now()
    clock(start)
    first = client.get("/fr/communiques/")
    clock(start + datetime.timedelta(seconds=100))
    again = client.get("/fr/communiques/")
    assert again.content == first.content
    assert cache_control(again)["s-maxage"] in ("199", "200")


def test_a_page_is_kept_no_later_than_the_next_scheduled_publication(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 300
    PressReleaseFactory(published_at=timezone.now() + datetime.timedelta(seconds=42))
    for address in ("/fr/", "/fr/communiques/feed/", site["release"].get_absolute_url("fr")):
        control = cache_control(client.get(address))
        assert 40 <= int(control["s-maxage"]) <= 42, address
        assert int(control["max-age"]) <= 30


def test_a_release_page_carries_its_own_keys_and_a_list_the_lists_key(client, site):
    release, topic = site["release"], site["topic"]
    keys = client.get(release.get_absolute_url("fr"))["xkey"].split()
    assert set(keys) == {"all", public_pages.key_for(release), public_pages.key_for(topic)}
    assert set(client.get("/fr/communiques/")["xkey"].split()) == {"all", "lists"}


def test_an_unchanged_page_is_answered_304(client, site):
    etag = client.get("/fr/communiques/")["ETag"]
    response = client.get("/fr/communiques/", headers={"if-none-match": etag})
    assert response.status_code == 304


@pytest.mark.parametrize(
    "address, status",
    [
        ("/fr/communiques/?year=nope", 400),  # a form with errors
        ("/fr/communiques/nothing-here/", 404),
        ("/fr/communiques/?page=99", 404),
    ],
)
def test_forms_with_errors_and_error_pages_are_kept_by_nobody(client, site, address, status):
    response = client.get(address)
    assert response.status_code == status
    assert cache_control(response) == {"private": True, "no-store": True}
    assert not response.has_header("xkey")


def test_staff_pages_are_kept_by_nobody(editor_client, site):
    response = editor_client.get(site["release"].get_absolute_url("fr"))
    assert cache_control(response) == {"private": True, "no-store": True}
    assert not response.has_header("xkey")


def test_previews_and_preview_links_are_kept_by_nobody(client, editor_client, site):
    draft = PressReleaseFactory(draft=True)
    preview = editor_client.get(draft.get_absolute_url("fr"))
    assert cache_control(preview) == {"private": True, "no-store": True}
    link = PreviewLinkFactory(release=draft)
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200
    assert cache_control(response) == {"private": True, "no-store": True}
    assert not response.has_header("xkey")


def test_health_checks_are_kept_by_nobody(client, db):
    assert "no-store" in client.get("/healthz")["Cache-Control"]


def test_a_change_tells_the_caches_which_keys_changed(django_capture_on_commit_callbacks):
    told = []

    def receive(sender, keys, **kwargs):
        told.append(keys)

    public_pages.public_pages_changed.connect(receive)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            public_pages.changed("pressroom.pressrelease-1", public_pages.LISTS)
        with django_capture_on_commit_callbacks(execute=True):
            public_pages.changed()
    finally:
        public_pages.public_pages_changed.disconnect(receive)
    assert told == [frozenset({"pressroom.pressrelease-1", "lists"}), frozenset({"all"})]


@pytest.fixture
def redis_down(settings):
    """A Redis cache where nothing listens (port 9 is discard, closed on loopback)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    yield
    caches["default"].close()


def test_a_cache_that_is_down_leaves_pages_uncached_not_broken(client, site, redis_down):
    for address in ("/fr/", "/fr/communiques/", site["release"].get_absolute_url("fr")):
        response = client.get(address)
        assert response.status_code == 200, address
        assert cache_control(response)["public"] is True


def test_a_cache_that_is_down_does_not_fail_a_change(redis_down):
    public_cache.clear()  # logged, not raised


def test_a_host_that_is_not_ours_is_a_400_that_nothing_keeps(client):
    response = client.get("/fr/communiques/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def cache_reads():
    """Every read of the shared cache (a round trip to Redis): the keys of each."""
    reads = []
    inside_get_many = []  # the local-memory cache's get_many calls its get: one read, not more
    real_get, real_get_many = public_cache.cache.get, public_cache.cache.get_many

    def counting_get(key, *args, **kwargs):
        if not inside_get_many:
            reads.append([key])
        return real_get(key, *args, **kwargs)

    def counting_get_many(keys, *args, **kwargs):
        reads.append(list(keys))
        inside_get_many.append(True)
        try:
            return real_get_many(keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    public_cache.generation()  # made before counting: the first read ever also writes it
    with (
        mock.patch.object(public_cache.cache, "get", counting_get),
        mock.patch.object(public_cache.cache, "get_many", counting_get_many),
    ):
        yield reads


@pytest.fixture
def generation_reads(cache_reads):
    """The reads of the shared cache that include the generation."""

    class Reads:
        def __len__(self):
            return sum(public_cache.GENERATION_KEY in keys for keys in cache_reads)

    return Reads()


def test_a_public_page_reads_the_generation_once(client, site, generation_reads):
    """The page cache and each piece of the page (the menu, the features, the profile) follow
    the generation, read once for the request."""
    assert client.get("/fr/").status_code == 200  # made, with every piece built
    assert len(generation_reads) == 1
    assert client.get("/fr/").status_code == 200  # from the page cache
    assert len(generation_reads) == 2
    assert client.get("/fr/communiques/").status_code == 200  # made, its pieces kept
    assert len(generation_reads) == 3


def test_a_page_from_the_page_cache_is_one_round_trip(client, site, cache_reads):
    """The generation and the kept page are read together: one round trip to Redis per hit."""
    assert client.get("/fr/").status_code == 200
    cache_reads.clear()
    response = client.get("/fr/")
    assert response.status_code == 200 and len(cache_reads) == 1
    assert cache_reads[0][0] == public_cache.GENERATION_KEY


def test_a_page_kept_before_a_change_is_not_served_after_it(client, site, cache_reads):
    """The kept page holds its generation: after a change it is made again, not served."""
    from pressroom.models import PressRelease

    release = PressRelease.objects.published().first()
    first = client.get("/fr/").content
    PressRelease.objects.filter(pk=release.pk).update(title_fr="Titre changé après coup")
    assert client.get("/fr/").content == first  # kept: nothing announced the change
    public_cache.clear()
    assert "Titre changé après coup" in client.get("/fr/").content.decode()


def test_outside_a_request_the_generation_is_read_each_time(generation_reads):
    public_cache.generation()
    public_cache.generation()
    assert len(generation_reads) == 2


def test_a_change_during_a_request_is_followed_by_the_rest_of_it(client, db):
    from django.core.signals import request_finished, request_started

    request_started.send(sender=None)
    try:
        before = public_cache.generation()
        public_cache.clear()
        after = public_cache.generation()
        assert after != before
        assert after == caches["default"].get(public_cache.GENERATION_KEY)
    finally:
        request_finished.send(sender=None)

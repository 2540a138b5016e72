"""The finder's query as an Atom feed: exactly the page's releases, never a draft."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.atom import feed_errors, rfc4287_errors
from tests.factories import CorrectionFactory, PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(language="fr"):
    with translation.override(language):
        return reverse("pressroom:feed")


def entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    return root, [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


class TestFeed:
    def test_the_feed_has_its_localised_address(self):
        assert feed_url("fr") == "/fr/communiques/feed/"
        assert feed_url("en") == "/en/press-releases/feed/"

    def test_the_feed_lists_public_releases_newest_first_in_the_readers_language(self, client):
        now = timezone.now()
        PressReleaseFactory(title_fr="Ancien", published_at=now - datetime.timedelta(days=3))
        PressReleaseFactory(title_fr="Récent", english=True, title_en="Recent")
        _root, titles = entries(client.get(feed_url("en")))
        assert titles == ["Recent", "Ancien"]

    def test_drafts_and_embargoed_releases_never_reach_the_feed(self, client):
        PressReleaseFactory(title_fr="Public")
        PressReleaseFactory(title_fr="Brouillon", draft=True)
        PressReleaseFactory(
            title_fr="Embargo", published_at=timezone.now() + datetime.timedelta(minutes=1)
        )
        assert entries(client.get(feed_url()))[1] == ["Public"]

    def test_the_feed_of_a_filter_equals_the_page_of_that_filter(self, client):
        climate = TopicFactory(slug="climate")
        health = TopicFactory(slug="health")
        now = timezone.now()
        for day in range(6):
            PressReleaseFactory(
                published_at=now - datetime.timedelta(days=day + 1),
                topics=[climate] if day % 2 else [climate, health],
                english=day % 3 == 0,
            )
        for query in (
            "topic=climate&topic=health",
            "topic=health&match=any&language=en",
            "sort=oldest",
            "q=communiqu%C3%A9",
        ):
            page = client.get(f"/fr/communiques/?{query}")
            _root, titles = entries(client.get(f"{feed_url()}?{query}"))
            assert titles == [r.title_fr for r in page.context["object_list"]], query

    def test_the_feed_title_and_links_carry_the_filter(self, client):
        TopicFactory(slug="climate", name_en="Climate")
        root, _titles = entries(client.get(f"{feed_url('en')}?topic=climate&year=2024"))
        assert root.findtext(f"{ATOM}title") == "IOM press releases – Climate, 2024"
        links = {link.get("rel"): link.get("href") for link in root.iter(f"{ATOM}link")}
        assert links["alternate"].endswith("/en/press-releases/?topic=climate&year=2024")
        assert links["self"].endswith("/en/press-releases/feed/?topic=climate&year=2024")

    def test_entries_carry_topics_and_dates(self, client):
        topic = TopicFactory(name_fr="Climat")
        release = PressReleaseFactory(topics=[topic])
        root, _titles = entries(client.get(feed_url()))
        entry = next(root.iter(f"{ATOM}entry"))
        assert [c.get("term") for c in entry.iter(f"{ATOM}category")] == ["Climat"]
        assert entry.findtext(f"{ATOM}published").startswith(str(release.published_at.year))

    def test_the_feed_is_valid_atom_with_its_author(self, client):
        topic = TopicFactory(name_fr="Climat")
        PressReleaseFactory(topics=[topic], english=True)
        CorrectionFactory(release=PressReleaseFactory(lead_fr="Chapeau <b>&</b> suite"))
        for language in ("fr", "en", "es"):
            response = client.get(feed_url(language), {"topic": topic.slug, "sort": "oldest"})
            assert feed_errors(response.content) == []
            response = client.get(feed_url(language))
            assert feed_errors(response.content) == []
        root, _titles = entries(client.get(feed_url("es")))
        assert root.findtext(f"{ATOM}author/{ATOM}name") == (
            "Organización Internacional para las Migraciones"
        )

    def test_an_empty_feed_is_valid_too(self, client):
        response = client.get(feed_url(), {"q": "introuvable"})
        assert feed_errors(response.content) == []

    def test_the_check_finds_a_feed_without_an_author(self):
        feed = ET.fromstring(  # noqa: S314 - written here
            '<feed xmlns="http://www.w3.org/2005/Atom"><id>https://a.example/</id><title>t</title>'
            "<updated>2024-05-23T10:00:00+00:00</updated><entry><id>https://a.example/1</id>"
            "<title>e</title><updated>2024-05-23T10:00:00+00:00</updated>"
            '<link href="https://a.example/1"/></entry></feed>'
        )
        assert rfc4287_errors(feed) == [
            "4.1.1: the feed has no atom:author and not every entry has one"
        ]

    def test_a_bad_filter_is_a_400_with_the_reason(self, client):
        response = client.get(feed_url("en"), {"from": "2024-03-01", "to": "2024-01-01"})
        assert response.status_code == 400
        assert "The start date is after the end date." in response.content.decode()

    def test_the_feed_needs_a_fixed_number_of_queries(self, client, django_assert_num_queries):
        topic = TopicFactory()
        PressReleaseFactory.create_batch(25, topics=[topic])
        # The topic asked for, the releases, their topics and corrections, the next scheduled
        # publication.
        with django_assert_num_queries(5):
            client.get(feed_url(), {"topic": topic.slug})

"""The finder's query as JSON: the page's releases with stable field names."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db

RELEASE_FIELDS = {
    "id",
    "url",
    "language",
    "kind",
    "title",
    "lead",
    "dateline",
    "published_at",
    "updated_at",
    "original_language",
    "languages",
    "translations",
    "topics",
    "corrections",
}


def api_url(language="fr"):
    with translation.override(language):
        return reverse("pressroom:api")


class TestApi:
    def test_the_api_has_its_localised_address(self):
        assert api_url("es") == "/es/comunicados/api/"

    def test_a_release_in_the_api_has_the_documented_fields(self, client):
        topic = TopicFactory(slug="climate", name_en="Climate")
        release = PressReleaseFactory(
            english=True, slug_fr="essai", slug_en="trial", title_en="Trial", topics=[topic]
        )
        data = client.get(api_url("en")).json()
        assert set(data) == {"count", "page", "pages", "next", "previous", "results"}
        assert (data["count"], data["page"], data["pages"]) == (1, 1, 1)
        item = data["results"][0]
        assert set(item) == RELEASE_FIELDS
        assert item["id"] == release.pk
        assert item["url"] == "http://testserver/en/press-releases/trial/"
        assert (item["language"], item["title"]) == ("en", "Trial")
        assert item["kind"] == "press-release"
        assert item["languages"] == ["fr", "en"]
        assert item["translations"] == {
            "fr": "http://testserver/fr/communiques/essai/",
            "en": "http://testserver/en/press-releases/trial/",
        }
        assert item["topics"] == [{"slug": "climate", "name": "Climate"}]
        assert datetime.datetime.fromisoformat(item["published_at"]) == release.published_at

    def test_a_release_missing_in_the_readers_language_comes_in_its_original(self, client):
        PressReleaseFactory(title_fr="Seulement en français")
        item = client.get(api_url("es")).json()["results"][0]
        assert (item["language"], item["title"]) == ("fr", "Seulement en français")

    def test_the_api_pages_by_twenty_with_links_that_keep_the_filter(self, client):
        topic = TopicFactory(slug="climate")
        now = timezone.now()
        for day in range(25):
            PressReleaseFactory(topics=[topic], published_at=now - datetime.timedelta(days=day + 1))
        first = client.get(api_url(), {"topic": "climate"}).json()
        assert (first["count"], first["pages"], len(first["results"])) == (25, 2, 20)
        assert first["previous"] is None
        assert first["next"] == "http://testserver/fr/communiques/api/?topic=climate&page=2"
        second = client.get(first["next"]).json()
        assert len(second["results"]) == 5
        assert second["previous"].endswith("?topic=climate&page=1")

    def test_the_api_equals_the_page_for_the_same_query(self, client):
        climate = TopicFactory(slug="climate")
        now = timezone.now()
        for day in range(5):
            PressReleaseFactory(
                published_at=now - datetime.timedelta(days=day + 1),
                topics=[climate] if day % 2 else [],
                spanish=day < 3,
            )
        for query in ("topic=climate", "language=es&sort=oldest", "q=communiqu%C3%A9"):
            page = client.get(f"/fr/communiques/?{query}")
            data = client.get(f"{api_url()}?{query}").json()
            assert [r["id"] for r in data["results"]] == [
                r.pk for r in page.context["object_list"]
            ], query
            assert data["count"] == page.context["paginator"].count

    def test_drafts_and_embargoed_releases_are_neither_listed_nor_counted(self, client):
        PressReleaseFactory(title_fr="Public")
        PressReleaseFactory(draft=True)
        PressReleaseFactory(published_at=timezone.now() + datetime.timedelta(minutes=1))
        data = client.get(api_url()).json()
        assert data["count"] == 1
        assert [r["title"] for r in data["results"]] == ["Public"]

    def test_a_bad_filter_is_a_400_with_the_reasons_by_parameter(self, client):
        with translation.override("en"):
            response = client.get(api_url("en"), {"from": "yesterday", "topic": "nope"})
        assert response.status_code == 400
        errors = response.json()["errors"]
        assert set(errors) == {"from", "topic"}
        assert errors["topic"] == ["There is no topic with this name."]

    def test_a_page_past_the_end_is_a_404_in_json(self, client):
        response = client.get(api_url(), {"page": "3"})
        assert response.status_code == 404
        assert "page" in response.json()["errors"]

    def test_the_api_needs_a_fixed_number_of_queries(self, client, django_assert_num_queries):
        topic = TopicFactory()
        PressReleaseFactory.create_batch(25, topics=[topic], english=True)
        # The topic asked for, the counts, the page, its topics, its corrections, and (for the
        # page cache) the next scheduled publication.
        with django_assert_num_queries(6):
            client.get(api_url(), {"topic": topic.slug})

    def test_the_api_is_read_only(self, client):
        assert client.post(api_url()).status_code == 405

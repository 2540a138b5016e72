"""The finder's words and the related releases on SQLite itself (`make run`): run by
test_plain_search.py in a pytest of their own with DATABASE_URL on SQLite; pytest does not collect
this file on its own (not test_*)."""

import pytest
from django.db import connection

from tests.factories import PressReleaseFactory


@pytest.fixture(autouse=True)
def on_sqlite():
    assert connection.vendor == "sqlite", "run by test_plain_search.py with DATABASE_URL on SQLite"


@pytest.mark.django_db
class TestTheFinderOnSqlite:
    def titles(self, client, words, **params):
        response = client.get("/fr/communiques/", {"q": words, **params})
        assert response.status_code == 200
        return response, [release.title_fr for release in response.context["object_list"]]

    def test_the_documented_syntax_works_and_accents_do_not_matter(self, client):
        PressReleaseFactory(title_fr="Journée internationale des migrants")
        PressReleaseFactory(title_fr="Journée mondiale des personnes déplacées")
        PressReleaseFactory(title_fr="Inondations au Bangladesh")
        assert self.titles(client, '"journée internationale"')[1] == [
            "Journée internationale des migrants"
        ]
        assert self.titles(client, "journée -mondiale")[1] == [
            "Journée internationale des migrants"
        ]
        assert self.titles(client, "deplacees")[1] == ["Journée mondiale des personnes déplacées"]
        assert sorted(self.titles(client, "inondations or deplacees")[1]) == [
            "Inondations au Bangladesh",
            "Journée mondiale des personnes déplacées",
        ]

    def test_the_title_ranks_first_and_the_words_are_highlighted(self, client):
        PressReleaseFactory(title_fr="Rapport", body_fr="<p>Les réfugiés climatiques.</p>")
        PressReleaseFactory(title_fr="Réfugiés climatiques au Sahel")
        response, titles = self.titles(client, "refugies climatiques")
        assert titles == ["Réfugiés climatiques au Sahel", "Rapport"]
        assert "<mark>réfugiés</mark> <mark>climatiques</mark>" in response.content.decode()

    def test_the_api_gives_the_passage(self, client):
        PressReleaseFactory(body_fr="<p>Les inondations ont déplacé 3 000 familles.</p>")
        item = client.get("/fr/communiques/api/", {"q": "inondation"}).json()["results"][0]
        assert "<mark>inondations</mark>" in item["passage"]


@pytest.mark.django_db
def test_related_releases_on_sqlite_come_through_taggit(client):
    """No `topic_ids` column on SQLite: the latest releases sharing a topic come through taggit's
    rows (PressReleaseQuerySet.related_to)."""
    from tests.factories import TopicFactory

    climate, water = TopicFactory(), TopicFactory()
    release = PressReleaseFactory(topics=[climate, water])
    PressReleaseFactory(title_fr="Deux thèmes en commun", topics=[climate, water])
    PressReleaseFactory(title_fr="Sans rapport", topics=[TopicFactory()])
    html = client.get(release.get_absolute_url()).content.decode()
    assert "Deux thèmes en commun" in html and "Sans rapport" not in html

"""Words in the finder: PostgreSQL full-text search in French, English and Spanish."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import PressReleaseFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search: PostgreSQL"),
]


def found(client, words, reader="fr", **params):
    url = {"fr": "/fr/communiques/", "en": "/en/press-releases/", "es": "/es/comunicados/"}
    response = client.get(url[reader], {"q": words, **params})
    assert response.status_code == 200
    return response, [release.title_fr for release in response.context["object_list"]]


class TestStemmingAndStopWords:
    def test_french_words_are_found_by_their_stem(self, client):
        PressReleaseFactory(title_fr="Les inondations touchent le pays")
        PressReleaseFactory(title_fr="Autre sujet")
        assert found(client, "inondation")[1] == ["Les inondations touchent le pays"]

    def test_english_words_are_found_by_their_stem(self, client):
        PressReleaseFactory(
            title_fr="Migrants",
            english=True,
            title_en="Migrants displaced",
            lead_en="Families were displacing towards the border.",
        )
        assert found(client, "displacement", "en")[1] == ["Migrants"]
        assert found(client, "displace", "en")[1] == ["Migrants"]

    def test_spanish_words_are_found_by_their_stem(self, client):
        PressReleaseFactory(
            title_fr="Sécheresse",
            spanish=True,
            body_es="<p>Las sequías obligan a las familias a migrar.</p>",
        )
        assert found(client, "sequía", "es")[1] == ["Sécheresse"]

    def test_stop_words_alone_find_nothing(self, client):
        PressReleaseFactory(title_fr="Le la des")
        assert found(client, "la des")[1] == []

    def test_every_word_must_be_there(self, client):
        PressReleaseFactory(title_fr="Climat et migrations")
        PressReleaseFactory(title_fr="Climat seulement")
        assert found(client, "climat migration")[1] == ["Climat et migrations"]

    def test_a_quoted_phrase_and_an_excluded_word(self, client):
        PressReleaseFactory(title_fr="Journée internationale des migrants")
        PressReleaseFactory(title_fr="Journée des migrants internationale")
        assert found(client, '"journée internationale" -mondiale')[1] == [
            "Journée internationale des migrants"
        ]


class TestAccents:
    """Journalists type without accents on foreign keyboards (issue 16)."""

    def test_a_french_word_without_its_accents_finds_what_the_word_finds(self, client):
        PressReleaseFactory(title_fr="Les personnes déplacées rentrent chez elles")
        PressReleaseFactory(title_fr="Autre sujet")
        assert found(client, "déplacées")[1] == ["Les personnes déplacées rentrent chez elles"]
        assert found(client, "deplacees")[1] == ["Les personnes déplacées rentrent chez elles"]
        assert found(client, "DEPLACÉE")[1] == ["Les personnes déplacées rentrent chez elles"]

    def test_a_spanish_word_without_its_accents_and_stemmed(self, client):
        PressReleaseFactory(
            title_fr="Migration", spanish=True, title_es="La migración en América Latina"
        )
        assert found(client, "migracion", "es")[1] == ["Migration"]
        assert found(client, "america", "es", language="es")[1] == ["Migration"]

    def test_the_passage_marks_the_accented_word_found_without_accents(self, client):
        PressReleaseFactory(body_fr="<p>Les familles déplacées reçoivent une aide.</p>")
        response, _titles = found(client, "deplacees")
        assert "<mark>déplacées</mark>" in response.content.decode()

    def test_relevance_still_ranks_the_title_first(self, client):
        PressReleaseFactory(title_fr="Rapport", body_fr="<p>Personnes déplacées.</p>")
        PressReleaseFactory(
            title_fr="Personnes déplacées au Sahel",
            published_at=timezone.now() - datetime.timedelta(days=9),
        )
        assert found(client, "personnes deplacees")[1] == [
            "Personnes déplacées au Sahel",
            "Rapport",
        ]


class TestLanguages:
    def test_words_are_looked_for_in_every_version(self, client):
        PressReleaseFactory(title_fr="Titre", english=True, title_en="Floods in Bangladesh")
        assert found(client, "floods", "fr")[1] == ["Titre"]

    def test_with_a_language_filter_only_that_version_is_searched(self, client):
        PressReleaseFactory(title_fr="Inondations", english=True, title_en="Floods")
        assert found(client, "floods", "fr", language="es")[1] == []
        assert found(client, "floods", "fr", language="en")[1] == ["Inondations"]


class TestRankingAndPassage:
    def test_a_match_in_the_title_ranks_above_one_in_the_body(self, client):
        PressReleaseFactory(title_fr="Rapport annuel", body_fr="<p>Les réfugiés climatiques.</p>")
        PressReleaseFactory(
            title_fr="Réfugiés climatiques au Sahel",
            published_at=timezone.now() - datetime.timedelta(days=9),
        )
        _response, titles = found(client, "réfugiés climatiques")
        assert titles == ["Réfugiés climatiques au Sahel", "Rapport annuel"]
        _response, titles = found(client, "réfugiés climatiques", sort="newest")
        assert titles == ["Rapport annuel", "Réfugiés climatiques au Sahel"]

    def test_the_matching_passage_is_highlighted_and_escaped(self, client):
        PressReleaseFactory(
            title_fr="Titre",
            lead_fr="Pluies <script>alert(1)</script> & inondations.",
            body_fr="<p>Les <strong>inondations</strong> &amp; les pluies ont déplacé "
            "3 000 familles.</p>",
        )
        response, _titles = found(client, "inondations")
        passage = response.content.decode().split('class="release-summary__passage"')[1]
        passage = passage[: passage.index("</p>")]
        assert "<mark>inondations</mark> &amp; les pluies ont déplacé 3 000 familles" in passage
        assert "Pluies alert(1) &amp; <mark>inondations</mark>." in passage
        assert "<strong>" not in passage and "<script>" not in passage

    def test_the_api_gives_the_passage_too(self, client):
        PressReleaseFactory(body_fr="<p>Les inondations ont déplacé 3 000 familles.</p>")
        item = client.get("/fr/communiques/api/", {"q": "inondations"}).json()["results"][0]
        assert "<mark>inondations</mark>" in item["passage"]

    def test_the_passage_comes_from_the_version_the_reader_sees(self, client):
        PressReleaseFactory(
            title_fr="Titre",
            body_fr="<p>Sécheresse.</p>",
            english=True,
            body_en="<p>Drought and floods.</p>",
        )
        response, _titles = found(client, "floods", "en")
        assert "<mark>floods</mark>" in response.content.decode()

    @pytest.mark.parametrize("words", ["a & !b | (c", "'; DROP TABLE x; --", '"', "---", "<->"])
    def test_any_words_are_a_valid_search(self, client, words):
        PressReleaseFactory()
        found(client, words)


class TestIndexes:
    def test_each_language_has_its_gin_index(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s",
                ["pressroom_pressrelease"],
            )
            indexes = dict(cursor.fetchall())
        for code in ("fr", "en", "es"):
            assert f"USING gin (search_{code})" in indexes[f"release_search_{code}"]

    def test_a_search_uses_the_indexes(self):
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            cursor.execute(
                "EXPLAIN SELECT id FROM pressroom_pressrelease "
                "WHERE search_fr @@ websearch_to_tsquery('french_unaccent', 'migration')"
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "release_search_fr" in plan

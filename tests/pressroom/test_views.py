import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from tests.factories import (
    MediaContactFactory,
    PressReleaseFactory,
    PreviewLinkFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

LIST_URLS = {"fr": "/fr/communiques/", "en": "/en/press-releases/", "es": "/es/comunicados/"}


def list_url(language):
    with translation.override(language):
        return reverse("pressroom:list")


class TestAddresses:
    @pytest.mark.parametrize("language", ["fr", "en", "es"])
    def test_the_list_has_a_localised_address_in_each_language(self, language):
        assert list_url(language) == LIST_URLS[language]

    def test_a_release_address_uses_the_slug_of_the_language_shown(self):
        release = PressReleaseFactory(english=True, slug_fr="essai", slug_en="trial")
        assert release.get_absolute_url("fr") == "/fr/communiques/essai/"
        assert release.get_absolute_url("en") == "/en/press-releases/trial/"
        assert release.get_absolute_url("es") == "/es/comunicados/essai/"

    def test_the_root_redirects_to_the_visitors_language(self, client):
        response = client.get("/", headers={"accept-language": "es-ES,es;q=0.9"})
        assert response.status_code == 302
        assert response["Location"] == "/es/"

    def test_the_root_redirects_to_french_by_default(self, client):
        response = client.get("/")
        assert response["Location"] == "/fr/"


class TestReleaseList:
    @pytest.mark.parametrize("language", ["fr", "en", "es"])
    def test_the_list_shows_public_releases_in_each_language(self, client, language):
        PressReleaseFactory(
            title_fr="Les migrations en chiffres",
            english=True,
            spanish=True,
            title_en="Migration in numbers",
            title_es="Las migraciones en cifras",
        )
        response = client.get(list_url(language))
        assert response.status_code == 200
        expected = {
            "fr": "Les migrations en chiffres",
            "en": "Migration in numbers",
            "es": "Las migraciones en cifras",
        }[language]
        assert expected in response.content.decode()
        assert f'<html lang="{language}" dir="ltr">' in response.content.decode()

    def test_drafts_and_embargoed_releases_are_not_listed_nor_counted(self, client):
        PressReleaseFactory(title_fr="Public")
        PressReleaseFactory(title_fr="Brouillon secret", draft=True)
        PressReleaseFactory(
            title_fr="Sous embargo", published_at=timezone.now() + datetime.timedelta(hours=1)
        )
        response = client.get(list_url("fr"))
        html = response.content.decode()
        assert "Public" in html
        assert "Brouillon secret" not in html
        assert "Sous embargo" not in html
        assert response.context["paginator"].count == 1

    def test_the_list_is_newest_first_twenty_a_page(self, client):
        now = timezone.now()
        releases = [
            PressReleaseFactory(published_at=now - datetime.timedelta(days=day))
            for day in range(1, 23)
        ]
        first_page = client.get(list_url("fr"))
        assert list(first_page.context["object_list"]) == releases[:20]
        second_page = client.get(list_url("fr"), {"page": 2})
        assert list(second_page.context["object_list"]) == releases[20:]

    def test_a_release_missing_in_english_is_listed_in_french_and_marked(self, client):
        PressReleaseFactory(title_fr="Seulement en français")
        html = client.get(list_url("en")).content.decode()
        assert '<h3 class="release-summary__title" lang="fr">' in html
        assert "Seulement en français" in html
        assert "Available in French only." in html

    def test_filtering_by_topic_keeps_only_releases_on_that_topic(self, client):
        climate = TopicFactory(slug="climate", name_fr="Climat")
        health = TopicFactory(slug="health")
        PressReleaseFactory(title_fr="Sur le climat", topics=[climate, health])
        PressReleaseFactory(title_fr="Sur la santé", topics=[health])
        response = client.get(list_url("fr"), {"topic": "climate"})
        titles = [r.title_fr for r in response.context["object_list"]]
        assert titles == ["Sur le climat"]

    def test_filtering_by_year_uses_geneva_time(self, client):
        # 23:30 UTC on 31 December 2023 is already 2024 in Geneva.
        new_year = datetime.datetime(2023, 12, 31, 23, 30, tzinfo=datetime.UTC)
        PressReleaseFactory(title_fr="Nouvel an", published_at=new_year)
        summer = new_year - datetime.timedelta(days=180)
        PressReleaseFactory(title_fr="Été 2023", published_at=summer)
        response = client.get(list_url("fr"), {"year": "2024"})
        assert [r.title_fr for r in response.context["object_list"]] == ["Nouvel an"]
        assert client.get(list_url("fr")).context["finder"].years == [(2024, 1), (2023, 1)]

    def test_topics_offered_are_only_those_of_public_releases(self, client):
        used = TopicFactory(name_fr="Utilisé")
        TopicFactory(name_fr="Seulement dans un brouillon")
        draft_topic = TopicFactory(name_fr="Brouillon")
        PressReleaseFactory(topics=[used])
        PressReleaseFactory(draft=True, topics=[draft_topic])
        response = client.get(list_url("fr"))
        assert [name for _slug, name, *_ in response.context["topic_options"]] == ["Utilisé"]

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ({"topic": "unknown"}, "Il n'existe aucun thème portant ce nom."),
            ({"year": "deux-mille"}, "L'année doit être un nombre, par exemple 2024."),
        ],
    )
    def test_a_bad_filter_is_a_400_explained_in_the_readers_language(self, client, query, message):
        PressReleaseFactory()
        response = client.get(list_url("fr"), query)
        assert response.status_code == 400
        assert escape(message) in response.content.decode()

    @pytest.mark.parametrize("page", ["99", "abc"])
    def test_a_page_that_does_not_exist_is_a_404(self, client, page):
        PressReleaseFactory()
        assert client.get(list_url("fr"), {"page": page}).status_code == 404

    def test_unknown_parameters_are_ignored(self, client):
        PressReleaseFactory()
        assert client.get(list_url("fr"), {"utm_source": "newsletter"}).status_code == 200

    def test_the_number_of_queries_does_not_grow_with_the_releases(
        self, client, django_assert_max_num_queries
    ):
        topics = TopicFactory.create_batch(3)
        PressReleaseFactory.create_batch(2, topics=topics)
        with django_assert_max_num_queries(100) as few:
            client.get(list_url("fr"))
        PressReleaseFactory.create_batch(25, topics=topics)
        cache.clear()  # the first answer was kept for anonymous readers: ask again for real
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(list_url("fr"))
        assert len(response.context["object_list"]) == 20


class TestReleasePage:
    def test_the_page_shows_the_release_with_contacts_and_note(self, client):
        contact = MediaContactFactory(name="Rahma Soliman", email="rsoliman@iom.int")
        topic = TopicFactory(name_fr="Voies régulières")
        release = PressReleaseFactory(
            title_fr="Le Dialogue international sur la migration",
            dateline_fr="New York",
            note_to_editors_fr="<p>Le programme complet est disponible.</p>",
            contacts=[contact],
            topics=[topic],
        )
        html = client.get(release.get_absolute_url("fr")).content.decode()
        for text in (
            "Le Dialogue international sur la migration",
            "New York",
            "Le programme complet est disponible.",
            "rsoliman@iom.int",
            "Rahma Soliman",
            "Voies régulières",
            "Note aux rédacteurs",
        ):
            assert text in html

    @pytest.mark.parametrize("language", ["fr", "en", "es"])
    def test_a_trilingual_release_is_shown_in_each_language(self, client, language):
        release = PressReleaseFactory(english=True, spanish=True)
        response = client.get(release.get_absolute_url(language))
        assert response.status_code == 200
        assert getattr(release, f"title_{language}") in response.content.decode()
        assert response.context["content"].language == language

    def test_a_release_missing_in_spanish_is_shown_in_french_with_its_lang(self, client):
        release = PressReleaseFactory(title_fr="Uniquement en français")
        response = client.get(release.get_absolute_url("es"))
        html = response.content.decode()
        assert response.status_code == 200
        assert '<div lang="fr">' in html
        assert "Uniquement en français" in html
        assert "Este comunicado de prensa no está disponible en su idioma" in html

    def test_the_page_links_to_the_other_languages_of_the_release(self, client):
        release = PressReleaseFactory(english=True, slug_fr="essai", slug_en="trial")
        html = client.get(release.get_absolute_url("fr")).content.decode()
        assert 'href="/en/press-releases/trial/" hreflang="en"' in html
        assert '<link rel="alternate" hreflang="en"' in html

    def test_the_original_version_is_marked_among_three(self, client):
        release = PressReleaseFactory(original_language="en", english=True, spanish=True)
        for language, marker in [
            ("fr", "(version originale)"),
            ("en", "(original version)"),
            ("es", "(versión original)"),
        ]:
            html = client.get(release.get_absolute_url(language)).content.decode()
            languages = html.split('class="release__languages"')[1].split("</p>")[0]
            assert languages.count("release__original") == 1
            english = languages.index('lang="en">' if language != "en" else "<strong>English")
            assert english < languages.index(marker) < languages.index("·", english)

    def test_a_release_in_one_language_has_no_original_marked(self, client):
        html = client.get(PressReleaseFactory().get_absolute_url("fr")).content.decode()
        assert "release__original" not in html

    def test_the_language_switcher_keeps_the_release(self, client):
        release = PressReleaseFactory(english=True, slug_fr="essai", slug_en="trial")
        response = client.get(release.get_absolute_url("fr"))
        assert '<a href="/en/press-releases/trial/" hreflang="en" lang="en">English</a>' in (
            response.content.decode()
        )

    def test_another_languages_slug_redirects_to_the_canonical_address(self, client):
        release = PressReleaseFactory(english=True, slug_fr="essai", slug_en="trial")
        response = client.get("/fr/communiques/trial/")
        assert response.status_code == 301
        assert response["Location"] == release.get_absolute_url("fr")

    def test_a_draft_is_a_404_for_the_public(self, client):
        release = PressReleaseFactory(draft=True)
        assert client.get(release.get_absolute_url("fr")).status_code == 404

    def test_an_embargoed_release_is_a_404_for_the_public(self, client):
        release = PressReleaseFactory(published_at=timezone.now() + datetime.timedelta(minutes=5))
        assert client.get(release.get_absolute_url("fr")).status_code == 404

    def test_an_unknown_address_is_a_404_in_the_readers_language(self, client):
        response = client.get("/es/comunicados/no-existe/")
        assert response.status_code == 404
        assert "Página no encontrada" in response.content.decode()

    def test_staff_see_a_draft_as_a_preview_not_indexed(self, editor_client):
        release = PressReleaseFactory(draft=True)
        response = editor_client.get(release.get_absolute_url("fr"))
        html = response.content.decode()
        assert response.status_code == 200
        assert 'class="preview-banner"' in html
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert response["X-Robots-Tag"] == "noindex, nofollow"

    def test_the_body_is_rendered_as_html(self, client):
        release = PressReleaseFactory(body_fr="<p>Premier <strong>paragraphe</strong>.</p>")
        html = client.get(release.get_absolute_url("fr")).content.decode()
        assert "<p>Premier <strong>paragraphe</strong>.</p>" in html


class TestHome:
    @pytest.mark.parametrize("language", ["fr", "en", "es"])
    def test_the_home_page_lists_the_latest_public_releases(self, client, language):
        PressReleaseFactory(title_fr="Le plus récent")
        PressReleaseFactory(title_fr="Pas encore", draft=True)
        html = client.get(f"/{language}/").content.decode()
        assert "Le plus récent" in html
        assert "Pas encore" not in html


class TestBadInput:
    @pytest.mark.parametrize(
        "query",
        [
            {"topic": "\x00"},
            {"topic": "x" * 10_000},
            {"topic": "\ufffd"},
            {"year": "\x00"},
            {"year": "99999999999999999999"},
            {"year": "-5"},
        ],
    )
    def test_a_malformed_filter_is_a_400_never_a_500(self, client, query):
        PressReleaseFactory()
        assert client.get(list_url("fr"), query).status_code == 400

    def test_invalid_utf8_in_the_query_string_is_a_400(self, client):
        PressReleaseFactory()
        assert client.get(list_url("fr") + "?topic=%ff%fe").status_code == 400

    # A NUL byte anywhere in the address is a 400: tests/iom_cms/test_middleware.py.
    @pytest.mark.parametrize("page", ["0", "-1", "1e9", "9" * 30])
    def test_a_malformed_page_number_is_a_404(self, client, page):
        PressReleaseFactory()
        assert client.get(list_url("fr"), {"page": page}).status_code == 404

    def test_a_repeated_parameter_uses_its_last_value(self, client):
        # Except `topic`, which may be repeated to choose several topics (see test_finder.py).
        PressReleaseFactory(published_at=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC))
        response = client.get(list_url("fr") + "?year=deux-mille&year=2024")
        assert response.status_code == 200
        assert response.context["paginator"].count == 1

    @pytest.mark.parametrize("slug", ["a" * 300, "%E2%80%AE"])
    def test_a_malformed_release_address_is_a_404(self, client, slug):
        assert client.get(f"/fr/communiques/{slug}/").status_code == 404

    def test_the_release_page_needs_a_fixed_number_of_queries(
        self, client, django_assert_max_num_queries
    ):
        few = PressReleaseFactory(topics=TopicFactory.create_batch(1))
        many = PressReleaseFactory(
            topics=TopicFactory.create_batch(8),
            contacts=[MediaContactFactory() for _ in range(5)],
        )
        with django_assert_max_num_queries(100) as baseline:
            client.get(few.get_absolute_url("fr"))
        with django_assert_max_num_queries(len(baseline.captured_queries)):
            assert client.get(many.get_absolute_url("fr")).status_code == 200


@pytest.mark.parametrize(
    ("kind", "label"), [("statement", "Déclaration"), ("press-release", "Communiqué de presse")]
)
def test_the_release_page_names_its_type(client, kind, label):
    release = PressReleaseFactory(kind=kind)
    html = client.get(release.get_absolute_url("fr")).content.decode()
    assert f'<p class="release__kind">{label}</p>' in html


class TestReleasePageSideColumn:
    def side_column(self, client, release):
        html = client.get(release.get_absolute_url("fr")).content.decode()
        return html[
            html.index('<div class="release__aside side-column">') : html.index("</article>")
        ]

    def test_contacts_and_topics_are_beside_the_text(self, client):
        climate = TopicFactory(name_fr="Climat")
        release = PressReleaseFactory(
            topics=[climate], contacts=[MediaContactFactory(name="Rahma Soliman")]
        )
        side = self.side_column(client, release)
        assert 'id="contacts-heading">Contacts presse</h2>' in side and "Rahma Soliman" in side
        assert 'id="topics-heading">Thèmes</h2>' in side and "Climat" in side

    def test_related_releases_share_topics_most_shared_first_public_only(self, client):
        climate, water = TopicFactory(), TopicFactory()
        release = PressReleaseFactory(topics=[climate, water])
        one = PressReleaseFactory(title_fr="Un thème en commun", topics=[climate])
        two = PressReleaseFactory(
            title_fr="Deux thèmes en commun",
            topics=[climate, water],
            published_at=timezone.now() - datetime.timedelta(days=30),
        )
        PressReleaseFactory(title_fr="Brouillon lié", topics=[climate], draft=True)
        PressReleaseFactory(title_fr="Sans rapport", topics=[TopicFactory()])
        side = self.side_column(client, release)
        assert side.index(two.title_fr) < side.index(one.title_fr)
        assert "Brouillon lié" not in side and "Sans rapport" not in side

    def test_related_releases_are_ranked_among_the_latest_that_share_a_topic(
        self, client, monkeypatch
    ):
        """The window bounds the work at 100,000 releases: an old release sharing more topics
        than the latest ones is not dug out of the archive."""
        monkeypatch.setattr("pressroom.models.releases.RELATED_WINDOW", 2)
        climate, water = TopicFactory(), TopicFactory()
        release = PressReleaseFactory(topics=[climate, water])
        PressReleaseFactory(
            title_fr="Ancien, deux thèmes",
            topics=[climate, water],
            published_at=timezone.now() - datetime.timedelta(days=300),
        )
        for day in (1, 2):
            PressReleaseFactory(
                title_fr=f"Récent {day}",
                topics=[water],
                published_at=timezone.now() - datetime.timedelta(days=day),
            )
        side = self.side_column(client, release)
        assert side.index("Récent 1") < side.index("Récent 2")
        assert "Ancien, deux thèmes" not in side

    def test_a_release_without_topics_has_no_related_releases(self, client):
        PressReleaseFactory(topics=[TopicFactory()])
        assert "related-heading" not in self.side_column(client, PressReleaseFactory())


class TestEveryPage:
    @pytest.mark.parametrize("address", ["/fr/", "/en/press-releases/"])
    def test_print_styles_favicon_and_the_printed_address(self, client, address):
        html = client.get(address).content.decode()
        assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html
        assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
        assert f'<p class="print-address wrap">http://testserver{address}</p>' in html
        assert '<svg class="site-name__emblem"' in html

    def test_a_preview_never_prints_its_secret_address(self, client):
        link = PreviewLinkFactory()
        html = client.get(link.get_absolute_url()).content.decode()
        assert "print-address" not in html

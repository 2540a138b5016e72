import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core import public_pages
from pages import demo
from pages.models import Page
from tests.factories import PageFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db


class TestPages:
    @pytest.mark.parametrize(
        ("language", "path", "title"),
        [("fr", "/fr/page-0/", "Page 0"), ("en", "/en/page-0-en/", "Page 0 in English")],
    )
    def test_a_page_is_shown_at_its_address_in_each_language(self, client, language, path, title):
        PageFactory(
            title_fr="Page 0", slug_fr="page-0", title_en="Page 0 in English", slug_en="page-0-en"
        )
        response = client.get(path)
        assert response.status_code == 200
        assert f"<h1>{title}</h1>" in response.content.decode()

    def test_a_page_missing_in_spanish_is_shown_in_its_original_language(self, client):
        PageFactory(title_fr="Agir", slug_fr="agir", title_en=None, slug_en=None, body_en=None)
        html = client.get("/es/agir/").content.decode()
        assert '<div lang="fr">' in html
        assert "<h1>Agir</h1>" in html

    def test_another_languages_slug_redirects_to_the_canonical_address(self, client):
        PageFactory(slug_fr="agir", slug_en="take-action")
        response = client.get("/fr/take-action/")
        assert (response.status_code, response["Location"]) == (301, "/fr/agir/")

    def test_a_sub_page_lives_under_its_parent(self, client):
        parent = PageFactory(slug_fr="agir")
        PageFactory(parent=parent, title_fr="Engagez-vous", slug_fr="engagez-vous")
        assert client.get("/fr/agir/engagez-vous/").status_code == 200
        assert client.get("/fr/engagez-vous/").status_code == 404
        assert "Engagez-vous" in client.get("/fr/agir/").content.decode()

    def test_an_unpublished_page_is_a_404(self, client):
        PageFactory(slug_fr="brouillon", is_published=False)
        assert client.get("/fr/brouillon/").status_code == 404

    def test_a_page_under_an_unpublished_parent_is_a_404(self, client):
        parent = PageFactory(slug_fr="cache", is_published=False)
        PageFactory(parent=parent, slug_fr="visible")
        assert client.get("/fr/cache/visible/").status_code == 404

    # "/fr/%00/" is a 400, like any address with a NUL byte: see test_middleware.py.
    @pytest.mark.parametrize("path", ["/fr/nope/", "/fr/a/b/c/"])
    def test_an_unknown_address_is_a_404(self, client, path):
        assert client.get(path).status_code == 404

    def test_a_page_leading_to_a_section_redirects_there(self, client):
        PageFactory(slug_fr="communiques-menu", section="pressroom:list")
        response = client.get("/fr/communiques-menu/")
        assert (response.status_code, response["Location"]) == (302, "/fr/communiques/")


class TestPageRules:
    def test_a_third_level_is_refused(self):
        child = PageFactory(parent=PageFactory())
        with pytest.raises(ValidationError) as error:
            PageFactory.build(parent=child).full_clean()
        assert "parent" in error.value.message_dict

    def test_a_page_may_not_take_the_address_of_another_part_of_the_site(self):
        page = PageFactory.build(slug_fr="communiques")
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "slug_fr" in error.value.message_dict

    def test_two_top_level_pages_may_not_share_a_slug(self):
        PageFactory(slug_fr="agir")
        with pytest.raises(IntegrityError), transaction.atomic():
            PageFactory(slug_fr="agir")

    def test_sub_pages_of_different_parents_may_share_a_slug(self):
        PageFactory(parent=PageFactory(), slug_fr="contact")
        PageFactory(parent=PageFactory(), slug_fr="contact")
        assert Page.objects.filter(slug_fr="contact").count() == 2

    def test_a_page_without_its_original_language_is_refused_by_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            PageFactory(original_language="es")


class TestMenu:
    def test_the_menu_is_kept_until_the_public_pages_change(
        self, client, django_capture_on_commit_callbacks
    ):
        def menu():
            html = client.get("/fr/qui-sommes-nous/").content.decode()
            return html.split('class="site-nav"')[1].split("</nav>")[0]

        PageFactory(title_fr="Première", order=1)
        assert "Première" in menu()
        PageFactory(title_fr="Deuxième", order=2)
        assert "Deuxième" not in menu()  # kept: nothing told the site
        with django_capture_on_commit_callbacks(execute=True):
            public_pages.changed()  # as the admin and the services do after a change
        assert "Deuxième" in menu()

    def test_the_menu_lists_published_top_level_pages_in_order(self, client):
        PageFactory(title_fr="Deuxième", order=2)
        PageFactory(title_fr="Première", order=1)
        PageFactory(title_fr="Cachée", order=3, in_menu=False)
        PageFactory(title_fr="Brouillon", order=4, is_published=False)
        menu = client.get("/fr/communiques/").content.decode().split('class="site-nav"')[1]
        menu = menu.split("</nav>")[0]
        assert menu.index("Première") < menu.index("Deuxième")
        assert "Cachée" not in menu and "Brouillon" not in menu

    def test_the_current_section_is_marked_in_the_menu(self, client):
        PageFactory(title_fr="Communiqués", slug_fr="communiques-menu", section="pressroom:list")
        PressReleaseFactory()
        html = client.get("/fr/communiques/").content.decode()
        assert '<a href="/fr/communiques/" aria-current="page">Communiqués</a>' in html

    def test_without_pages_the_menu_still_leads_to_the_press_releases(self, client):
        html = client.get("/fr/").content.decode()
        assert '<a href="/fr/communiques/"' in html

    def test_the_demo_menu_is_loaded_once(self):
        demo.load()
        demo.load()
        assert Page.objects.filter(parent=None).count() == 8
        assert Page.objects.count() == 12

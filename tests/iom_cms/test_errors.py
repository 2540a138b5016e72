"""While the database is unreachable, pages are a 503 in the visitor's language, not a 500."""

import pytest
from django.db import OperationalError, connections
from django.test import Client


@pytest.fixture
def database_down(monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(type(connections["default"]), "cursor", refused)


@pytest.fixture
def visitor():
    # The real handler answers instead of the test client re-raising the exception.
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/fr/", "fr", "Le site est momentanément indisponible"),
        ("/en/press-releases/", "en", "The site is temporarily unavailable"),
        ("/es/comunicados/", "es", "El sitio no está disponible temporalmente"),
    ],
)
def test_pages_are_a_503_in_the_visitors_language_while_the_database_is_down(
    visitor, database_down, path, language, heading
):
    response = visitor.get(path)
    assert response.status_code == 503
    html = response.content.decode()
    assert f'<html lang="{language}" dir="ltr">' in html
    assert heading in html
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_is_a_503_in_the_browsers_language(visitor, database_down):
    visitor.cookies["__Host-sessionid"] = "a-session-that-needs-the-database"
    response = visitor.get("/admin/", headers={"accept-language": "es"})
    assert response.status_code == 503
    assert '<html lang="es" dir="ltr">' in response.content.decode()


@pytest.mark.django_db
def test_other_errors_are_still_the_500_page(visitor, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("iom_cms.views.HomeView.get_context_data", broken)
    response = visitor.get("/fr/")
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()


@pytest.fixture
def broken_home(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("iom_cms.views.HomeView.get_context_data", broken)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "menu_entry"),
    [
        ("fr", "Erreur du serveur", "Page du menu"),
        ("en", "Server error", "Menu page"),
        ("es", "Error del servidor", "Página del menú"),
    ],
)
def test_the_500_page_is_in_the_visitors_language_with_the_menu_from_the_database(
    visitor, broken_home, language, heading, menu_entry
):
    from tests.factories import PageFactory

    PageFactory(
        title_fr="Page du menu",
        title_en="Menu page",
        title_es="Página del menú",
        slug_es="pagina-del-menu",
    )
    response = visitor.get(f"/{language}/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}" dir="ltr">' in html
    assert f"<h1>{heading}</h1>" in html
    assert menu_entry in html
    assert 'class="language-switcher"' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
def test_the_500_page_keeps_its_navigation_when_the_database_cannot_be_read(
    visitor, broken_home, database_down
):
    response = visitor.get("/en/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Server error</h1>" in html
    # The menu falls back to the site's sections, which need no query.
    assert 'href="/en/press-releases/"' in html and 'href="/en/events/"' in html


@pytest.mark.django_db
def test_when_even_the_500_page_fails_the_plain_one_answers(visitor, broken_home, monkeypatch):
    def also_broken(*args, **kwargs):
        raise RuntimeError("the site's templates are broken too")

    monkeypatch.setattr("django.template.loader.render_to_string", also_broken)
    response = visitor.get("/es/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Error del servidor" in html and "Server error" in html


def test_the_503_page_renders_without_the_database():
    from django.template import loader

    html = loader.get_template("503.html").render({"language": "en"})
    assert "temporarily unavailable" in html

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
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_is_a_503_in_the_browsers_language(visitor, database_down):
    visitor.cookies["__Host-sessionid"] = "a-session-that-needs-the-database"
    response = visitor.get("/admin/", headers={"accept-language": "es"})
    assert response.status_code == 503
    assert '<html lang="es">' in response.content.decode()


@pytest.mark.django_db
def test_other_errors_are_still_the_500_page(visitor, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("iom_cms.views.HomeView.get_context_data", broken)
    response = visitor.get("/fr/")
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()


def test_the_503_page_renders_without_the_database():
    from django.template import loader

    html = loader.get_template("503.html").render({"language": "en"})
    assert "temporarily unavailable" in html

import pytest
from django.db import OperationalError, connections
from django.urls import reverse

from iom_cms import health


def test_healthz_answers_without_the_database(client):
    # No django_db mark: any query here would fail the test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_health_checks_are_outside_the_language_prefixes():
    assert reverse("healthz") == "/healthz"
    assert reverse("readyz") == "/readyz"


def test_health_checks_answer_over_plain_http_even_with_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/fr/").status_code == 301


@pytest.mark.django_db
def test_readyz_checks_the_database_and_the_migrations(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.content == b"ready\n"
    assert "no-store" in response["Cache-Control"]
    assert health._migrations_applied


@pytest.mark.django_db
def test_readyz_is_a_503_while_a_migration_is_missing(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(
        "django.db.migrations.executor.MigrationExecutor.migration_plan",
        lambda self, targets: [("a migration", False)],
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"migrations not applied\n"


@pytest.mark.django_db
def test_readyz_is_a_503_while_the_database_is_down(client, monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(type(connections["default"]), "cursor", refused)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"database unavailable\n"


@pytest.mark.django_db
def test_readyz_needs_one_query_once_migrations_are_known_applied(
    client, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(health, "_migrations_applied", True)
    with django_assert_num_queries(1):
        assert client.get("/readyz").status_code == 200

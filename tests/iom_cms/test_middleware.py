"""Malformed addresses are refused everywhere; every request is logged on one line with an id."""

import logging

import pytest

from tests.factories import EventFactory, PersonFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db

# Every kind of address: a page, a list with a filter, the admin, static and media files, the
# health check, and nothing at all.
ADDRESSES = [
    "/fr/",
    "/fr/communiques/",
    "/admin/login/",
    "/static/css/site.css",
    "/media/x.jpg",
    "/healthz",
    "/nowhere/",
]


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("bad", ["%00", "%01", "%1b", "%ff", "%c3%28", "%ed%a0%80"])
def test_a_nul_byte_or_invalid_utf8_in_the_path_is_a_400(client, address, bad):
    response = client.get(address.rstrip("/") + bad + "/")
    assert response.status_code == 400
    assert "Invalid address" in response.content.decode()


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("bad", ["%00", "%01", "a%1fb", "%ff%fe", "a%00b", "%c0%af"])
def test_a_nul_byte_or_invalid_utf8_in_the_query_string_is_a_400(client, address, bad):
    assert client.get(f"{address}?q={bad}").status_code == 400
    assert client.get(f"{address}?{bad}=1").status_code == 400


def test_the_400_keeps_the_security_headers(client):
    response = client.get("/fr/%00/", secure=True)
    assert response.status_code == 400
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_valid_utf8_passes(client):
    PressReleaseFactory()
    assert client.get("/fr/?utm_campaign=d%C3%A9placement").status_code == 200
    assert client.get("/fr/?q=tab%09and%0Anew+line").status_code == 200
    assert client.get("/healthz?q=migraci%C3%B3n+%E2%82%AC").status_code == 200


def test_every_request_is_one_log_line_with_status_duration_and_id(client, caplog):
    caplog.set_level(logging.INFO, logger="iom_cms.requests")
    response = client.get("/fr/nowhere/", headers={"x-request-id": "nginx-4f2a9c01"})
    [record] = [r for r in caplog.records if r.name == "iom_cms.requests"]
    message = record.getMessage()
    assert message.startswith("GET /fr/nowhere/ 404 ")
    assert "ms ip=127.0.0.1" in message
    assert record.request_id == "nginx-4f2a9c01"
    assert response["X-Request-ID"] == "nginx-4f2a9c01"


def test_a_request_id_that_could_forge_log_lines_is_replaced(client, caplog):
    caplog.set_level(logging.INFO, logger="iom_cms.requests")
    response = client.get("/healthz", headers={"x-request-id": "x\nERROR forged line"})
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32 and "\n" not in request_id
    [record] = [r for r in caplog.records if r.name == "iom_cms.requests"]
    assert record.request_id == request_id


def test_the_log_format_has_the_request_id(settings):
    assert "%(request_id)s" in settings.LOGGING["formatters"]["line"]["format"]
    assert settings.LOGGING["handlers"]["stdout"]["stream"] == "ext://sys.stdout"


def test_errors_are_logged_with_their_trace_and_request_id(client, caplog, monkeypatch):
    client.raise_request_exception = False

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("iom_cms.views.HomeView.get_context_data", broken)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/fr/", headers={"x-request-id": "req-12345678"})
    assert response.status_code == 500
    [error] = [r for r in caplog.records if r.name == "django.request"]
    assert error.exc_info[0] is RuntimeError
    assert error.request_id == "req-12345678"


def test_the_client_address_comes_from_the_proxy_header_when_configured(rf, settings):
    from iom_cms.middleware import client_ip

    request = rf.get("/", REMOTE_ADDR="172.18.0.5", HTTP_X_REAL_IP="203.0.113.7")
    assert client_ip(request) == "172.18.0.5"  # not trusted unless configured
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    assert client_ip(request) == "203.0.113.7"
    assert client_ip(rf.get("/", REMOTE_ADDR="172.18.0.5")) == "172.18.0.5"


@pytest.mark.parametrize("method", ["TRACE", "PUT", "PATCH", "DELETE", "CONNECT", "PROPFIND"])
def test_methods_no_address_serves_are_a_405(client, method):
    release = PressReleaseFactory()
    addresses = [
        "/",
        "/fr/",
        "/fr/communiques/",
        release.get_absolute_url("fr"),
        "/fr/communiques/feed/",
        "/fr/communiques/api/",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        EventFactory().get_absolute_url(),
        PersonFactory().get_absolute_url(),
        "/media/releases/0123456789abcdef0123456789abcdef.jpg",
        "/admin/login/",
    ]
    for address in addresses:
        response = client.generic(method, address)
        assert response.status_code == 405, address
        assert response["Allow"] == "GET, HEAD, POST, OPTIONS"

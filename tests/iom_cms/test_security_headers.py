"""Security headers and cookies, and the HTTP Observatory's score of the pages that matter."""

import pytest
from django.test import override_settings

from tests.factories import PASSWORD, PressReleaseFactory, StaffUserFactory
from tests.observatory import parse_csp, score, score_django_response

pytestmark = pytest.mark.django_db


@pytest.fixture
def release():
    return PressReleaseFactory(slug_fr="inondations")


PUBLIC_PAGES = ["/fr/", "/fr/communiques/", "/fr/communiques/inondations/", "/en/press-releases/"]
ADMIN_LOGIN = "/admin/login/"


def https_get(client, path):
    return client.get(path, secure=True)


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, ADMIN_LOGIN, "/admin/"])
def test_every_page_has_a_strict_content_security_policy(client, release, path):
    response = https_get(client, path)
    policy = parse_csp(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive]
        assert "'unsafe-eval'" not in policy[directive]
        assert "'self'" in policy[directive]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, ADMIN_LOGIN])
def test_every_page_has_the_other_security_headers(client, release, path):
    response = https_get(client, path)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_login_sets_a_csrf_cookie_that_scripts_cannot_read(client):
    cookie = https_get(client, ADMIN_LOGIN).cookies["__Host-csrftoken"]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/" and not cookie["domain"]  # what __Host- requires


def test_the_session_cookie_is_secure_httponly_and_lax(client):
    StaffUserFactory(username="staff")
    login = https_get(client, ADMIN_LOGIN)
    response = client.post(
        ADMIN_LOGIN,
        {"username": "staff", "password": PASSWORD},
        secure=True,
        headers={"cookie": f"__Host-csrftoken={login.cookies['__Host-csrftoken'].value}"},
    )
    assert response.status_code == 302
    cookie = response.cookies["__Host-sessionid"]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/" and not cookie["domain"]
    assert cookie["max-age"] == 8 * 60 * 60


def test_public_pages_set_no_cookie(client, release):
    for path in PUBLIC_PAGES:
        assert not https_get(client, path).cookies, path


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https_on_the_same_host(client):
    response = client.get("/fr/communiques/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/fr/communiques/"


@override_settings(SECURE_SSL_REDIRECT=True)
@pytest.mark.parametrize("path", [*PUBLIC_PAGES, ADMIN_LOGIN])
def test_observatory_score(client, release, path):
    http = client.get(path)
    response = https_get(client, path)
    assert response.status_code == 200
    result = score_django_response(response, http_response=(http.status_code, http["Location"]))
    required = 100 if path.startswith("/admin/") else 110
    assert result.score >= required, str(result)


def test_the_observatory_helper_punishes_what_it_should():
    bare = score({"Content-Type": "text/html"}, html="<p>hi</p>")
    # No CSP -25, no HSTS -20, no nosniff -5, no X-Frame-Options -20.
    assert bare.score == 30, str(bare)
    unsafe = score(
        {
            "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'",
            "Strict-Transport-Security": "max-age=300",
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
        },
        set_cookies=["sessionid=x; Path=/"],
    )
    assert unsafe.results["content-security-policy"][1] == -20
    assert unsafe.results["strict-transport-security"][1] == -10
    assert unsafe.results["cookies"][1] == -40
    external = score(
        {"Content-Type": "text/html"}, html='<script src="http://cdn.example/x.js"></script>'
    )
    assert external.results["subresource-integrity"][1] == -50

"""A preview link's token never reaches a log line (iom_cms.middleware.RedactTokensFilter on the
handler that writes the site's log; pressroom/redaction.py): every address under a token is tried
and what the handler really wrote is read."""

import io
import logging

import pytest
from django.test import Client

from tests.factories import PressReleaseFactory, PreviewLinkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_log(settings):
    """What the site's own log handler (settings.LOGGING, "stdout") writes during the test, at
    every level."""
    [handler] = [h for h in logging.getLogger().handlers if h.name == "stdout"]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in ("", "django.request")}
    root.setLevel(logging.DEBUG)
    logging.getLogger("django.request").setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        handler.setStream(previous)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def test_no_address_under_a_token_writes_it_to_the_log(site_log, client, monkeypatch):
    link = PreviewLinkFactory(release=PressReleaseFactory(draft=True))
    key, signature = link.token.split(":")
    page = link.get_absolute_url()  # /fr/communiques/apercu/<token>/
    strict = Client(enforce_csrf_checks=True)
    # A forged Host: the answer is Django's (a 400, or today a 500 when the 400 page itself
    # reads the host); only its log lines matter here.
    lenient = Client(raise_request_exception=False)
    attempts = [
        client.get(page),  # the page
        client.get(page.rstrip("/")),  # the redirect that adds the slash
        client.get(page + "more/"),  # a 404 under the token
        client.get(page + "?utm=x"),
        client.get(page.replace(":", "%3A")),
        client.get(f"/en/press-releases/preview/{link.token}/"),  # another language's address
        strict.post(page, {"x": "1"}),  # Django's CSRF warning
        client.post(page),  # not a method the page serves
        client.generic("TRACE", page),
        lenient.get(page, HTTP_HOST="evil.example"),  # Django's security warning (DisallowedHost)
    ]
    assert {response.status_code for response in attempts} >= {200, 301, 403, 404, 405}
    log = site_log.getvalue()
    assert "<token>" in log
    assert "Forbidden (CSRF" in log and "Invalid HTTP_HOST" in log
    assert link.token not in log and signature not in log
    assert key not in log.replace(f"{key}%3A", "")  # no key with its signature, in any form


def test_an_error_under_a_token_leaves_it_out_of_the_trace(site_log, client, monkeypatch):
    link = PreviewLinkFactory(release=PressReleaseFactory(draft=True))

    def fail(*args, **kwargs):
        raise RuntimeError(f"could not render {link.token}")

    monkeypatch.setattr("pressroom.previews.render", fail)
    client.raise_request_exception = False
    assert client.get(link.get_absolute_url()).status_code == 500
    log = site_log.getvalue()
    assert "RuntimeError: could not render <token>" in log
    assert link.token not in log

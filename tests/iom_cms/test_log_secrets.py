"""A signed link's token (a preview link, an email alert's confirm, manage and unsubscribe links)
never reaches a log line (iom_cms.middleware.RedactTokensFilter on the handler that writes the
site's log; core/redaction.py, where each app registers its tokens): every address under a token
is tried and what the handler really wrote is read."""

import io
import logging

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from alerts import links
from alerts.models import Address, Subscription
from core.redaction import redact_tokens
from tests.factories import PressReleaseFactory, PreviewLinkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_log(settings):
    """What the site's own log handler (settings.LOGGING, "stdout") writes during the test, at
    every level."""
    [handler] = [h for h in logging.getLogger().handlers if h.name == "stdout"]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    levels = {
        name: logging.getLogger(name).level for name in ("", "django.request", "django.server")
    }
    for name in levels:
        logging.getLogger(name).setLevel(logging.DEBUG)
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


@pytest.fixture
def subscription(db):
    address = Address.objects.create(email="journalist@example.org")
    return Subscription.objects.create(address=address, language="fr", frequency="immediately")


def alerts_addresses(subscription):
    """Every address of email alerts under a token, in each language."""
    for language in ("fr", "en", "es"):
        with translation.override(language):
            for kind, obj in [
                ("confirm", subscription),
                ("manage", subscription.address),
                ("unsubscribe", subscription),
            ]:
                token = links.token(kind, obj)
                yield token, reverse(f"alerts:{kind}", kwargs={"token": token})
            token = links.token("manage", subscription.address)
            yield token, reverse("alerts:export", kwargs={"token": token})


def test_no_email_alerts_address_writes_its_token_to_the_log(site_log, client, subscription):
    strict = Client(enforce_csrf_checks=True)
    addresses = list(alerts_addresses(subscription))
    assert len(addresses) == 12
    statuses = set()
    for token, page in addresses:
        signature = token.split(":")[-1]
        attempts = [
            client.get(page),
            client.get(page.rstrip("/")),  # the redirect that adds the slash
            client.get(page + "more/"),  # a 404 under the token
            client.get(page.replace(signature, signature[:-3])),  # altered: not valid
            client.get(page + "?utm=x"),
            client.get(page.replace(":", "%3A")),
            client.generic("TRACE", page),
        ]
        statuses |= {response.status_code for response in attempts}
    for _token, page in addresses:  # last: unsubscribing (no CSRF token needed) ends the links
        statuses.add(strict.post(page, {"x": "1"}).status_code)  # Django's CSRF warning
    assert statuses >= {200, 301, 403, 404, 405}
    log = site_log.getvalue()
    assert log.count("<token>") >= 12 * 8
    assert "Forbidden (CSRF" in log
    for token, _page in addresses:
        payload, _timestamp, signature = token.split(":")
        assert payload not in log and signature not in log and signature[:-3] not in log


def test_the_development_servers_request_lines_leave_tokens_out(site_log, subscription):
    """runserver's line for each request (django.server, as WSGIRequestHandler.log_message
    writes it) goes through the site's handler too."""
    link = PreviewLinkFactory(release=PressReleaseFactory(draft=True))
    addresses = list(alerts_addresses(subscription))
    addresses.append((link.token, link.get_absolute_url()))
    for _token, page in addresses:
        logging.getLogger("django.server").info(
            '"%s" %s %s', f"GET {page} HTTP/1.1", "200", "1234", extra={"status_code": 200}
        )
    log = site_log.getvalue()
    assert log.count('"GET ') == 13 and log.count("<token>") == 13
    assert not any(token in log or token.split(":")[-1] in log for token, _ in addresses)


@pytest.mark.parametrize(
    "text",
    [
        "could not read {token}",
        "/fr/alertes-courriel/gerer/{token}/exporter/",
        "next=%2Fes%2Falertas-correo%2Fbaja%2F{quoted}%2F",
    ],
)
def test_a_token_is_left_out_wherever_it_is_written(text, subscription):
    token = links.token("unsubscribe", subscription)
    written = text.format(token=token, quoted=token.replace(":", "%3A"))
    assert "<token>" in redact_tokens(written)
    assert token.split(":")[-1] not in redact_tokens(written)


def test_before_the_apps_are_ready_the_shapes_are_taken_out(monkeypatch, subscription):
    """Logging is configured before the apps: the filter then needs no translation."""
    from django.apps import apps

    link = PreviewLinkFactory(release=PressReleaseFactory(draft=True))
    token = links.token("confirm", subscription)
    monkeypatch.setattr(apps, "ready", False)
    text = redact_tokens(f"GET /fr/x/{token}/ and {link.token}")
    assert text == "GET /fr/x/<token>/ and <token>"

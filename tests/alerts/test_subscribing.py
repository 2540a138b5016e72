"""Subscribing from a finder view: double opt-in, signed links, manage, unsubscribe."""

import datetime
import json
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import override_settings

from alerts import links
from alerts.models import Address, Subscription
from tests.factories import EventFactory, TopicFactory, UnitFactory

from .conftest import confirm_link, links_in, path_of, run_tasks, subscribe, url

pytestmark = pytest.mark.django_db


class TestTheSubscribePage:
    def test_the_finder_links_to_it_with_its_filter(self, client):
        TopicFactory(slug="climate")
        response = client.get("/fr/communiques/", {"topic": "climate"})
        assert f'href="{url("subscribe")}?topic=climate"' in response.text

    def test_it_says_which_filter_it_follows_in_the_readers_language(self, client):
        TopicFactory(slug="climate", name_fr="Climat", name_es="Clima")
        response = client.get(url("subscribe", "es"), {"topic": "climate", "language": "es"})
        assert response.status_code == 200
        assert "<strong>Clima, en español</strong>" in response.text
        assert 'lang="es"' in response.text

    def test_an_unknown_filter_is_a_clear_400(self, client):
        response = client.get(url("subscribe"), {"topic": "no-such-topic", "kind": "poem"})
        assert response.status_code == 400
        assert "Il n’y a pas de thème de ce nom." in response.text or "thème" in response.text

    def test_dates_are_left_out_and_said_so(self, client):
        response = client.get(url("subscribe", "en"), {"year": "2024"})
        assert response.status_code == 200
        assert "the dates and the order of the list are left out" in response.text

    def test_a_unit_and_an_event_page_link_to_it(self, client):
        unit = UnitFactory()
        response = client.get(unit.get_absolute_url())
        assert f"{url('subscribe')}?office={unit.slug}" in response.text
        event = EventFactory()
        response = client.get(event.get_absolute_url())
        assert f"{url('subscribe')}?event={event.slug}" in response.text


class TestDoubleOptIn:
    def test_subscribing_sends_one_confirmation_and_nothing_else(self, client):
        TopicFactory(slug="climate", name_en="Climate")
        response = subscribe(client, "topic=climate&sort=oldest", language="en")
        assert response.status_code == 302
        assert response["Location"] == url("sent", "en")
        subscription = Subscription.objects.get()
        assert subscription.confirmed_at is None
        assert subscription.query == "topic=climate"
        assert mail.outbox == []  # sent by the worker, never in the request
        run_tasks()
        (message,) = mail.outbox
        assert message.to == ["journalist@example.org"]
        assert message.subject == "Confirm your IOM email alert"
        assert "email: Climate (As soon as a release is public)." in message.body
        html = message.alternatives[0][0]
        assert '<html lang="en">' in html

    def test_the_confirmation_link_shows_a_button_then_confirms_on_post(self, client):
        subscribe(client)
        run_tasks()
        path = path_of(confirm_link(mail.outbox[0]))
        assert client.get(path).status_code == 200
        assert Subscription.objects.get().confirmed_at is None  # a mail scanner's GET
        response = client.post(path)
        assert response.status_code == 200
        assert Subscription.objects.get().confirmed_at is not None
        assert "Votre alerte est activée" in response.text or response.context["confirmed"]

    def test_asking_again_resends_at_most_once_per_interval(self, client, clock):
        now = datetime.datetime.now(datetime.UTC)
        clock(now)
        subscribe(client)
        subscribe(client)
        run_tasks()
        assert len(mail.outbox) == 1
        clock(now + datetime.timedelta(minutes=16))
        subscribe(client)
        run_tasks()
        assert len(mail.outbox) == 2
        assert Subscription.objects.count() == 1

    def test_the_same_filter_written_differently_is_one_subscription(self, client):
        TopicFactory(slug="a")
        TopicFactory(slug="b")
        subscribe(client, "topic=b&topic=a&page=3")
        subscribe(client, "topic=a&topic=b&sort=newest")
        assert list(Subscription.objects.values_list("query", flat=True)) == ["topic=a&topic=b"]

    def test_an_expired_link_is_a_clear_410(self, client):
        subscribe(client)
        run_tasks()
        path = path_of(confirm_link(mail.outbox[0]))
        later = signing.time.time() + 4 * 24 * 3600
        with mock.patch("django.core.signing.time.time", return_value=later):
            response = client.post(path)
        assert response.status_code == 410
        assert "expiré" in response.text
        assert Subscription.objects.get().confirmed_at is None

    @pytest.mark.parametrize(
        "token", ["nonsense", "a" * 300, "WzEsImFiYyJd:1t:abc", "%00", "1:2:3:4"]
    )
    def test_a_tampered_link_is_a_clear_404(self, client, token):
        subscribe(client)
        for name in ("confirm", "manage", "unsubscribe"):
            response = client.get(url(name, token=token))
            assert response.status_code == 404, name
            assert "Ce lien n’est pas valide" in response.text or "lien" in response.text

    def test_a_link_of_one_kind_does_not_open_another(self, client):
        subscribe(client)
        subscription = Subscription.objects.get()
        token = links.token("unsubscribe", subscription)
        assert client.post(url("confirm", token=token)).status_code == 404
        assert Subscription.objects.get().confirmed_at is None


class TestBadInput:
    @pytest.mark.parametrize(
        "email",
        ["", "not-an-address", "a@b", "x" * 250 + "@example.org", "a@example.org\nBcc: x@y"],
    )
    def test_bad_addresses_get_the_form_back_with_a_message(self, client, email):
        response = subscribe(client, email=email)
        assert response.status_code == 400
        assert 'aria-invalid="true"' in response.text
        assert Address.objects.count() == 0

    def test_a_bad_frequency_or_language(self, client):
        assert subscribe(client, frequency="hourly").status_code == 400
        assert subscribe(client, language="xx", page="fr").status_code == 400
        assert Subscription.objects.count() == 0

    def test_the_honeypot_answers_as_usual_and_sends_nothing(self, client):
        response = subscribe(client, website="http://spam.example")
        assert response.status_code == 302
        run_tasks()
        assert mail.outbox == []
        assert Address.objects.count() == 0

    def test_other_methods_are_refused(self, client):
        assert client.put(url("subscribe")).status_code == 405


class TestRateLimits:
    @override_settings(ALERTS={**settings.ALERTS, "LIMIT_PER_EMAIL": 2})
    def test_one_address_is_asked_for_a_few_times_an_hour_at_most(self, client):
        assert subscribe(client, "kind=statement").status_code == 302
        assert subscribe(client, "kind=briefing-note").status_code == 302
        response = subscribe(client, "kind=media-advisory", language="es", page="fr")
        assert response.status_code == 429
        assert 'lang="fr"' in response.text and "Trop de demandes" in response.text

    @override_settings(ALERTS={**settings.ALERTS, "LIMIT_PER_IP": 2})
    def test_one_visitor_cannot_mail_many_strangers(self, client):
        for n in range(2):
            assert subscribe(client, email=f"person{n}@example.org").status_code == 302
        response = client.post(
            url("subscribe", "en"),
            {"email": "victim@example.org", "frequency": "daily", "language": "en"},
        )
        assert response.status_code == 429
        assert "Too many requests" in response.text
        assert not Address.objects.filter(email="victim@example.org").exists()


class TestManaging:
    def test_the_manage_page_lists_the_addresss_alerts(self, client, confirmed):
        TopicFactory(slug="climate", name_fr="Climat")
        subscription = confirmed("topic=climate")
        path = path_of(links.url("manage", subscription.address, "fr"))
        response = client.get(path)
        assert response.status_code == 200
        assert "journalist@example.org" in response.text
        assert "Climat" in response.text

    def test_an_alert_is_changed_then_removed_and_the_address_goes_with_the_last(
        self, client, confirmed
    ):
        subscription = confirmed("kind=statement")
        path = path_of(links.url("manage", subscription.address, "fr"))
        data = {"subscription": subscription.pk, "frequency": "weekly", "language": "es"}
        assert client.post(path, {**data, "action": "change"}).status_code == 302
        subscription.refresh_from_db()
        assert (subscription.frequency, subscription.language) == ("weekly", "es")
        response = client.post(path, {"subscription": subscription.pk, "action": "remove"})
        assert response.status_code == 200
        assert Address.objects.count() == 0
        assert client.get(path).status_code == 404

    def test_another_addresss_alert_cannot_be_touched(self, client, confirmed):
        mine = confirmed("kind=statement")
        theirs = confirmed("kind=statement", email="other@example.org")
        path = path_of(links.url("manage", mine.address, "fr"))
        response = client.post(path, {"subscription": theirs.pk, "action": "remove"})
        assert response.status_code == 400
        for bad in ({"subscription": "x", "action": "remove"}, {"action": "explode"}):
            assert client.post(path, bad).status_code == 400
        assert Subscription.objects.count() == 2

    def test_export_and_delete_everything(self, client, confirmed):
        subscription = confirmed("kind=statement")
        address = subscription.address
        export = client.get(url("export", token=links.token("manage", address)))
        assert export["Content-Type"].startswith("application/json")
        data = json.loads(export.content)
        assert data["email"] == "journalist@example.org"
        assert data["subscriptions"][0]["filter"] == "kind=statement"
        path = path_of(links.url("manage", address, "fr"))
        assert client.post(path, {"action": "delete-all"}).status_code == 200
        assert Address.objects.count() == Subscription.objects.count() == 0


class TestUnsubscribing:
    def test_one_click_post_without_a_cookie_stops_the_alert(self, confirmed):
        from django.test import Client

        subscription = confirmed("kind=statement")
        mail_client = Client(enforce_csrf_checks=True)
        path = path_of(links.url("unsubscribe", subscription, "fr"))
        response = mail_client.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200
        assert Subscription.objects.count() == 0
        again = mail_client.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert again.status_code == 200  # already stopped: said so, not an error

    def test_get_asks_before_stopping(self, client, confirmed):
        subscription = confirmed("kind=statement")
        response = client.get(path_of(links.url("unsubscribe", subscription, "fr")))
        assert response.status_code == 200
        assert '<form method="post">' in response.text
        assert Subscription.objects.count() == 1


def test_links_in_helper_reads_text():
    assert links_in("see https://x.example/a/ now") == ["https://x.example/a/"]

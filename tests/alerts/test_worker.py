"""End to end, with a real SMTP server on 127.0.0.1 (aiosmtpd) and the worker as production runs
it (`manage.py db_worker`, a process of its own): no cron, no test double between the
publication and the message the server received."""

import datetime
import time

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from alerts.models import Address, Delivery, Subscription
from pressroom import services as pressroom_services
from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory, StaffUserFactory, TopicFactory

from .conftest import links_in, path_of, url
from .servers import SmtpServer, WorkerProcess

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a worker process: PostgreSQL"),
]


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def worker(smtp):
    process = WorkerProcess(smtp.port).start()
    yield process
    process.stop()


@pytest.fixture
def publisher():
    return StaffUserFactory(username="publisher", superuser=True)


def publish(release, user):
    pressroom_services.release_set_status(
        releases=PressRelease.objects.filter(pk=release.pk), status="published", user=user
    )


def text_of(message):
    return message.get_body(("plain",)).get_content()


def test_subscribe_confirm_publish_gives_exactly_one_email_in_its_language(smtp, worker, publisher):
    TopicFactory(slug="climate", name_es="Clima")
    client = Client()
    response = client.post(
        url("subscribe", "es") + "?topic=climate",
        {"email": "Ana@Example.org", "frequency": "immediately", "language": "es"},
    )
    assert response.status_code == 302
    (confirmation,) = smtp.inbox.wait_for(1)
    assert confirmation["To"] == "ana@example.org"
    assert confirmation["Subject"] == "Confirme su alerta de la OIM por correo"
    (link,) = links_in(text_of(confirmation))
    assert link.startswith("https://www.iom.example/es/alertas-correo/confirmar/")
    assert client.post(path_of(link)).status_code == 200

    release = PressReleaseFactory(
        draft=True, topics=[], spanish=True, title_es="Lluvias en Mozambique"
    )
    release.topics.set(TopicFactory._meta.model.objects.filter(slug="climate"))
    publish(release, publisher)
    messages = smtp.inbox.wait_for(2)
    alert = messages[1]
    assert alert["Subject"] == "OIM: Lluvias en Mozambique"
    assert alert["Content-Language"] == "es"
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = alert["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith("https://www.iom.example/es/alertas-correo/baja/")
    assert alert.get_content_type() == "multipart/alternative"
    html = alert.get_body(("html",)).get_content()
    assert '<html lang="es">' in html and "Lluvias en Mozambique" in html
    assert "Lluvias en Mozambique" in text_of(alert)
    time.sleep(1.0)
    assert len(smtp.inbox.messages) == 2  # and nothing more

    one_click = Client(enforce_csrf_checks=True).post(
        path_of(unsubscribe),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200
    assert Subscription.objects.count() == Address.objects.count() == 0


def test_a_scheduled_release_is_sent_at_its_minute_and_not_before(smtp, worker, publisher):
    address = Address.objects.create(email="desk@example.org")
    Subscription.objects.create(
        address=address, query="", language="en", confirmed_at=timezone.now()
    )
    release = PressReleaseFactory(draft=True)
    release.status = "published"
    release.published_at = timezone.now() + datetime.timedelta(seconds=4)
    pressroom_services.release_save(release=release, user=publisher)
    time.sleep(3)
    assert smtp.inbox.messages == []
    (message,) = smtp.inbox.wait_for(1, timeout=10)
    received = timezone.now()
    assert received >= release.published_at
    assert received - release.published_at < datetime.timedelta(seconds=5)
    assert message["To"] == "desk@example.org"


def test_a_worker_killed_mid_batch_and_restarted_sends_no_duplicate_and_leaves_no_gap(
    smtp, publisher
):
    address_count = 30
    for n in range(address_count):
        address = Address.objects.create(email=f"reader{n}@example.org")
        Subscription.objects.create(
            address=address, query="", language="fr", confirmed_at=timezone.now()
        )
    # Each message takes a while to be accepted: the worker is killed while the 9th is being
    # received, so that message was never accepted. (A kill in the few milliseconds between
    # the server's “250 OK” and the commit would send that one message twice: delivery.py.)
    smtp.inbox.delay = 0.2
    first = WorkerProcess(smtp.port).start()
    try:
        publish(PressReleaseFactory(draft=True), publisher)
        smtp.inbox.wait_until_started(9)
        first.kill()
    finally:
        first.stop()
    time.sleep(smtp.inbox.delay * 2)
    assert len(smtp.inbox.messages) == 8
    second = WorkerProcess(smtp.port).start()
    try:
        smtp.inbox.wait_for(address_count, timeout=30)
        time.sleep(1.0)
    finally:
        second.stop()
    recipients = [message["To"] for message in smtp.inbox.messages]
    assert sorted(recipients) == sorted(f"reader{n}@example.org" for n in range(address_count))
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}

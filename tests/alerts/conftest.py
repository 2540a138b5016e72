"""Email alerts' tests: subscribing through the pages, the worker's tasks run as db_worker runs
them (in this process, or as a real `manage.py db_worker` with a real SMTP server: smtp.py)."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from alerts.models import Subscription


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"alerts:{name}", kwargs=kwargs or None)


def run_tasks():
    """Every task that is due, each run by django-tasks-db's worker as db_worker runs it, in
    this process (its loop would close the test's connection, so the loop is this one)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    while (result := DBTaskResult.objects.ready().get_locked()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        if result.status == "FAILED":
            raise AssertionError(result.traceback)


def subscribe(
    client, query="", *, email="journalist@example.org", language="fr", page=None, **fields
):
    """POST the subscribe form of the page in `page` (else `language`, the emails')."""
    data = {"email": email, "frequency": "immediately", "language": language, **fields}
    address = url("subscribe", page or language) + (f"?{query}" if query else "")
    return client.post(address, data)


LINK = re.compile(r"https?://\S+")


def links_in(message):
    return LINK.findall(message.body if hasattr(message, "body") else message)


def confirm_link(message):
    (link,) = links_in(message)  # the confirmation email's one link
    return link


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def confirmed(client, db):
    """subscribe(...) then confirm by the emailed link: the confirmed Subscription."""

    def make(query="", **kwargs):
        mail.outbox.clear()
        assert subscribe(client, query, **kwargs).status_code == 302
        run_tasks()
        (message,) = mail.outbox
        assert client.post(path_of(confirm_link(message))).status_code == 200
        mail.outbox.clear()
        email = kwargs.get("email", "journalist@example.org")
        return Subscription.objects.get(address__email=email, query=query_of(query))

    return make


def query_of(query):
    from alerts import filters

    form = filters.finder_form(query)
    assert form.is_valid(), form.errors
    return filters.canonical_query(form)

"""Purging the edge caches by surrogate key (core/edge.py), against a real HTTP server on
loopback that records the purges, as Varnish would receive them."""

import http.server
import socket
import threading

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import edge, public_pages
from pressroom import services
from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:pressroom_pressrelease_changelist")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Edge:
    """An edge on loopback that answers every PURGE 200 and remembers its keys."""

    def __init__(self, port):
        purges = self.purges = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802 (the method's name)
                purges.append(set(self.headers[edge.PURGE_HEADER].split()))
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"Purged 1\n")

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def edge_port(settings):
    port = free_port()
    settings.EDGE_PURGE_URLS = [f"http://127.0.0.1:{port}/"]
    return port


def publish(editor_client, release, capture):
    with capture(execute=True):
        response = editor_client.post(
            CHANGELIST, {"action": "publish", "_selected_action": [release.pk]}
        )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_publishing_purges_the_release_and_the_lists_on_every_edge(
    editor_client, edge_port, django_capture_on_commit_callbacks
):
    server = Edge(edge_port)
    try:
        release = PressReleaseFactory(draft=True)
        publish(editor_client, release, django_capture_on_commit_callbacks)
    finally:
        server.close()
    assert server.purges == [{public_pages.key_for(release), "lists"}]


def test_any_other_change_purges_everything(edge_port, django_capture_on_commit_callbacks):
    server = Edge(edge_port)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            public_pages.changed()
    finally:
        server.close()
    assert server.purges == [{"all"}]


@pytest.mark.django_db(transaction=True)  # the worker uses the database as in production
def test_an_edge_that_is_down_gets_the_purge_later_and_the_change_succeeds(
    admin_user, edge_port, caplog, settings
):
    settings.EDGE_REPURGE_SECONDS = []  # the retries alone (the repeats: the next test)
    release = PressReleaseFactory(draft=True)
    # Outside a transaction, as the admin's action runs it: the notice goes out at its commit.
    services.release_set_status(
        releases=PressRelease.objects.filter(pk=release.pk), status="published", user=admin_user
    )  # nothing listens at the edge
    release.refresh_from_db()
    assert release.is_published()
    assert "edge purge failed, queued for a retry" in caplog.text
    [queued] = DBTaskResult.objects.filter(task_path="core.edge.purge_later")
    assert queued.task_path == "core.edge.purge_later"
    assert queued.args_kwargs["args"][2] == 2  # the second attempt
    assert queued.run_after > timezone.now()

    server = Edge(edge_port)  # the edge is back
    try:
        DBTaskResult.objects.update(run_after=timezone.now())
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    finally:
        server.close()
    assert server.purges == [{public_pages.key_for(release), "lists"}]
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_each_purge_is_made_again_for_a_page_that_reached_the_edge_after_it(edge_port, settings):
    settings.EDGE_REPURGE_SECONDS = [2, 40]
    server = Edge(edge_port)
    try:
        public_pages.changed(public_pages.LISTS)  # outside a transaction: at once
        assert server.purges == [{"lists"}]
        repeats = DBTaskResult.objects.filter(task_path="core.edge.purge_again")
        after = sorted(round((r.run_after - r.enqueued_at).total_seconds()) for r in repeats)
        assert after == [2, 40]
        DBTaskResult.objects.update(run_after=timezone.now())
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    finally:
        server.close()
    assert server.purges == [{"lists"}] * 3


@pytest.mark.django_db(transaction=True)
def test_a_repeated_purge_that_fails_is_retried(edge_port):
    url = f"http://127.0.0.1:{edge_port}/"
    with pytest.raises(edge.PurgeFailed):
        edge.purge_again.call(url, ["lists"])  # nothing listens
    [retry] = DBTaskResult.objects.filter(task_path="core.edge.purge_later")
    assert retry.args_kwargs["args"] == [url, ["lists"], 2]


def test_each_failed_attempt_queues_the_next_until_the_last(edge_port, caplog):
    url, keys = f"http://127.0.0.1:{edge_port}/", ["all"]
    for attempt in range(2, len(edge.RETRY_DELAYS) + 2):
        with pytest.raises(edge.PurgeFailed):
            edge.purge_later.call(url, keys, attempt)
    # Attempt 1 is made at once, attempts 2 to 6 here: each but the last queued the next.
    assert DBTaskResult.objects.count() == len(edge.RETRY_DELAYS) - 1
    assert "edge purge abandoned after 6 attempts" in caplog.text

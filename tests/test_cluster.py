"""Several nodes behind an edge cache, proven with the real servers on loopback (tests/cluster.py):
Varnish ─▶ nginx balancing two gunicorn nodes ─▶ PostgreSQL and Redis, and the task queue's worker.

What a reader sees through Varnish follows every change within a second, whichever node answers,
with no stale copy in Varnish, Redis or a node; an embargo ends at its second with no purge; a
node, Redis or an edge that goes down costs no failed request and no failed publication.
About 30 seconds: marked `cluster`, and part of `make test`.
"""

import json
import os
import threading
import time
import urllib.parse

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.cluster import Cluster, Editor, fetch, missing_servers
from tests.factories import PASSWORD, PressReleaseFactory, StaffUserFactory

# CI installs Varnish, Redis and nginx (.ci/run): there a missing one fails the run.
pytestmark = [
    pytest.mark.cluster,
    pytest.mark.skipif(
        bool(missing_servers()) and os.environ.get("CI") != "true",
        reason=f"not installed: {', '.join(missing_servers())} (see .ci/run)",
    ),
    pytest.mark.django_db(transaction=True),  # the nodes must see what the test writes
]

CHANGELIST = "/admin/pressroom/pressrelease/"
LISTS = ["/fr/", "/fr/communiques/", "/fr/communiques/feed/", "/fr/communiques/api/"]


@pytest.fixture(scope="module")
def cluster(django_db_setup, django_db_blocker):
    database = connection.settings_dict
    cluster = Cluster(
        f"postgresql://{urllib.parse.quote(database['USER'])}:"
        f"{urllib.parse.quote(database['PASSWORD'] or '')}@{database['HOST']}:{database['PORT']}"
        f"/{database['NAME']}"
    )
    try:
        cluster.start()
        yield cluster
    except BaseException:
        print(cluster.logs())
        raise
    finally:
        cluster.close()


@pytest.fixture
def site(cluster):
    cluster.purge_everything()  # the last test's pages, from rows its end deleted
    PressReleaseFactory(title_fr="Un communiqué déjà public")
    yield cluster


@pytest.fixture
def editor(site):
    StaffUserFactory(username="chief", superuser=True)
    editor = Editor(f"http://127.0.0.1:{site.ports['node1']}")  # the admin, on node 1
    editor.log_in("chief", PASSWORD)
    return editor


def everywhere(cluster, paths):
    """Each address through Varnish, and from each node itself (its page cache: Redis)."""
    bases = [cluster.url] + [f"http://127.0.0.1:{cluster.ports[n]}" for n in ("node1", "node2")]
    return [base + path for base in bases for path in paths]


def shows(url, title):
    status, _headers, body = fetch(url)
    text = body.decode()
    if url.endswith("/api/"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return status == 200 and title in text


def seconds_until(condition, limit):
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > limit:
            return None
        time.sleep(0.05)
    return time.monotonic() - start


def warm(cluster, paths):
    """Ask twice through Varnish: the second answer must come from its cache."""
    for path in paths:
        cluster.get(path)
        status, headers, _body = cluster.get(path)
        assert (status, headers["X-Cache"]) == (200, "HIT"), path


def set_status(editor, release, action):
    status, _headers, _body = editor.post(
        CHANGELIST, {"action": action, "_selected_action": [release.pk]}
    )
    assert status == 302


def test_a_release_published_on_node_1_shows_everywhere_within_a_second(site, editor):
    release = PressReleaseFactory(draft=True, title_fr="Accord signé à Genève")
    warm(site, LISTS)
    set_status(editor, release, "publish")
    urls = everywhere(site, [*LISTS, release.get_absolute_url("fr")])
    took = seconds_until(lambda: all(shows(url, "Accord signé à Genève") for url in urls), 1.0)
    assert took is not None, [url for url in urls if not shows(url, "Accord signé à Genève")]


def test_an_unpublished_release_is_gone_everywhere_within_a_second(site, editor):
    release = PressReleaseFactory(title_fr="Communiqué retiré")
    page = release.get_absolute_url("fr")
    warm(site, [*LISTS, page])
    set_status(editor, release, "unpublish")
    urls = everywhere(site, [*LISTS, page])
    took = seconds_until(lambda: not any(shows(url, "Communiqué retiré") for url in urls), 1.0)
    assert took is not None, [url for url in urls if shows(url, "Communiqué retiré")]
    assert site.get(page)[0] == 404


def test_an_embargoed_release_appears_at_its_second_with_no_purge(site):
    at = timezone.now().replace(microsecond=0) + timezone.timedelta(seconds=3)
    release = PressReleaseFactory(title_fr="Sous embargo", published_at=at)  # no notice sent
    paths = [*LISTS, release.get_absolute_url("fr")]
    warm(site, LISTS)
    urls = everywhere(site, paths)
    early = []  # answers that showed it and were complete before its time
    while timezone.now() < at:
        for url in urls:
            if shows(url, "Sous embargo") and timezone.now() < at:
                early.append(url)
    assert early == []
    time.sleep(max(0, (at - timezone.now()).total_seconds()))
    took = seconds_until(lambda: all(shows(url, "Sous embargo") for url in urls), 1.0)
    assert took is not None, [url for url in urls if not shows(url, "Sous embargo")]


def test_an_edge_that_is_down_during_a_publication_is_purged_later(site, editor):
    release = PressReleaseFactory(draft=True, title_fr="Publié malgré tout")
    set_status(editor, release, "publish")  # the second edge is down: nothing listens there
    assert seconds_until(lambda: shows(site.url + "/fr/communiques/", "Publié malgré tout"), 1.0)
    second_edge = f"http://127.0.0.1:{site.ports['second_edge']}/"
    retries = DBTaskResult.objects.filter(task_path="core.edge.purge_later")
    assert retries.filter(args_kwargs__args__0=second_edge).exists()
    site.start_varnish("second_edge")  # it comes back: the worker's next attempt succeeds
    succeeded = retries.filter(args_kwargs__args__0=second_edge, status="SUCCESSFUL")
    assert seconds_until(succeeded.exists, 10), site.logs()


def test_redis_down_leaves_pages_uncached_and_never_an_error(site):
    warm(site, LISTS)
    redis = site.redis()
    assert redis.config_get("maxmemory-policy")["maxmemory-policy"] == "volatile-lru"
    assert redis.ttl(":1:public-pages:generation") == -1  # never expires, so never evicted
    assert all(redis.ttl(key) > 0 for key in redis.keys(":1:public-pages:*:*"))
    site.stop("redis")
    answers = [
        fetch(url)[0]
        for number in range(3)
        for url in everywhere(site, [f"{path}?n={number}" for path in LISTS])
    ]
    assert answers == [200] * len(answers)
    site.start_redis()
    fetch(site.balancer + "/fr/communiques/?again")
    assert site.redis().keys(":1:public-pages:*:*"), "caching resumed"


def test_a_node_stopped_under_load_costs_no_failed_request(site):
    urls = [site.balancer + path for path in LISTS]
    answers, end = [], time.monotonic() + 4

    def read():
        while time.monotonic() < end:
            for url in urls:
                try:
                    answers.append(fetch(url, timeout=10)[0])
                except OSError as error:
                    answers.append(repr(error))

    readers = [threading.Thread(target=read) for _ in range(4)]
    for reader in readers:
        reader.start()
    time.sleep(1)
    site.stop("node1")
    for reader in readers:
        reader.join()
    try:
        assert len(answers) > 100
        assert [answer for answer in answers if answer != 200] == []
    finally:
        site.start_node(1)
        site.wait_for_node(1)

"""Several nodes behind an edge cache, proven with the real servers on loopback (tests/cluster.py):
Varnish ─▶ nginx balancing two gunicorn nodes ─▶ PostgreSQL, Redis and an S3 API (moto's server),
and the task queue's worker.

What a reader sees through Varnish follows every change within a second, whichever node answers,
with no stale copy in Varnish, Redis or a node; an embargo ends at its second with no purge; a
node, Redis or an edge that goes down costs no failed request and no failed publication; an
image uploaded through one node is served through the other, renditions included.
About 30 seconds: marked `cluster`, and part of `make test`.
"""

import io
import json
import os
import re
import threading
import time
import urllib.parse
import urllib.request

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from PIL import Image

from pressroom.models import PressRelease
from tests.cluster import Cluster, Editor, HeldProxy, NoRedirect, fetch, missing_servers
from tests.factories import PASSWORD, PressReleaseFactory, StaffUserFactory, TopicFactory
from tests.pressroom.test_admin import ADD_URL, release_form

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


def test_a_renamed_topic_reaches_its_release_pages_and_spares_the_others(site, editor):
    topic = TopicFactory(name_fr="Climat")
    tagged = PressReleaseFactory(title_fr="Sécheresse au Sahel", topics=[topic])
    other = PressReleaseFactory(title_fr="Sans ce thème")
    pages = [tagged.get_absolute_url("fr"), other.get_absolute_url("fr")]
    warm(site, pages)
    fields = {"name_fr": "Climat et environnement", "name_en": "Climate", "name_es": "Clima"}
    status, _headers, _body = editor.post(f"/admin/pressroom/topic/{topic.pk}/change/", fields)
    assert status == 302
    url = site.url + pages[0]
    assert seconds_until(lambda: shows(url, "Climat et environnement"), 1.0) is not None
    # The release page that does not name the topic stays in Varnish (no purge of ALL).
    assert site.get(pages[1])[1]["X-Cache"] == "HIT"


def test_the_root_address_is_never_kept_and_each_reader_gets_their_language(site):
    """`/` redirects by Accept-Language: left uncached at the edge (README, "Running several
    nodes": its language is not in the path), so no reader gets another reader's language."""
    opener = urllib.request.build_opener(NoRedirect())
    for header, language in [("en-GB,en;q=0.9", "en"), ("es", "es"), ("fr-CH, fr;q=0.9", "fr")] * 2:
        status, headers, _body = site.get("/", headers={"Accept-Language": header}, opener=opener)
        assert (status, headers["Location"], headers["X-Cache"]) == (302, f"/{language}/", "MISS")
        assert "no-store" in headers["Cache-Control"]


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


def test_a_page_made_before_an_unpublication_that_reaches_the_edge_after_its_purge_is_purged(
    site, editor
):
    """A node makes the page from the old rows; it reaches the second edge only after the
    unpublication's purge (held by a proxy, as a slow page or network would), and is kept
    there: the repeated purge (EDGE_REPURGE_SECONDS, 2 s first) removes it."""
    release = PressReleaseFactory(title_fr="Communiqué en chemin")
    page = release.get_absolute_url("fr")
    proxy = HeldProxy(site.ports["nginx"])
    site.stop("second_edge")  # started again in front of the proxy
    site.start_varnish("second_edge", backend_port=proxy.port)
    edge = f"http://127.0.0.1:{site.ports['second_edge']}"
    try:
        proxy.hold()
        answers = []
        reader = threading.Thread(target=lambda: answers.append(fetch(edge + page)))
        reader.start()
        assert proxy.answered.wait(10)  # the old page is made, on its way to the edge
        set_status(editor, release, "unpublish")  # committed, both edges purged
        proxy.release.set()
        reader.join()
        status, headers, body = answers[0]
        assert status == 200 and "Communiqué en chemin" in body.decode()  # begun before
        assert shows(edge + page, "Communiqué en chemin")  # kept after the purge
        assert seconds_until(lambda: fetch(edge + page)[0] == 404, 6) is not None
    finally:
        proxy.close()
        site.stop("second_edge")


def test_redis_down_leaves_pages_uncached_and_never_an_error(site):
    warm(site, LISTS)
    redis = site.redis()
    assert redis.config_get("maxmemory-policy")["maxmemory-policy"] == "volatile-lru"
    assert redis.ttl(":1:public-pages:generation") == -1  # never expires, so never evicted
    assert all(redis.ttl(key) > 0 for key in redis.keys(":1:public-pages:page:*"))
    site.stop("redis")
    answers = [
        fetch(url)[0]
        for number in range(3)
        for url in everywhere(site, [f"{path}?n={number}" for path in LISTS])
    ]
    assert answers == [200] * len(answers)
    site.start_redis()
    fetch(site.balancer + "/fr/communiques/?again")
    assert site.redis().keys(":1:public-pages:page:*"), "caching resumed"


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


def test_an_image_uploaded_through_node_1_is_served_through_node_2_renditions_included(
    site, editor
):
    out = io.BytesIO()
    Image.new("RGB", (1800, 1200), "teal").save(out, "JPEG")
    fields = release_form(
        title_fr="Une photo partagée", slug_fr="photo-partagee", slug_en="shared-photo",
        image_alt_fr="Un abri", image_alt_en="A shelter",
    )  # fmt: skip
    status, _headers, _body = editor.post_files(
        ADD_URL, fields, {"image": ("IMG_1234.jpg", out.getvalue())}
    )
    assert status == 302, site.logs()
    original = PressRelease.objects.get(slug_fr="photo-partagee").image.name
    renditions = site.s3.keys(site.bucket, f"renditions/{original}/")
    assert site.s3.keys(site.bucket, "releases/") == [original]
    assert len(renditions) == 3  # 480, 960 and 1600 pixels wide, written by node 1
    # Node 2's page names them at the site's own address, never the bucket's.
    node2 = f"http://127.0.0.1:{site.ports['node2']}"
    _status, _headers, page = fetch(node2 + "/fr/communiques/photo-partagee/")
    assert set(re.findall(rb"/media/(renditions/[^\s\"?]+)", page)) <= {
        name.encode() for name in renditions
    }
    assert site.s3.url.encode() not in page
    no_redirect = urllib.request.build_opener(NoRedirect())
    s3 = site.s3.client()
    for name in [original, *renditions]:
        stored = s3.get_object(Bucket=site.bucket, Key=name)["Body"].read()
        for base in (node2, site.url):  # node 2 itself, and through Varnish and the balancer
            status, headers, _body = fetch(f"{base}/media/{name}", opener=no_redirect)
            assert status == 302, (base, name, status)
            assert headers["Location"].startswith(f"{site.s3.url}/{site.bucket}/{name}?")
            status, _headers, body = fetch(headers["Location"])
            assert (status, body) == (200, stored), (base, name)

"""Publish → purge → first re-render, timed: an editor unpublishes and publishes the measured
release in node 1's admin (the changelist's actions, as tests/test_cluster.py does), while two
readers ask Varnish for the home page and for the release page every 5 ms.

Each step is read from the clock of the component that did it, all on this machine's wall clock:
- commit: PostgreSQL's commit timestamp of the release's row (track_commit_timestamp, run.sh);
- purge sent / applied: the PURGE request's Start and Resp in Varnish's log (varnishlog);
- first re-render: Varnish's backend fetch (Start → BerespBody: nginx, a node, Django making the
  page) that made the new page (read_log says which);
- served: the reader's first answer showing the change (the home page with or without the
  title, the release page 200 or 404).
"""

import threading
import time
import urllib.parse

import vsl
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import resolve
from django.utils import translation
from django.utils.html import escape

from pressroom.models import PressRelease
from tests.cluster import fetch
from tests.factories import PASSWORD, StaffUserFactory

REPEATS = 5
HOME = "/fr/"
CHANGELIST = "/admin/pressroom/pressrelease/"
LIST_PATH = "/fr/communiques/"


def editor(stack):
    get_user_model().objects.filter(username="edgebench").delete()
    StaffUserFactory(username="edgebench", superuser=True)
    return stack.editor("edgebench", PASSWORD)


def release_at(path):
    with translation.override("fr"):
        match = resolve(path)
    release = PressRelease.objects.get(slug_fr=match.kwargs["slug"])
    release.path = path
    return release


def set_status(editor, release, action):
    """Run the changelist's action on the release; the time the POST was sent (the form, for its
    CSRF token, is read before)."""
    fields = {
        "action": action,
        "_selected_action": [release.pk],
        "csrfmiddlewaretoken": editor.csrf_token(CHANGELIST),
    }
    data = urllib.parse.urlencode(fields, doseq=True).encode()
    sent = time.time()
    status, _headers, _body = fetch(editor.base + CHANGELIST, data=data, opener=editor.opener)
    assert status == 302, status
    return sent


def commit_time(release):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT extract(epoch FROM pg_xact_commit_timestamp(xmin))"
            " FROM pressroom_pressrelease WHERE id = %s",
            [release.pk],
        )
        return float(cursor.fetchone()[0])


def warm(stack, paths):
    """Ask Varnish twice: the home page and the list must then be hits."""
    for path in paths:
        fetch(stack.cluster.url + path)
        status, headers, _body = fetch(stack.cluster.url + path)
        assert status == 404 or headers["X-Cache"] == "HIT", (path, status, headers["X-Cache"])


def shown(stack, release, published):
    """{what: test} of the answers that show the change."""
    title = escape(release.title_fr).encode()

    def home():
        status, _headers, body = fetch(stack.cluster.url + HOME)
        return status == 200 and (title in body) == published

    def page():
        return fetch(stack.cluster.url + release.path)[0] == (200 if published else 404)

    return {"home": home, "page": page}


def one(stack, editor, release, action):
    published = action == "publish"
    warm(stack, [HOME, LIST_PATH, release.path])
    tests = shown(stack, release, published)
    seen = {}
    deadline = time.time() + 10

    def reader(name, test):  # one per page: a slow render of one does not delay the other
        while time.time() < deadline and not test():
            time.sleep(0.005)
        seen[name] = time.time()

    threads = [threading.Thread(target=reader, args=item) for item in tests.items()]
    for thread in threads:
        thread.start()
    time.sleep(0.2)  # both readers asking
    sent = set_status(editor, release, action)
    answered = time.time()
    for thread in threads:
        thread.join()
    return {
        "action": action,
        "sent": sent,
        "answered": answered,
        "commit": commit_time(release),
        "served": seen,
    }


def run(stack, editor, release, log_path):
    log = stack.varnishlog(
        log_path, "-g", "vxid", "-i", "Begin,ReqMethod,ReqURL,BereqURL,Timestamp,BerespStatus"
    )
    time.sleep(1)  # varnishlog attached
    found = []
    for _ in range(REPEATS):
        for action in ("unpublish", "publish"):
            found.append(one(stack, editor, release, action))
            time.sleep(0.5)
    time.sleep(1)
    log.terminate()
    log.wait()
    read_log(found, log_path.read_text(), release.path)
    return found


def read_log(found, text, path):
    """Add Varnish's side of each cycle (from its log) to what the editor and the reader saw."""
    purges = vsl.purges(text)
    for cycle in found:
        # The change's own purge: the first after its commit (the repeats of an earlier change,
        # EDGE_REPURGE_SECONDS, come in between too, and are listed apart).
        purge = next(p for p in purges if p.at("Start") >= cycle["commit"])
        cycle["purge_sent"], cycle["purge_applied"] = purge.at("Start"), purge.at("Resp")
        cycle["other_purges"] = [
            p.at("Start")
            for p in purges
            if cycle["sent"] - 1 <= p.at("Start") <= cycle["sent"] + 3 and p is not purge
        ]
        # The home page is a hit until the purge: its first fetch after the commit is the new
        # page. The release page is not kept while it is a 404: the reader's fetches of it run
        # all along, and the first one that answers with the new status is the new page.
        homes = [f for f in vsl.fetches(text, HOME) if f.at("Start") >= cycle["commit"]]
        status = "200" if cycle["action"] == "publish" else "404"
        pages = [
            f
            for f in vsl.fetches(text, path)
            if f.at("Beresp") >= cycle["commit"] and f.first("BerespStatus") == status
        ]
        for name, made in (("home", homes), ("page", pages)):
            cycle[f"render_{name}"] = [made[0].at("Start"), made[0].at("BerespBody")]
            cycle[f"render_{name}_status"] = made[0].first("BerespStatus")

"""psycopg's pool (DB_POOL_MAX) against the real PostgreSQL: the site's own WSGI application, in
a process of its own as under gunicorn, answers /readyz (one query each) many times; the
backends PostgreSQL started for it are counted."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.scratch_database import on_postgresql, scratch_database, server_connection
from tests.test_deployment import IGNORE_DOTENV

ROOT = Path(__file__).resolve().parent.parent.parent

# Requests go through Django's WSGI handler, whose request_finished signal hands the connection
# back (to the pool, or closes it without one), exactly as under gunicorn. Each time Django gets
# a connection it says so (connection_created): its backend's pid is noted.
VISITORS = """
import json, sys, threading
from wsgiref.util import setup_testing_defaults
import django
django.setup()
from django.core.wsgi import get_wsgi_application
from django.db.backends.signals import connection_created
from iom_cms import health

health._migrations_applied = True  # an empty database: /readyz asks only "SELECT 1"
application = get_wsgi_application()
pids = []
connection_created.connect(
    lambda connection, **kwargs: pids.append(connection.connection.info.backend_pid), weak=False
)

def visit(times):
    for _ in range(times):
        environ = {"PATH_INFO": "/readyz", "HTTP_HOST": "127.0.0.1"}
        setup_testing_defaults(environ)
        statuses = []
        response = application(environ, lambda status, headers: statuses.append(status))
        b"".join(response)
        response.close()
        assert statuses == ["200 OK"], statuses

def report(threads, times):
    pids.clear()
    visitors = [threading.Thread(target=visit, args=(times,)) for _ in range(threads)]
    [visitor.start() for visitor in visitors]
    [visitor.join() for visitor in visitors]
    return {"requests": len(pids), "backends": len(set(pids))}

print("RESULT", json.dumps({"sequential": report(1, 50), "concurrent": report(4, 25)}), flush=True)
sys.stdin.read()  # keeps the process, and its pool, alive while the test looks at the server
"""


def run_visitors(database_url, **environment):
    return subprocess.Popen(
        [sys.executable, "-c", IGNORE_DOTENV + VISITORS],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "iom_cms.settings",
            "SECRET_KEY": "pool-test-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "LOG_LEVEL": "WARNING",  # no line per request on stdout
            "STATIC_ROOT": str(ROOT / "static"),
            **environment,
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def open_connections(database):
    return database.execute(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
    ).fetchone()[0]


def settled_connections(database, seconds=2.0):
    """The fewest connections seen over `seconds`: a backend whose client has just closed it
    stays in pg_stat_activity for a moment while it exits (seen under load)."""
    fewest = open_connections(database)
    deadline = time.monotonic() + seconds
    while fewest and time.monotonic() < deadline:
        time.sleep(0.1)
        fewest = min(fewest, open_connections(database))
    return fewest


def measure(**environment):
    """What the visitors saw, and the connections still open once they are done."""
    with scratch_database() as (name, url), server_connection(name) as database:
        visitors = run_visitors(url, **environment)
        try:
            result = next(line for line in visitors.stdout if line.startswith("RESULT "))
            seen = json.loads(result.removeprefix("RESULT "))
            still_open = settled_connections(database)
        finally:
            visitors.communicate(input="", timeout=30)
        assert visitors.returncode == 0
        return seen, still_open


@on_postgresql
def test_with_the_pool_requests_reuse_at_most_pool_max_connections():
    seen, still_open = measure(DB_POOL_MIN="1", DB_POOL_MAX="2")
    # 50 requests, one or two backends: the pool's first connection may still be opening when
    # the first request asks, which then gets a second one.
    assert seen["sequential"]["requests"] == 50
    assert 1 <= seen["sequential"]["backends"] <= 2
    # Four threads at once share the two connections: they wait for one instead of opening more.
    assert seen["concurrent"]["requests"] == 100
    assert 1 <= seen["concurrent"]["backends"] <= 2
    assert 1 <= still_open <= 2  # kept open, ready for the next request


@on_postgresql
def test_without_the_pool_and_without_conn_max_age_each_request_opens_a_connection():
    seen, still_open = measure(DB_POOL_MAX="0", CONN_MAX_AGE="0")
    assert seen["sequential"] == {"requests": 50, "backends": 50}
    assert still_open == 0

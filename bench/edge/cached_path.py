"""Where the time of a page answered from the Redis page cache goes, beside the floor, in one
process (no gunicorn, no network client): Django's WSGI handler called directly, as a worker
calls it, with a real Redis (`redis-server` started here on a free port).

    DATABASE_URL=… python bench/edge/cached_path.py PATH [PATH…]      (bench/edge/run.sh's env)

Prints, in µs per request (median of 7 batches of 500): the floor (/bare/, PAGE_CACHE_SECONDS=0,
every middleware and the view), each PATH answered from the page cache, and the parts of the
cached path timed alone (a Redis round trip, the generation's read, the page's read and its
unpickling); then cProfile's 15 costliest functions (own time) over 3,000 cached answers.
"""

import cProfile
import io
import os
import pickle
import pstats
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "bench" / "finder"), str(ROOT)]
os.environ["DJANGO_SETTINGS_MODULE"] = "edge_settings"
os.environ["LOG_LEVEL"] = "INFO"  # the nodes' level: one line per request

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    REDIS_PORT = probe.getsockname()[1]
os.environ["CACHE_URL"] = f"redis://127.0.0.1:{REDIS_PORT}/0"
django.setup()

import logging  # noqa: E402

from django.core.cache import cache  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.test import RequestFactory, override_settings  # noqa: E402

from core import public_cache  # noqa: E402

BATCH, BATCHES = 500, 7


def environ(path):
    path, _, query = path.partition("?")
    return RequestFactory()._base_environ(
        PATH_INFO=path, QUERY_STRING=query, SERVER_NAME="127.0.0.1", HTTP_HOST="127.0.0.1"
    )


def answer(handler, path):
    statuses = []
    body = b"".join(handler(environ(path), lambda status, headers: statuses.append(status)))
    assert statuses[0].startswith("200"), (path, statuses)
    return body


def per_call(function):
    """µs per call: the median of BATCHES batches of BATCH calls."""
    times = []
    for _ in range(BATCHES):
        start = time.perf_counter()
        for _ in range(BATCH):
            function()
        times.append((time.perf_counter() - start) / BATCH * 1e6)
    return statistics.median(times)


def main(paths):
    handler = WSGIHandler()
    for log in logging.getLogger().handlers:  # each line is made, as on a node, but not shown
        log.setStream(open(os.devnull, "w"))  # noqa: SIM115
    rows = []
    with override_settings(PAGE_CACHE_SECONDS=0):
        answer(handler, "/bare/")
        rows.append(("floor: /bare/, no page cache", per_call(lambda: answer(handler, "/bare/"))))
    for path in paths:
        answer(handler, path)  # made and kept
        rows.append((f"cached: {path}", per_call(lambda p=path: answer(handler, p))))
    client = cache._cache.get_client()
    rows.append(("Redis round trip (PING)", per_call(client.ping)))
    rows.append(("the generation's read", per_call(lambda: cache.get(public_cache.GENERATION_KEY))))
    for key in client.keys(":1:public-pages:page:*"):
        raw = client.get(key)
        name = key.decode().removeprefix(":1:")
        rows.append((f"page read, {len(raw):,} bytes", per_call(lambda k=name: cache.get(k))))
        rows.append(("  of which unpickling", per_call(lambda r=raw: pickle.loads(r))))  # noqa: S301
    for label, micros in rows:
        print(f"{label:70} {micros:8.0f} µs")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(3000):
        answer(handler, paths[0])
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(15)
    print(out.getvalue())


if __name__ == "__main__":
    redis = subprocess.Popen(  # noqa: S603 - our own command line
        [REDIS_SERVER, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                cache._cache.get_client().ping()
                break
            except Exception:
                time.sleep(0.05)
        main(sys.argv[1:])
    finally:
        redis.terminate()
        redis.wait()

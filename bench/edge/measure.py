"""The edge at 100,000 releases (issue 13): run by bench/edge/run.sh, which says how.

    python bench/edge/measure.py OUT        (DATABASE_URL: a database filled by bench_generate)

1. rotation: one wrk rotation (ROUNDS × DURATION s per target, `wrk -t2 -c4`, gzip accepted as
   browsers do) over a release page, the home page and a filtered list (topic + year), each
   - through Varnish (hits), beside nginx serving the same bytes from a file (≥ 0.5×);
   - from node 1 itself: gunicorn and the Redis page cache, no Varnish;
   and /bare/ on the floor node (no page cache): the Django page cache must reach ≥ 0.8× of it.
2. cycles.py: publish → purge → first re-render, timed (REPEATS unpublish/publish pairs).
3. spike.py: wrk on the release page through Varnish for SPIKE s, unpublished half way.
Writes OUT/results.json and prints the report (report.py).
"""

import contextlib
import io
import json
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "bench" / "finder"), str(ROOT)]
os.environ["DJANGO_SETTINGS_MODULE"] = "edge_settings"
django.setup()

import cycles  # noqa: E402
import report  # noqa: E402
import spike  # noqa: E402
from stack import FLOOR, Stack  # noqa: E402

from tests.cluster import fetch  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", 3))
DURATION = int(os.environ.get("DURATION", 10))
GZIP = {"Accept-Encoding": "gzip"}


def wrk(url, duration, *options):
    """requests/s, p50 and p99 (ms), non-2xx/3xx answers and socket errors of one wrk run."""
    command = ["wrk", "-t2", "-c4", f"-d{duration}s", "--latency", "-H", "Accept-Encoding: gzip"]
    out = subprocess.run(  # noqa: S603 - our own command line
        [*command, *options, url], capture_output=True, text=True, check=True
    )
    text = out.stdout

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)$", text, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Socket errors: (.*)", text)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text)[1]),
        "p50": latency(50),
        "p99": latency(99),
        "non_2xx": int(non_2xx[1]) if non_2xx else 0,
        "socket_errors": errors[1] if errors else "",
    }


def pages(targets):
    """The measured pages: {name: path}, chosen from the data by bench/finder/targets.py."""
    return {"release": targets["release"], "home": "/fr/", "list": targets["topic_year_p2"]}


def finder_targets():
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        runpy.run_path(str(ROOT / "bench" / "finder" / "targets.py"))
    return dict(line.split(" ", 1) for line in printed.getvalue().splitlines())


def copy_pages(stack, paths):
    """Each page as Varnish serves it (a hit), gzip and plain, for nginx to serve as files."""
    copies = {}
    for name, path in paths.items():
        for _ in range(2):
            status, headers, compressed = fetch(stack.cluster.url + path, headers=GZIP)
        assert (status, headers["X-Cache"]) == (200, "HIT"), (path, status, headers["X-Cache"])
        _, _, plain = fetch(stack.cluster.url + path)
        copies[name] = (compressed, plain)
    stack.serve_copies(copies)
    for name, (compressed, _plain) in copies.items():
        assert fetch(f"{stack.static}/{name}.html", headers=GZIP)[2] == compressed, name
    return {name: [len(c), len(p)] for name, (c, p) in copies.items()}


def rotation(stack, paths):
    urls = {}
    for name, path in paths.items():
        urls[f"varnish_{name}"] = stack.cluster.url + path
        urls[f"static_{name}"] = f"{stack.static}/{name}.html"
        urls[f"django_{name}"] = stack.node(1) + path
    urls["floor_bare"] = stack.node(FLOOR) + "/bare/"
    for url in urls.values():  # Redis gets node 1's pages; every answer must be a 200
        for _ in range(2):
            assert fetch(url)[0] == 200, url
    runs = {label: [] for label in urls}
    for _ in range(ROUNDS):
        for label, url in urls.items():
            before = stack.varnish_counters("MAIN.cache_hit", "MAIN.cache_miss")
            redis_before = stack.redis_hits()
            result = wrk(url, DURATION)
            after = stack.varnish_counters("MAIN.cache_hit", "MAIN.cache_miss")
            redis_after = stack.redis_hits()
            result["varnish_hits"] = after["MAIN.cache_hit"] - before["MAIN.cache_hit"]
            result["varnish_misses"] = after["MAIN.cache_miss"] - before["MAIN.cache_miss"]
            result["redis_hits"] = redis_after[0] - redis_before[0]
            result["redis_misses"] = redis_after[1] - redis_before[1]
            runs[label].append(result)
            print(f"  {label:16} {result['rps']:9.0f}/s  p50 {result['p50']:.2f} ms", flush=True)
    return {"urls": urls, "runs": runs}


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    results = {"rounds": ROUNDS, "duration": DURATION}
    stack = Stack(os.environ["DATABASE_URL"])
    try:
        stack.start()
        targets = finder_targets()
        paths = pages(targets)
        results["paths"] = paths
        results["sizes"] = copy_pages(stack, paths)
        editor = cycles.editor(stack)
        release = cycles.release_at(paths["release"])

        print(f"== rotation: {ROUNDS} × {DURATION} s per target", flush=True)
        results["rotation_load"] = [os.getloadavg()[0]]
        results["rotation"] = rotation(stack, paths)
        results["rotation_load"].append(os.getloadavg()[0])

        print("== publish → purge → first re-render", flush=True)
        results["cycles_load"] = [os.getloadavg()[0]]
        results["cycles"] = cycles.run(stack, editor, release, out / "cycles.vsl")
        results["cycles_load"].append(os.getloadavg()[0])

        print("== spike", flush=True)
        results["spike"] = spike.run(stack, editor, release, out)
    except BaseException:
        print(stack.cluster.logs()[-6000:])
        raise
    finally:
        stack.close()
        (out / "results.json").write_text(json.dumps(results, indent=1))
    print(report.markdown(results))


if __name__ == "__main__":
    main(Path(sys.argv[1]))

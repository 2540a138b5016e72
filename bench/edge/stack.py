"""The servers of the edge benchmark, on 127.0.0.1: the cluster of tests/cluster.py (Varnish ─▶
nginx balancing two gunicorn nodes ─▶ PostgreSQL, Redis, an S3 API; the task worker) on the
benchmark's database, plus
- "floor": a third node, the same gunicorn and settings with PAGE_CACHE_SECONDS=0, whose /bare/
  (bench/finder/bench_urls.py) is the framework's floor;
- "static": nginx serving copies of the measured pages, byte for byte what Varnish sends.
"""

import re
import shutil
import subprocess
from pathlib import Path

from tests.cluster import SERVERS, Cluster, Editor, free_port, wait_for

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FLOOR = 3  # the node number of the floor
VARNISH = {name: shutil.which(name) or f"/usr/bin/{name}" for name in ("varnishstat", "varnishlog")}
STATIC_CONFIG = """
worker_processes auto;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/www;
        gzip_static on;  # name.gz to a client that accepts gzip, as Varnish keeps the pages
    }}
}}
"""


class Stack:
    def __init__(self, database_url):
        self.cluster = Cluster(database_url)
        self.cluster.environment.update(
            PYTHONPATH=f"{ROOT}:{HERE}:{ROOT / 'bench' / 'finder'}",
            DJANGO_SETTINGS_MODULE="edge_settings",
            EDGE_PURGE_URLS=f"{self.cluster.url}/",  # the one edge (no second one, down)
        )
        self.static_port = free_port()
        self.varnish_work = self.cluster.directory / "varnish-work"

    def node(self, number):
        return f"http://127.0.0.1:{self.cluster.ports[f'node{number}']}"

    @property
    def static(self):
        return f"http://127.0.0.1:{self.static_port}"

    def start(self):
        self.cluster.start()
        self.cluster.start_node(FLOOR, PAGE_CACHE_SECONDS="0")
        self.cluster.wait_for_node(FLOOR)

    def serve_copies(self, pages):
        """nginx serving {name: (gzip bytes, plain bytes)} at /<name>.html."""
        directory = self.cluster.directory / "static"
        (directory / "www").mkdir(parents=True)
        for name, (compressed, plain) in pages.items():
            (directory / "www" / f"{name}.html.gz").write_bytes(compressed)
            (directory / "www" / f"{name}.html").write_bytes(plain)
        for path in [directory, *directory.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        config = directory / "nginx.conf"
        config.write_text(STATIC_CONFIG.format(dir=directory, port=self.static_port))
        self.cluster._start(
            "static",
            [SERVERS["nginx"], "-p", str(directory), "-c", str(config),
             "-e", str(directory / "error.log"), "-g", "daemon off;"],
        )  # fmt: skip
        wait_for(f"{self.static}/")

    def editor(self, username, password):
        """An editor logged in to node 1's admin."""
        editor = Editor(self.node(1))
        editor.log_in(username, password)
        return editor

    def varnish_counters(self, *names):
        fields = [f"-f{name}" for name in names]
        out = subprocess.run(  # noqa: S603 - our own command line
            [VARNISH["varnishstat"], "-n", str(self.varnish_work), "-1", *fields],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        return {m[1]: int(m[2]) for m in re.finditer(r"^(\S+)\s+(\d+)", out, re.M)}

    def redis_hits(self):
        stats = self.cluster.redis().info("stats")
        return stats["keyspace_hits"], stats["keyspace_misses"]

    def varnishlog(self, path, *arguments):
        """varnishlog writing to `path` until the returned process is stopped."""
        return subprocess.Popen(  # noqa: S603 - our own command line
            [VARNISH["varnishlog"], "-n", str(self.varnish_work), *arguments],
            stdout=open(path, "w"),  # noqa: SIM115 (closed with the process)
            stderr=subprocess.STDOUT,
        )

    def close(self):
        self.cluster.close()

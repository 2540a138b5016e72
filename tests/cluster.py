"""A production-like cluster on loopback, for tests/test_cluster.py, made of the real servers:

    client ─▶ Varnish (deploy/varnish/default.vcl) ─▶ nginx (deploy/nginx/nginx.conf, balancing)
           ─▶ two gunicorn nodes ─▶ PostgreSQL (the test database), Redis (the page cache) and
              an S3 API (moto's server, tests/s3.py: one bucket for every node's uploads)
    plus `manage.py db_worker`, which runs the task queue (purge retries).

Each server is a child process in a temporary folder, stopped and started by the test.
"""

import http.cookiejar
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.s3 import S3Server
from tests.test_deployment import nginx_command, nginx_config_for_this_machine

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
BIN = Path(sys.executable).parent

SERVERS = {
    "varnishd": shutil.which("varnishd") or "/usr/sbin/varnishd",
    "redis-server": shutil.which("redis-server") or "/usr/bin/redis-server",
    "nginx": shutil.which("nginx") or "/usr/sbin/nginx",
}


def missing_servers():
    missing = [name for name, path in SERVERS.items() if not os.path.exists(path)]
    if not list(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")):
        missing.append("varnish-modules")
    return missing


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def visitor():
    """An address of its own for each request, as many readers have (198.18.0.0/15, set aside for
    tests): nginx limits the finder per visitor, and takes the address from X-Forwarded-For."""
    return f"198.{random.randint(18, 19)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def fetch(url, data=None, headers=None, method=None, timeout=10, opener=None):
    """(status, headers, body) of a request; HTTP errors are answers too."""
    headers = {"X-Forwarded-For": visitor(), **(headers or {})}
    request = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_for(url, deadline=20.0):
    end = time.monotonic() + deadline
    while True:
        try:
            fetch(url, timeout=1)
            return
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.05)


class Cluster:
    def __init__(self, database_url):
        self.directory = Path(tempfile.mkdtemp(prefix="cluster-"))
        self.directory.chmod(0o755)  # Varnish's and nginx's workers run as other users
        self.ports = {
            name: free_port()
            for name in ("redis", "node1", "node2", "nginx", "varnish", "second_edge")
        }
        self.processes = {}
        self.s3 = S3Server()
        self.bucket = "cluster-media"
        self.url = f"http://127.0.0.1:{self.ports['varnish']}"
        self.balancer = f"http://127.0.0.1:{self.ports['nginx']}"
        self.environment = {
            "PATH": os.environ["PATH"],
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "tests.cluster_settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "CONN_MAX_AGE": "0",
            "CACHE_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            # The second edge is down until a test starts it: its purges go to the task queue.
            "EDGE_PURGE_URLS": f"{self.url}/,http://127.0.0.1:{self.ports['second_edge']}/",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "MEDIA_ROOT": str(self.directory / "media"),
            "STATIC_ROOT": str(self.directory / "static"),
            "LOG_LEVEL": "INFO",
            # Every node's uploads and renditions in one bucket: any node serves any upload.
            **self.s3.environment(self.bucket),
        }

    # --- each server -----------------------------------------------------------------------

    def _start(self, name, command, **options):
        log = open(self.directory / f"{name}.log", "ab")  # noqa: SIM115 (kept with the process)
        self.processes[name] = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **options
        )

    def stop(self, name, sig=signal.SIGTERM):
        process = self.processes.pop(name, None)
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(sig)  # to the main process: gunicorn stops gracefully
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def start_redis(self):
        self._start(
            "redis",
            [
                SERVERS["redis-server"],
                "--port", str(self.ports["redis"]),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--maxmemory", "64mb",
                "--maxmemory-policy", "volatile-lru",
                "--dir", str(self.directory),
            ],
        )  # fmt: skip
        self.redis().ping()

    def redis(self):
        import redis

        client = redis.Redis(port=self.ports["redis"], socket_connect_timeout=1)
        for _ in range(100):
            try:
                client.ping()
                return client
            except redis.ConnectionError:
                time.sleep(0.05)
        return client

    def start_node(self, number, **environment):
        """gunicorn as the image runs it (deploy/gunicorn.conf.py), on its own port (a node the
        cluster does not name gets one), with `environment` over the cluster's."""
        port = self.ports.setdefault(f"node{number}", free_port())
        self._start(
            f"node{number}",
            [BIN / "gunicorn", "--config", "deploy/gunicorn.conf.py", "iom_cms.wsgi"],
            cwd=ROOT,
            env={
                **self.environment,
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_WORKERS": "2",
                "GUNICORN_GRACEFUL_TIMEOUT": "10",
                **environment,
            },
        )

    def wait_for_node(self, number):
        wait_for(f"http://127.0.0.1:{self.ports[f'node{number}']}/healthz", deadline=30)

    def start_worker(self):
        self._start(
            "worker",
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=ROOT,
            env=self.environment,
        )

    def start_balancer(self):
        upstream = " ".join(
            f"server 127.0.0.1:{self.ports[node]} max_fails=1 fail_timeout=5s;"
            for node in ("node1", "node2")
        ).removeprefix("server ")
        nginx_directory = self.directory / "nginx"
        (nginx_directory / "srv" / "static").mkdir(parents=True)
        (nginx_directory / "srv" / "media").mkdir(parents=True)
        for path in [nginx_directory, *nginx_directory.rglob("*")]:
            path.chmod(0o755)
        config = nginx_config_for_this_machine(
            nginx_directory, upstream=upstream.removesuffix(";"), port=self.ports["nginx"]
        )
        self._start("nginx", nginx_command(config, nginx_directory, "-g", "daemon off;"))

    def start_varnish(self, name="varnish", backend_port=None):
        """Varnish with the deployment's VCL, in front of the balancer (or of `backend_port`)."""
        vcl = self.directory / f"{name}.vcl"
        vcl.write_text(
            VCL.read_text()
            .replace('.host = "nginx";', '.host = "127.0.0.1";')
            .replace('.port = "80";', f'.port = "{backend_port or self.ports["nginx"]}";')
        )
        vcl.chmod(0o644)
        workdir = self.directory / f"{name}-work"
        self._start(
            name,
            [
                SERVERS["varnishd"], "-F",
                "-a", f"127.0.0.1:{self.ports[name]}",
                "-f", str(vcl),
                "-n", str(workdir),
                "-s", "malloc,32m",
            ],
        )  # fmt: skip
        wait_for(f"http://127.0.0.1:{self.ports[name]}/healthz")

    def start_s3(self):
        self.s3.start(log=open(self.directory / "s3.log", "ab"))  # noqa: SIM115
        self.s3.client().create_bucket(Bucket=self.bucket)

    def start(self):
        self.start_s3()
        self.start_redis()
        self.start_node(1)
        self.start_node(2)
        self.start_worker()
        self.start_balancer()
        self.wait_for_node(1)
        self.wait_for_node(2)
        self.start_varnish()

    def close(self):
        for name in list(self.processes):
            self.stop(name)
        self.s3.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def logs(self):
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.directory.glob("*.log"))
        )

    # --- as a visitor and as an editor --------------------------------------------------------

    def get(self, path, base=None, **options):
        return fetch((base or self.url) + path, **options)

    def purge_everything(self):
        for name in ("varnish", "second_edge"):
            if name in self.processes:
                fetch(
                    f"http://127.0.0.1:{self.ports[name]}/",
                    method="PURGE",
                    headers={"xkey-purge": "all"},
                )
        self.redis().flushall()


class HeldProxy:
    """A TCP proxy to `port`. After `hold()` it still passes requests at once, but holds the
    answers until `release` is set: a page that a node has made and that reaches the edge later
    (a slow page, a slow network). `answered` is set when an answer is held."""

    def __init__(self, port):
        self.port, self.upstream = free_port(), port
        self.answered, self.release = threading.Event(), threading.Event()
        self.release.set()
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:  # closed
                return
            server = socket.create_connection(("127.0.0.1", self.upstream))
            threading.Thread(target=self._pass, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pass, args=(server, client, True), daemon=True).start()

    def _pass(self, source, target, hold):
        try:
            while data := source.recv(65536):
                if hold and not self.release.is_set():
                    self.answered.set()
                    self.release.wait(30)
                target.sendall(data)
        except OSError:
            pass
        finally:
            target.close()

    def hold(self):
        self.release.clear()

    def close(self):
        self.release.set()
        self.listener.close()


class Editor:
    """An editor's browser session with one node (its own cookies, the admin's CSRF token)."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirect(),
        )

    def csrf_token(self, path):
        _status, _headers, body = fetch(self.base + path, opener=self.opener)
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()

    def post(self, path, fields):
        data = urllib.parse.urlencode(
            {**fields, "csrfmiddlewaretoken": self.csrf_token(path)}, doseq=True
        ).encode()
        return fetch(self.base + path, data=data, opener=self.opener)

    def post_files(self, path, fields, files):
        """A multipart POST, as a browser sends a form with files ({name: (filename, bytes)})."""
        boundary = secrets.token_hex(16)
        parts = []
        for name, values in {**fields, "csrfmiddlewaretoken": self.csrf_token(path)}.items():
            for value in values if isinstance(values, list) else [values]:
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                    f"{value}\r\n".encode()
                )
        for name, (filename, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return fetch(self.base + path, data=body, headers=headers, opener=self.opener)

    def log_in(self, username, password):
        status, headers, body = self.post(
            "/admin/login/?next=/admin/", {"username": username, "password": password}
        )
        errors = re.findall(rb'class="errornote">\s*([^<]+)', body)
        assert status == 302 and headers["Location"] == "/admin/", (status, errors)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

"""This machine's nginx with deploy/nginx/nginx.conf in front of the live test server.

The config is the repo's, with this machine's paths and ports; CI installs nginx (.ci/run).
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx" / "nginx.conf"
TRUSTED_PROXIES_SCRIPT = ROOT / "deploy" / "nginx" / "trusted-proxies.sh"
TRUSTED_PROXIES_INCLUDE = "include /etc/nginx/conf.d/trusted-proxies.conf;"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# CI installs nginx (.ci/run); there a missing nginx must fail the run, not skip these tests.
needs_nginx = pytest.mark.skipif(
    not os.path.exists(NGINX) and os.environ.get("CI") != "true",
    reason="nginx not installed (apt-get install nginx-light)",
)


def write_trusted_proxies(directory, trusted):
    """Run deploy/nginx/trusted-proxies.sh as the nginx image does at start; its include file."""
    path = Path(directory) / "trusted-proxies.conf"
    subprocess.run(
        ["/bin/sh", str(TRUSTED_PROXIES_SCRIPT)],
        env={
            "PATH": os.environ["PATH"],
            "TRUSTED_PROXIES": trusted,
            "TRUSTED_PROXIES_FILE": str(path),
        },
        check=True,
        capture_output=True,
    )
    return path


def nginx_config_for_this_machine(
    directory, upstream="127.0.0.1:8000", port=80, trusted="127.0.0.1"
):
    """deploy/nginx/nginx.conf with this machine's paths: compose's names do not resolve here.
    `trusted`: TRUSTED_PROXIES (here Varnish and the tests' clients are all on 127.0.0.1)."""
    config = NGINX_CONF.read_text()
    include = f"include {write_trusted_proxies(directory, trusted)};"
    config = config.replace(TRUSTED_PROXIES_INCLUDE, include)
    config = config.replace("server web:8000 resolve;", f"server {upstream};")
    config = config.replace("listen 80 default_server;", f"listen 127.0.0.1:{port};")
    config = config.replace("/srv/iom-cms/", f"{directory}/srv/")
    config = config.replace("error_log /dev/stderr warn;", f"error_log {directory}/error.log;")
    config = config.replace(
        "access_log /dev/stdout main;", f"access_log {directory}/access.log main;"
    )
    temp = "".join(
        f"    {kind}_temp_path {directory}/{kind}-temp;\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = config.replace("http {\n", "http {\n" + temp, 1)
    path = Path(directory) / "nginx.conf"
    path.write_text(config)
    return path


def nginx_command(config, directory, *arguments):
    return [
        NGINX,
        "-p",
        str(directory),
        "-c",
        str(config),
        "-e",
        f"{directory}/error.log",
        "-g",
        f"pid {directory}/nginx.pid;",
        *arguments,
    ]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def nginx_front(request, live_server, settings):
    """Our nginx config in front of the live test server, with its own static files and the
    test server's uploads (MEDIA_ROOT moved to nginx's media folder for the test). Trusting
    X-Forwarded-For from 127.0.0.1, or from the TRUSTED_PROXIES given as the fixture's param."""
    directory = Path(tempfile.mkdtemp(prefix="nginx-"))
    (directory / "srv" / "static" / "css").mkdir(parents=True)
    (directory / "srv" / "media").mkdir(parents=True)
    (directory / "srv" / "static" / "css" / "site.0123456789ab.css").write_text("body{}")
    # The pages nginx serves itself, made as the Dockerfile makes them.
    call_command("render_error_pages", output=directory / "srv" / "static" / "errors")
    for path in [directory, *directory.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # workers run as "nobody" under root
    settings.MEDIA_ROOT = str(directory / "srv" / "media")
    port = free_port()
    upstream = live_server.url.removeprefix("http://")
    trusted = getattr(request, "param", "127.0.0.1")
    config = nginx_config_for_this_machine(directory, upstream=upstream, port=port, trusted=trusted)
    server = subprocess.Popen(nginx_command(config, directory, "-g", "daemon off;"))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/static/css/site.0123456789ab.css", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        yield base, directory
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(directory, ignore_errors=True)


def fetch(url, data=None, headers=None, timeout=10):
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()

"""gunicorn as the image runs it (deploy/gunicorn.conf.py), on 127.0.0.1: it starts without an
error and, told to stop, finishes the request it is serving before it exits."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.nginx import fetch, free_port

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"


def start_gunicorn(tmp_path, port):
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "iom_cms.settings",
        "SECRET_KEY": "gunicorn-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        # Nothing can be created in this home, as in the image (/app belongs to root there):
        # gunicorn's default control socket ($HOME/.gunicorn/) failed at every start.
        "HOME": "/proc/self/no-home",
    }
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "--config", CONFIG, "tests.slow_wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if fetch(base + "/healthz", timeout=1)[0] == 200:
                return server, base
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise AssertionError("gunicorn did not answer:\n" + (tmp_path / "gunicorn.log").read_text())


def test_gunicorn_starts_cleanly_and_finishes_its_request_when_stopped(tmp_path):
    server, base = start_gunicorn(tmp_path, free_port())
    try:
        answers = []
        request = threading.Thread(
            target=lambda: answers.append(fetch(base + "/slow?seconds=2", timeout=20))
        )
        request.start()
        time.sleep(0.7)  # the request is in a worker now
        server.send_signal(signal.SIGTERM)  # what `docker compose stop` sends
        request.join(timeout=20)
        assert server.wait(timeout=20) == 0
    finally:
        server.kill()
    log = (tmp_path / "gunicorn.log").read_text()
    [(status, _headers, body)] = answers
    assert (status, body) == (200, b"finished\n"), log
    assert log.count("Booting worker") == 2, log
    assert "ERROR" not in log and "Traceback" not in log, log
    assert "Control" not in log, log  # no control socket, and no error about one
    assert "Handling signal: term" in log and "Shutting down: Master" in log, log

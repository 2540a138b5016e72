"""Real servers on loopback for the alerts' end-to-end tests: an SMTP server (aiosmtpd) that keeps
what it accepts, and `manage.py db_worker` run as production runs it, on the test database."""

import asyncio
import email
import email.policy
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd's handler: keeps each message it accepted. `delay` seconds pass before a message
    is accepted; one whose sender hung up meanwhile is not (it never heard “250 OK”)."""

    def __init__(self):
        self.messages = []
        self.delay = 0.0
        self.started = 0  # messages whose DATA has begun, accepted or not
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.started += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if server.transport is None or server.transport.is_closing():
            return "451 the client went away"
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 OK"

    def wait_for(self, count, timeout=20.0):
        """The messages once there are `count` of them (or more); fails after `timeout`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(f"{len(self.messages)} messages after {timeout} s, not {count}")

    def wait_until_started(self, count, timeout=20.0):
        """Until the `count`th message is being received (not accepted yet)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.started >= count:
                return
            time.sleep(0.01)
        raise AssertionError(f"{self.started} messages begun after {timeout} s, not {count}")

    def to(self, address):
        with self.lock:
            return [m for m in self.messages if m["To"] == address]


class SmtpServer:
    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def database_url():
    """The test database, as the worker process needs it."""
    settings = connection.settings_dict
    user, password = settings["USER"], settings.get("PASSWORD") or ""
    credentials = f"{user}:{password}" if password else user
    host = settings["HOST"] or "127.0.0.1"
    return f"postgresql://{credentials}@{host}:{settings['PORT']}/{settings['NAME']}"


class WorkerProcess:
    """`manage.py db_worker` in a process of its own, as the worker service runs it."""

    def __init__(self, smtp_port, lease_seconds=3):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "iom_cms.test_settings",
            "DATABASE_URL": database_url(),
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "SITE_URL": "https://www.iom.example",
            "ALERTS_LEASE_SECONDS": str(lease_seconds),
            "LOG_LEVEL": "WARNING",
        }
        self.process = None

    def start(self):
        command = [sys.executable, "manage.py", "db_worker", "--interval", "0.1"]
        command += ["--no-startup-delay", "--no-reload"]
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        return self

    def kill(self):
        """SIGKILL: no clean-up, as a crash or an OOM kill leaves it."""
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

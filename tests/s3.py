"""An S3-compatible server on loopback for the object-storage tests: moto's server mode
(`moto_server`, from the dev dependencies), as the other tests start nginx or Redis.

`S3Server.start()` runs it on a free port; `storage_settings(bucket)` is the STORAGES["default"]
that iom_cms/settings.py builds from the environment for that bucket (the same options).
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

MOTO_SERVER = shutil.which("moto_server", path=str(Path(sys.executable).parent)) or shutil.which(
    "moto_server"
)
ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"  # noqa: S105 (moto accepts any)
REGION = "us-east-1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_moto():
    """The server must be there (`make venv` installs it): skipped only outside CI."""
    if MOTO_SERVER:
        return
    message = "moto_server not found: run `make venv` (moto[server] is a dev dependency)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class S3Server:
    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self, log=None):
        require_moto()
        self.process = subprocess.Popen(
            [MOTO_SERVER, "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1).close()  # noqa: S310
                return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto_server did not start on {self.url}") from None
                time.sleep(0.1)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def environment(self, bucket):
        """The variables that put a node's uploads in `bucket` (.env.example)."""
        return {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def new_bucket(self):
        bucket = f"media-{secrets.token_hex(6)}"
        self.client().create_bucket(Bucket=bucket)
        return bucket

    def keys(self, bucket, prefix=""):
        pages = (
            self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        )
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

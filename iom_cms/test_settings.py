"""The settings the tests run with: production settings plus a throwaway key and fast hashing.

The database comes from DATABASE_URL, which `make test` points at a throwaway PostgreSQL.
"""

import os
import tempfile

# Production behaviour, whatever a developer's .env says (`make run` writes DEBUG=true there).
os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from iom_cms.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="iom-cms-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="iom-cms-static-")
SECURE_SSL_REDIRECT = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test process has its own cache (tests/conftest.py empties it before every test).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

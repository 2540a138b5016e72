"""The settings of the web nodes in tests/test_cluster.py: production settings (iom_cms.settings,
from the environment the test gives), except what needs a deployment that a loopback test has
not (collected static files and their manifest; https for the cookies), and the tests' hasher."""

from iom_cms.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SESSION_COOKIE_NAME, CSRF_COOKIE_NAME = "sessionid", "csrftoken"  # __Host- needs https
# The test process makes the editors, with the tests' fast hasher (iom_cms/test_settings.py).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

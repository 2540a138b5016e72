import datetime
import io
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from events import demo as events_demo
from organisation import demo as organisation_demo
from pages import demo as pages_demo
from pressroom import demo as pressroom_demo
from tests.factories import StaffUserFactory
from tests.nginx import nginx_front  # noqa: F401 (a fixture, for every test module)


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, except that uploads go through Django's check
    (core/media.py) as in production: Django's test server would send MEDIA_ROOT's files itself."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.handlers.wsgi import WSGIHandler

    live_server.thread.httpd.set_app(StaticFilesHandler(WSGIHandler()))
    return live_server


@pytest.fixture(autouse=True)
def fresh_start():
    """Every test starts with an empty cache (no page kept from another test's data) and in the
    site's default language (a request to /en/ leaves English active in the thread)."""
    cache.clear()
    translation.deactivate()


@pytest.fixture
def editor(db):
    """A communications officer: staff, allowed to manage releases, topics and contacts."""
    return StaffUserFactory(username="editor", permissions=pressroom_permissions())


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# --- Editorial workflow: publishers (previews, corrections) ------------------------------------


@pytest.fixture
def publish_permission(db):
    """pressroom.publish_pressrelease, made here if no migration made it (before 0006)."""
    from django.contrib.contenttypes.models import ContentType

    from pressroom.models import PressRelease

    permission, _created = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(PressRelease),
        codename="publish_pressrelease",
        defaults={"name": "Can publish press release"},
    )
    return permission


@pytest.fixture
def publisher(publish_permission):
    """Staff with every press room permission, publishing included."""
    return StaffUserFactory(username="publisher", permissions=pressroom_permissions())


@pytest.fixture
def writer(publish_permission):
    """Staff who may edit releases but not publish them."""
    return StaffUserFactory(
        username="writer", permissions=pressroom_permissions().exclude(pk=publish_permission.pk)
    )


@pytest.fixture
def admin_user(db):
    """pytest-django's administrator (behind its admin_client), made like every other user."""
    return StaffUserFactory(username="admin", superuser=True)


def pressroom_permissions():
    return Permission.objects.filter(content_type__app_label="pressroom")


# --- Time ---------------------------------------------------------------------------------------


@pytest.fixture
def clock():
    """Sets the site's clock and the cache backend's clock to the same moment."""
    real_now, real_time = timezone.now, time.time
    offset = {"value": datetime.timedelta(0)}

    def set_to(moment):
        offset["value"] = moment - real_now()

    # The cache backend reads time.time() when it stores (base) and when it reads (locmem).
    cache_clock = mock.Mock(time=lambda: real_time() + offset["value"].total_seconds())
    with (
        mock.patch("django.utils.timezone.now", lambda: real_now() + offset["value"]),
        mock.patch("django.core.cache.backends.base.time", cache_clock),
        mock.patch("django.core.cache.backends.locmem.time", cache_clock),
    ):
        yield set_to


# --- Demo content ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """Every app's demo content, as `manage.py load_demo` loads it (without its admin account):
    loaded once for the test module that asks for it, and rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        for demo in (
            organisation_demo,
            events_demo,
            pressroom_demo,
            pages_demo,
        ):  # load_demo's order
            demo.load(stdout=io.StringIO())
        yield
        transaction.set_rollback(True)

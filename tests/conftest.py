import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def fresh_start():
    """Every test starts with an empty cache (no page kept from another test's data) and in the
    site's default language (a request to /en/ leaves English active in the thread)."""
    cache.clear()
    translation.deactivate()


@pytest.fixture
def editor(django_user_model):
    """A communications officer: staff, allowed to manage releases, topics and contacts."""
    user = django_user_model.objects.create_user(
        "editor", "editor@iom.int", "a-long-password", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="pressroom"))
    return user


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
def publisher(django_user_model, publish_permission):
    """Staff with every press room permission, publishing included."""
    user = django_user_model.objects.create_user(
        "publisher", "publisher@iom.int", "a-long-password", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="pressroom"))
    return user


@pytest.fixture
def writer(django_user_model, publish_permission):
    """Staff who may edit releases but not publish them."""
    user = django_user_model.objects.create_user(
        "writer", "writer@iom.int", "a-long-password", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="pressroom").exclude(
            pk=publish_permission.pk
        )
    )
    return user

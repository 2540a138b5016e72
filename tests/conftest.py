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

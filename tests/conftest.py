import pytest
from django.contrib.auth.models import Permission


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

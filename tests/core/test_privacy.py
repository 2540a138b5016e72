"""Who sees what is not public yet (core/privacy.py): staff previews on the public site follow the
admin's two-factor rule, and every private page is sent with the same private headers."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import EventFactory, PressReleaseFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    return StaffUserFactory(username="chief", superuser=True)


def drafts():
    release = PressReleaseFactory(draft=True)
    event = EventFactory(draft=True)
    return [release.get_absolute_url("fr"), event.get_absolute_url()]


def test_a_superuser_without_the_second_factor_gets_no_preview(client, chief):
    client.force_login(chief)
    for address in drafts():
        assert client.get(address).status_code == 404


def test_a_superuser_who_gave_the_code_gets_the_preview(client, chief):
    device = TOTPDevice.objects.create(user=chief, name="phone", confirmed=True)
    client.force_login(chief)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    for address in drafts():
        assert client.get(address).status_code == 200


def test_staff_who_set_up_a_device_need_it_for_previews_too(client, editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    assert client.get(PressReleaseFactory(draft=True).get_absolute_url("fr")).status_code == 404


def test_the_preview_of_a_draft_event_is_private(admin_client):
    response = admin_client.get(EventFactory(draft=True).get_absolute_url())
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_published_event_is_not_marked_private(client):
    response = client.get(EventFactory().get_absolute_url())
    assert "X-Robots-Tag" not in response
    assert "private" not in response.get("Cache-Control", "")

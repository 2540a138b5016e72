import datetime

import pytest
from django.urls import reverse

from pressroom.admin.state import state_label
from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory
from tests.pressroom.test_admin import LIST_URL

pytestmark = pytest.mark.django_db

NINE_UTC = datetime.datetime(2031, 1, 15, 9, 0, tzinfo=datetime.UTC)
ONE_MINUTE = datetime.timedelta(minutes=1)


def test_a_release_for_nine_utc_is_scheduled_at_8_59_and_published_at_nine():
    release = PressReleaseFactory(published_at=NINE_UTC)
    before, at_nine = NINE_UTC - ONE_MINUTE, NINE_UTC
    assert release.state(at=before) == PressRelease.State.SCHEDULED
    assert not PressRelease.objects.published(at=before).exists()
    assert "Programmé" in state_label(release, at=before)
    assert release.state(at=at_nine) == PressRelease.State.PUBLISHED
    assert list(PressRelease.objects.published(at=at_nine)) == [release]
    assert "Publié" in state_label(release, at=at_nine)


def test_a_draft_is_a_draft_whatever_its_time():
    draft = PressReleaseFactory(draft=True, published_at=NINE_UTC)
    assert draft.state(at=NINE_UTC + ONE_MINUTE) == PressRelease.State.DRAFT


def test_a_scheduled_release_shows_its_time_in_utc_and_in_geneva_time():
    # January: Geneva is UTC+1.
    label = state_label(PressReleaseFactory(published_at=NINE_UTC), at=NINE_UTC - ONE_MINUTE)
    assert "15/01/2031 09:00 UTC" in label
    assert "15/01/2031 10:00 (heure de Genève)" in label


def test_the_ready_languages_are_the_complete_versions():
    release = PressReleaseFactory(english=True, spanish=True)
    release.body_es = ""
    assert release.ready_languages == ["fr", "en"]


def test_the_changelist_shows_state_time_and_ready_languages(admin_client):
    PressReleaseFactory(title_fr="Programmé pour 2031", published_at=NINE_UTC, english=True)
    PressReleaseFactory(title_fr="Un brouillon", draft=True)
    html = admin_client.get(LIST_URL).content.decode()
    assert "09:00 UTC" in html and "10:00 (heure de Genève)" in html
    assert "Brouillon" in html
    assert "FR EN" in html


def test_the_change_form_shows_the_state_and_the_ready_languages(admin_client):
    release = PressReleaseFactory(spanish=True)
    html = admin_client.get(
        reverse("admin:pressroom_pressrelease_change", args=[release.pk])
    ).content.decode()
    assert "release-state-published" in html
    assert "Langues prêtes : FR ES" in html

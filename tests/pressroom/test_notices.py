"""One save, one notice: each write in the press room's admin tells the caches of public pages
once, through the service that writes it or, for plain edits, the admin (core/admin_mixins.py)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pressroom import services
from pressroom.models import Correction, PressRelease
from tests.core.notices import public_page_notices
from tests.factories import PressReleaseFactory, StaffUserFactory, TopicFactory
from tests.pressroom.admin_forms import form_data
from tests.pressroom.test_admin import release_form
from tests.pressroom.test_admin_previews import link_form

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)


def url(name, *args):
    return reverse(f"admin:pressroom_{name}", args=args)


def test_adding_a_release_tells_the_caches_once(publisher_client):
    with public_page_notices() as notices:
        response = publisher_client.post(url("pressrelease_add"), release_form())
    assert response.status_code == 302
    assert len(notices) == 1


@pytest.mark.parametrize("client_name", ["publisher_client", "writer_client"])
def test_editing_a_release_and_its_slug_tells_the_caches_once(request, client_name):
    client = request.getfixturevalue(client_name)
    release = PressReleaseFactory(published_at=YESTERDAY, english=True, slug_en="old-address")
    change = url("pressrelease_change", release.pk)
    data = form_data(client.get(change), title_en="A new title", slug_en="new-address")
    with public_page_notices() as notices:
        assert client.post(change, data).status_code == 302
    assert len(notices) == 1
    assert release.old_slugs.get().slug == "old-address"


def test_restoring_a_revision_tells_the_caches_once(publisher_client):
    release = PressReleaseFactory(published_at=YESTERDAY, english=True, title_en="The original")
    original = release.history.first()
    change = url("pressrelease_change", release.pk)
    publisher_client.post(change, form_data(publisher_client.get(change), title_en="A rewrite"))
    revision = url("pressrelease_simple_history", release.pk, original.pk)
    data = form_data(publisher_client.get(revision))
    with public_page_notices() as notices:
        assert publisher_client.post(revision, data).status_code == 302
    assert len(notices) == 1
    release.refresh_from_db()
    assert release.title_en == "The original"


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_publishing_several_releases_tells_the_caches_once(publisher_client, action):
    releases = PressReleaseFactory.create_batch(3, draft=action == "publish")
    with public_page_notices() as notices:
        response = publisher_client.post(
            url("pressrelease_changelist"),
            {"action": action, "_selected_action": [release.pk for release in releases]},
        )
    assert response.status_code == 302
    assert len(notices) == 1


def test_deleting_a_release_tells_the_caches_once(admin_client):
    release = PressReleaseFactory()
    with public_page_notices() as notices:
        response = admin_client.post(url("pressrelease_delete", release.pk), {"post": "yes"})
    assert response.status_code == 302
    assert len(notices) == 1
    assert not PressRelease.objects.exists()


def test_adding_and_editing_a_correction_tells_the_caches_once_each(publisher_client):
    release = PressReleaseFactory()
    data = {"release": release.pk, "text_fr": "Le lieu était Genève.", "text_en": "", "text_es": ""}
    with public_page_notices() as added:
        assert publisher_client.post(url("correction_add"), data).status_code == 302
    correction = Correction.objects.get()
    change = url("correction_change", correction.pk)
    with public_page_notices() as edited:
        response = publisher_client.post(change, {**data, "text_fr": "Le lieu était Nairobi."})
    assert response.status_code == 302
    assert (len(added), len(edited)) == (1, 1)


def test_a_preview_link_tells_no_cache(publisher_client):
    """Preview links are on no public page."""
    with public_page_notices() as notices:
        response = publisher_client.post(url("previewlink_add"), link_form(PressReleaseFactory()))
    assert response.status_code == 302
    assert notices == []


def test_renaming_a_topic_tells_the_caches_once(publisher_client):
    topic = TopicFactory(name_fr="Ancien nom")
    change = url("topic_change", topic.pk)
    data = form_data(publisher_client.get(change), name_fr="Nouveau nom")
    with public_page_notices() as notices:
        assert publisher_client.post(change, data).status_code == 302
    assert len(notices) == 1


def test_each_service_that_changes_a_public_page_tells_the_caches_once():
    publisher = StaffUserFactory(role="Publishers")
    release = PressReleaseFactory()
    calls = {
        "correction_save": lambda: services.correction_save(
            correction=Correction(release=release, text_fr="Chiffre corrigé.")
        ),
        "release_save": lambda: services.release_save(release=release, user=publisher),
        "release_set_status": lambda: services.release_set_status(
            releases=PressRelease.objects.all(), status="draft", user=publisher
        ),
    }
    counts = {}
    for name, call in calls.items():
        with public_page_notices() as notices:
            call()
        counts[name] = len(notices)
    assert counts == dict.fromkeys(calls, 1)

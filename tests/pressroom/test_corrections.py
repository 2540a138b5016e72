"""Corrections: a dated, translated note on a published release, on its page, in the feed and
in the API."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pressroom.models import Correction, PressRelease
from pressroom.services import correction_save
from tests.factories import CorrectionFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
MAY_24 = datetime.datetime(2024, 5, 24, 9, 0, tzinfo=datetime.UTC)


def test_a_correction_is_shown_in_a_dated_box_in_the_readers_language(client):
    correction = CorrectionFactory(release__english=True, corrected_at=MAY_24)
    html = client.get(correction.release.get_absolute_url("en")).content.decode()
    assert '<aside class="correction"' in html
    assert ">Correction</h2>" in html
    assert (
        '<time datetime="2024-05-24T11:00:00+02:00">Corrected on 24 May 2024</time>: '
        "The number of participants was 1,200, not 12,000." in html
    )
    assert "12 000" not in html


def test_a_reader_of_a_fallback_version_sees_the_correction_in_that_language(client):
    correction = CorrectionFactory(text_en="")
    html = client.get(correction.release.get_absolute_url("en")).content.decode()
    assert "Le nombre de participants était de 1 200" in html


def test_the_service_marks_the_release_changed_but_keeps_its_publication_date():
    release = PressReleaseFactory()
    PressRelease.objects.filter(pk=release.pk).update(updated_at=MAY_24)
    published_at = release.published_at
    correction_save(correction=Correction(release=release, text_fr="Chiffre corrigé."))
    release.refresh_from_db()
    assert release.published_at == published_at
    assert release.updated_at > MAY_24


def test_only_a_public_release_can_be_corrected():
    draft = PressReleaseFactory(draft=True)
    with pytest.raises(ValidationError):
        correction_save(correction=Correction(release=draft, text_fr="Trop tôt."))
    assert not Correction.objects.exists()


def test_a_correction_is_needed_in_every_language_of_the_release():
    release = PressReleaseFactory(english=True)
    with pytest.raises(ValidationError) as error:
        correction_save(correction=Correction(release=release, text_fr="Seulement en français."))
    assert "text_en" in error.value.message_dict


def test_the_feed_item_carries_the_correction_and_the_new_updated_date(client):
    release = PressReleaseFactory(english=True, title_en="Corrected release")
    correction_save(
        correction=Correction(
            release=release,
            corrected_at=MAY_24,
            text_fr="Chiffre corrigé.",
            text_en="Figure corrected.",
        )
    )
    release.refresh_from_db()
    root = ET.fromstring(client.get("/en/press-releases/feed/").content)  # noqa: S314 - our own feed
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}summary").endswith("Corrected on 24 May 2024: Figure corrected.")
    assert entry.findtext(f"{ATOM}updated") == release.updated_at.isoformat()
    assert entry.findtext(f"{ATOM}published") == release.published_at.isoformat()


def test_a_publisher_adds_a_correction_in_the_admin(client, publisher):
    release = PressReleaseFactory()
    client.force_login(publisher)
    response = client.post(
        reverse("admin:pressroom_correction_add"),
        {
            "release": release.pk,
            "text_fr": "Le lieu était Genève.",
            "text_en": "",
            "text_es": "",
        },
    )
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert correction.created_by == publisher
    assert "Le lieu était Genève." in client.get(release.get_absolute_url("fr")).content.decode()


def test_a_draft_cannot_be_corrected_in_the_admin(client, publisher):
    draft = PressReleaseFactory(draft=True)
    client.force_login(publisher)
    response = client.post(
        reverse("admin:pressroom_correction_add"),
        {
            "release": draft.pk,
            "text_fr": "Trop tôt.",
            "text_en": "",
            "text_es": "",
        },
    )
    assert response.status_code == 200
    assert "release" in response.context["adminform"].form.errors
    assert not Correction.objects.exists()


def test_a_writer_who_cannot_publish_cannot_add_corrections(client, writer):
    client.force_login(writer)
    assert client.get(reverse("admin:pressroom_correction_add")).status_code == 403


def test_the_api_gives_each_release_its_corrections_in_the_version_shown(client):
    release = PressReleaseFactory(english=True, title_en="Corrected release")
    correction_save(
        correction=Correction(
            release=release,
            corrected_at=MAY_24,
            text_fr="Chiffre corrigé.",
            text_en="Figure corrected.",
        )
    )
    [item] = client.get("/en/press-releases/api/").json()["results"]
    assert item["corrections"] == [
        {"corrected_at": MAY_24.isoformat(), "text": "Figure corrected."},
    ]

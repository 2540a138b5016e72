"""Old addresses: a slug changed after publication redirects (301) to the new address."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pressroom.models import OldSlug, PressRelease
from pressroom.services import release_save
from tests.factories import PressReleaseFactory, StaffUserFactory
from tests.pressroom.admin_forms import form_data

pytestmark = pytest.mark.django_db


def rename(release, language, new_slug):
    setattr(release, f"slug_{language}", new_slug)
    release_save(release=release, user=StaffUserFactory(role="Publishers"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_old_slug_redirects_permanently_to_the_new_address_in_its_language(client, language):
    release = PressReleaseFactory(english=True, slug_fr="ancien", slug_en="old")
    old_url = release.get_absolute_url(language)
    rename(release, language, {"fr": "nouveau", "en": "new"}[language])
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == release.get_absolute_url(language)
    assert response["Location"].startswith(f"/{language}/")


def test_an_old_slug_never_reveals_a_release_that_is_no_longer_public(client):
    release = PressReleaseFactory(slug_fr="ancien")
    rename(release, "fr", "nouveau")
    PressRelease.objects.filter(pk=release.pk).update(status=PressRelease.Status.DRAFT)
    assert client.get("/fr/communiques/ancien/").status_code == 404


def test_a_release_that_uses_an_old_slug_now_wins(client):
    first = PressReleaseFactory(slug_fr="chiffres")
    rename(first, "fr", "chiffres-2023")
    second = PressReleaseFactory(slug_fr="chiffres", title_fr="Les chiffres de 2024")
    response = client.get("/fr/communiques/chiffres/")
    assert response.status_code == 200
    assert response.context["release"] == second


def test_taking_a_slug_back_removes_it_from_the_old_ones():
    release = PressReleaseFactory(slug_fr="a")
    rename(release, "fr", "b")
    rename(release, "fr", "a")
    assert list(OldSlug.objects.values_list("slug", flat=True)) == ["b"]


def test_a_draft_renamed_before_publication_keeps_no_old_address(client):
    release = PressReleaseFactory(slug_fr="brouillon", draft=True)
    rename(release, "fr", "definitif")
    assert not OldSlug.objects.exists()


def test_the_admin_records_the_old_slug_of_a_public_release(editor_client, client):
    release = PressReleaseFactory(
        english=True,
        slug_en="old-address",
        published_at=timezone.now() - datetime.timedelta(days=2),
    )
    url = reverse("admin:pressroom_pressrelease_change", args=[release.pk])
    data = form_data(editor_client.get(url), slug_en="new-address")
    assert editor_client.post(url, data).status_code == 302
    response = client.get("/en/press-releases/old-address/")
    assert response.status_code == 301
    assert response["Location"] == "/en/press-releases/new-address/"


def test_the_admin_keeps_no_old_slug_for_a_draft(editor_client):
    release = PressReleaseFactory(draft=True, english=True, slug_en="draft-address")
    url = reverse("admin:pressroom_pressrelease_change", args=[release.pk])
    data = form_data(editor_client.get(url), slug_en="final-address")
    assert editor_client.post(url, data).status_code == 302
    assert not OldSlug.objects.exists()


def test_a_writers_edit_keeps_the_old_address_of_a_public_release(writer, client):
    # A writer's form has no status field: the old address comes from the stored row.
    release = PressReleaseFactory(
        english=True,
        slug_en="old-address",
        published_at=timezone.now() - datetime.timedelta(days=2),
    )
    client.force_login(writer)
    url = reverse("admin:pressroom_pressrelease_change", args=[release.pk])
    data = form_data(client.get(url), slug_en="new-address")
    assert client.post(url, data).status_code == 302
    client.logout()
    response = client.get("/en/press-releases/old-address/")
    assert response.status_code == 301
    assert response["Location"] == "/en/press-releases/new-address/"

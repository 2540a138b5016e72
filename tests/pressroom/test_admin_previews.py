"""Publishers create, copy and revoke preview links in the admin; others cannot."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pressroom.models import PreviewLink
from tests.factories import PressReleaseFactory, PreviewLinkFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/pressroom/previewlink/add/"


def link_form(release, **overrides):
    expires = timezone.localtime() + datetime.timedelta(days=3)
    return {
        "release": release.pk,
        "language": "fr",
        "note": "Agence partenaire",
        "expires_at_0": expires.strftime("%Y-%m-%d"),
        "expires_at_1": expires.strftime("%H:%M:%S"),
        **overrides,
    }


def test_a_publisher_creates_a_link_and_is_shown_it_to_copy(client, publisher):
    draft = PressReleaseFactory(draft=True)
    client.force_login(publisher)
    response = client.post(ADD_URL, link_form(draft), follow=True)
    link = PreviewLink.objects.get()
    assert link.created_by == publisher
    assert link.release == draft
    assert f'value="http://testserver{link.get_absolute_url()}"' in response.content.decode()
    assert client.get(link.get_absolute_url()).status_code == 200


def test_a_link_in_a_language_the_release_lacks_is_a_form_error(client, publisher):
    client.force_login(publisher)
    response = client.post(ADD_URL, link_form(PressReleaseFactory(), language="en"))
    assert response.status_code == 200
    assert "language" in response.context["adminform"].form.errors
    assert not PreviewLink.objects.exists()


def test_a_link_that_would_already_be_expired_is_a_form_error(client, publisher):
    client.force_login(publisher)
    response = client.post(ADD_URL, link_form(PressReleaseFactory(), expires_at_0="2020-01-01"))
    assert "expires_at" in response.context["adminform"].form.errors


def test_a_publisher_revokes_a_link_from_its_page(client, publisher):
    link = PreviewLinkFactory()
    client.force_login(publisher)
    url = reverse("admin:pressroom_previewlink_change", args=[link.pk])
    expires = timezone.localtime(link.expires_at)
    response = client.post(
        url,
        {
            "note": link.note,
            "revoke": "on",
            "expires_at_0": expires.strftime("%Y-%m-%d"),
            "expires_at_1": expires.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert client.get(link.get_absolute_url()).status_code == 410


def test_the_revoke_action_ends_the_selected_links(client, publisher):
    kept, revoked = PreviewLinkFactory(), PreviewLinkFactory()
    client.force_login(publisher)
    client.post(
        reverse("admin:pressroom_previewlink_changelist"),
        {
            "action": "revoke_links",
            "_selected_action": [revoked.pk],
        },
    )
    assert client.get(revoked.get_absolute_url()).status_code == 410
    assert client.get(kept.get_absolute_url()).status_code == 200


def test_the_release_form_leads_publishers_to_its_links_and_corrections(client, publisher):
    release = PressReleaseFactory()
    client.force_login(publisher)
    html = client.get(
        reverse("admin:pressroom_pressrelease_change", args=[release.pk])
    ).content.decode()
    assert f"/admin/pressroom/previewlink/add/?release={release.pk}" in html
    assert f"/admin/pressroom/correction/add/?release={release.pk}" in html


def test_a_writer_who_cannot_publish_sees_no_preview_links(client, writer):
    release = PressReleaseFactory()
    client.force_login(writer)
    assert client.get(ADD_URL).status_code == 403
    assert client.get("/admin/pressroom/previewlink/").status_code == 403
    html = client.get(
        reverse("admin:pressroom_pressrelease_change", args=[release.pk])
    ).content.decode()
    assert "/admin/pressroom/previewlink/add/" not in html


@pytest.mark.parametrize("value", ["abc", "999999", "", "1.5"])
@pytest.mark.parametrize("add_url", [ADD_URL, "/admin/pressroom/correction/add/"])
def test_a_bad_release_in_the_add_address_is_no_error(client, publisher, value, add_url):
    client.force_login(publisher)
    assert client.get(f"{add_url}?release={value}").status_code == 200


def test_the_add_form_starts_in_the_releases_original_language(client, publisher):
    release = PressReleaseFactory(english=True, original_language="en")
    client.force_login(publisher)
    response = client.get(f"{ADD_URL}?release={release.pk}")
    assert response.context["adminform"].form.initial["language"] == "en"


def test_a_draft_offers_a_preview_link_but_no_correction(client, publisher):
    draft = PressReleaseFactory(draft=True)
    client.force_login(publisher)
    html = client.get(
        reverse("admin:pressroom_pressrelease_change", args=[draft.pk])
    ).content.decode()
    assert f"/admin/pressroom/previewlink/add/?release={draft.pk}" in html
    assert "/admin/pressroom/correction/add/?release=" not in html

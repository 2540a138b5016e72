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


class TestReleasePicker:
    """The preview link's release picker (Django's autocomplete, served by the release admin)."""

    def suggestions(self, client, term):
        response = client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "pressroom",
                "model_name": "previewlink",
                "field_name": "release",
                "term": term,
            },
            headers={"accept-language": "en"},
        )
        assert response.status_code == 200
        return [(int(result["id"]), result["text"]) for result in response.json()["results"]]

    def test_it_matches_titles_not_words_anywhere_in_the_body(self, client, publisher):
        wanted = PressReleaseFactory(title_fr="Essai de publication", draft=True)
        PressReleaseFactory(title_fr="Autre sujet", body_fr="<p>Un essai dans le texte.</p>")
        PressReleaseFactory(title_fr="Rien", english=True, title_en="An essai in English")
        client.force_login(publisher)
        found = [pk for pk, _text in self.suggestions(client, "essai")]
        assert wanted.pk in found and len(found) == 2  # the French and the English titles

    def test_it_matches_a_release_s_number(self, client, publisher):
        release = PressReleaseFactory(title_fr="Quelconque")
        PressReleaseFactory(title_fr=f"Titre avec {release.pk}0 dedans")
        client.force_login(publisher)
        assert [pk for pk, _text in self.suggestions(client, f"#{release.pk}")] == [release.pk]

    def test_each_suggestion_shows_the_release_s_state_and_date(self, client, publisher):
        at = timezone.make_aware(datetime.datetime(2031, 3, 4, 9, 30))
        PressReleaseFactory(title_fr="Essai sous embargo", published_at=at)
        PressReleaseFactory(title_fr="Essai brouillon", draft=True, published_at=at)
        client.force_login(publisher)
        texts = sorted(text for _pk, text in self.suggestions(client, "essai"))
        assert texts[0].startswith("Essai brouillon — Draft, 4 Mar 2031 9:30 a.m. (no. ")
        assert texts[1].startswith("Essai sous embargo — Scheduled, 4 Mar 2031 9:30 a.m. (no. ")

    def test_the_release_list_still_searches_the_whole_text(self, client, publisher):
        PressReleaseFactory(title_fr="Autre sujet", body_fr="<p>Un essai dans le texte.</p>")
        client.force_login(publisher)
        response = client.get("/admin/pressroom/pressrelease/", {"q": "essai"})
        assert "Autre sujet" in response.content.decode()

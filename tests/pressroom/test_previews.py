"""Releases that are not public: the staff preview at the release's address, and preview links
for people outside (partners, journalists under embargo)."""

import datetime

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from pressroom.models import PreviewLink
from pressroom.models.previews import SALT
from tests.factories import PressReleaseFactory, PreviewLinkFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


def assert_private(response):
    assert "noindex" in response["X-Robots-Tag"]
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


class TestStaffPreview:
    def test_staff_see_a_draft_at_its_address_under_a_preview_banner(self, editor_client):
        draft = PressReleaseFactory(draft=True, english=True, title_en="Draft news")
        response = editor_client.get(draft.get_absolute_url("en"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Draft news" in html
        assert 'class="preview-banner"' in html
        assert "This release is a draft: no reader can see it yet." in html
        assert_private(response)
        assert 'rel="canonical"' not in html

    def test_staff_see_an_embargoed_release_with_its_embargo_time(self, editor_client):
        release = PressReleaseFactory(
            english=True,
            published_at=datetime.datetime(2099, 5, 24, 8, 0, tzinfo=datetime.UTC),
        )
        response = editor_client.get(release.get_absolute_url("en"))
        assert "Embargoed until 24 May 2099, 10 a.m. (Geneva time)" in response.content.decode()
        assert_private(response)

    def test_a_public_release_is_indexable_and_has_no_banner(self, editor_client):
        release = PressReleaseFactory(english=True)
        response = editor_client.get(release.get_absolute_url("en"))
        assert "X-Robots-Tag" not in response
        assert "preview-banner" not in response.content.decode()
        assert 'rel="canonical"' in response.content.decode()

    @pytest.mark.parametrize("embargoed", [False, True])
    def test_everyone_else_gets_a_404(self, client, embargoed):
        release = PressReleaseFactory(
            draft=not embargoed,
            english=True,
            published_at=timezone.now() + datetime.timedelta(hours=1),
        )
        assert client.get(release.get_absolute_url("en")).status_code == 404
        # Staff without the right to edit releases are readers here.
        client.force_login(StaffUserFactory(username="intern"))
        assert client.get(release.get_absolute_url("en")).status_code == 404

    def test_a_preview_seen_by_staff_is_never_served_to_anyone_else(self, client, editor):
        draft = PressReleaseFactory(draft=True)
        client.force_login(editor)
        assert client.get(draft.get_absolute_url("fr")).status_code == 200
        client.logout()
        assert client.get(draft.get_absolute_url("fr")).status_code == 404


class TestPreviewLink:
    def test_a_valid_link_shows_the_draft_in_the_links_language(self, client):
        link = PreviewLinkFactory(
            language="en",
            release__english=True,
            release__title_en="Embargoed figures",
        )
        response = client.get(link.get_absolute_url())
        html = response.content.decode()
        assert response.status_code == 200
        assert "Embargoed figures" in html
        assert link.release.title_fr not in html
        assert "This confidential link was sent to you by IOM." in html
        assert_private(response)
        assert response["Referrer-Policy"] == "no-referrer"
        # Nothing leads from it to the release's other (non-public) addresses.
        assert link.release.get_absolute_url("fr") not in html
        assert 'rel="alternate"' not in html

    def test_the_address_is_in_the_links_language(self):
        link = PreviewLinkFactory(language="fr")
        assert link.get_absolute_url() == f"/fr/communiques/apercu/{link.token}/"

    def test_a_link_opened_under_another_language_goes_to_its_own(self, client):
        link = PreviewLinkFactory(language="fr")
        response = client.get(f"/en/press-releases/preview/{link.token}/")
        assert response.status_code == 302
        assert response["Location"] == link.get_absolute_url()

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("fr", "Ce lien d’aperçu n’est plus valide"),
            ("es", "Este enlace de vista previa ya no es válido"),
        ],
    )
    def test_an_expired_link_is_gone_with_a_message_in_the_readers_language(
        self, client, language, message
    ):
        link = PreviewLinkFactory(language=language, release__spanish=True)
        PreviewLink.objects.filter(pk=link.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=7),
            expires_at=timezone.now() - datetime.timedelta(minutes=1),
        )
        response = client.get(link.get_absolute_url())
        assert response.status_code == 410
        assert message in response.content.decode()
        assert link.release.title_fr not in response.content.decode()
        assert_private(response)

    def test_a_revoked_link_is_gone(self, client):
        link = PreviewLinkFactory(revoked_at=timezone.now())
        response = client.get(link.get_absolute_url())
        assert response.status_code == 410
        assert "Ce lien a été retiré par l’OIM." in response.content.decode()
        assert link.release.title_fr not in response.content.decode()

    @pytest.mark.parametrize("change", ["signature", "key", "unsigned", "garbage"])
    def test_a_tampered_token_is_a_404(self, client, change):
        link = PreviewLinkFactory()
        key, signature = link.token.split(":")
        token = {
            "signature": f"{key}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",
            "key": f"{key[:-1]}{'0' if key[-1] != '0' else '1'}:{signature}",
            "unsigned": key,
            "garbage": "x" * 500,
        }[change]
        response = client.get(reverse("pressroom:preview", kwargs={"token": token}))
        assert response.status_code == 404
        assert link.release.title_fr not in response.content.decode()

    def test_a_link_for_one_release_never_shows_another(self, client):
        link_a = PreviewLinkFactory(release__title_fr="Brouillon A")
        PreviewLinkFactory(release__title_fr="Brouillon B")
        html = client.get(link_a.get_absolute_url()).content.decode()
        assert "Brouillon A" in html
        assert "Brouillon B" not in html
        # A validly signed key of no link (e.g. guessed) shows nothing either.
        forged = signing.Signer(salt=SALT).sign("0" * 32)
        assert client.get(reverse("pressroom:preview", args=[forged])).status_code == 404

    def test_a_link_shows_nothing_once_its_release_is_deleted(self, client):
        link = PreviewLinkFactory()
        url = link.get_absolute_url()
        link.release.delete()
        assert client.get(url).status_code == 404

    def test_a_link_never_opens_other_drafts_nor_the_admin(self, client):
        link = PreviewLinkFactory()
        other = PressReleaseFactory(draft=True)
        assert client.get(link.get_absolute_url()).status_code == 200
        assert client.get(other.get_absolute_url("fr")).status_code == 404
        assert client.get(reverse("admin:index")).status_code == 302  # to the login page

    def test_preview_addresses_are_in_no_sitemap_nor_feed(self, client):
        link = PreviewLinkFactory()
        assert client.get(link.get_absolute_url()).status_code == 200
        for url in ("/sitemap.xml", "/fr/communiques/feed/", "/fr/communiques/api/"):
            body = client.get(url).content.decode()
            assert link.token not in body
            assert link.release.title_fr not in body

    def test_the_page_needs_a_fixed_number_of_queries(self, client, django_assert_num_queries):
        link = PreviewLinkFactory()
        # The link with its release, corrections, contacts, topics, people quoted, the menu.
        with django_assert_num_queries(6):
            assert client.get(link.get_absolute_url()).status_code == 200

    def test_the_request_log_leaves_the_token_out(self, client, caplog):
        link = PreviewLinkFactory()
        with caplog.at_level("INFO", logger="iom_cms.requests"):
            assert client.get(link.get_absolute_url()).status_code == 200
        [line] = [r.getMessage() for r in caplog.records if r.name == "iom_cms.requests"]
        assert link.token not in line
        assert "/fr/communiques/apercu/<token>/ 200" in line

    def test_only_reading_is_allowed(self, client):
        link = PreviewLinkFactory()
        assert client.post(link.get_absolute_url()).status_code == 405

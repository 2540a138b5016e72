"""Uploads are private until their page is public (core/media.py): the original and every
rendition, for each surface that holds an upload, in every state, fetched anonymously."""

import datetime
import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.public_pages import public_pages_changed
from pressroom.models import PressRelease
from pressroom.services import release_set_status
from tests.factories import (
    DocumentFactory,
    EventFactory,
    PersonFactory,
    PressReleaseFactory,
    PreviewLinkFactory,
    StaffUserFactory,
)

pytestmark = pytest.mark.django_db


def jpeg(name="IMG_1234.jpg", width=2000, height=1000):
    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def release_files(release):
    return [release.image.name] + [
        getattr(release, f"image_{width}").name for width in (480, 960, 1600)
    ]


def addresses(names):
    return ["/media/" + name for name in names]


def statuses(client, names):
    return {client.get(address).status_code for address in addresses(names)}


def release_in(state, **fields):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    states = {
        "draft": {"status": PressRelease.Status.DRAFT},
        "scheduled": {"published_at": now + hour},
        "published": {"published_at": now - hour},
    }
    return PressReleaseFactory(image=jpeg(), image_alt_fr="Un abri", **states[state], **fields)


class TestReleaseImages:
    @pytest.mark.parametrize("state", ["draft", "scheduled"])
    def test_are_not_served_to_the_public_before_the_release_is(self, client, state):
        release = release_in(state)
        names = release_files(release)
        assert all(default_storage.exists(name) for name in names)
        assert statuses(client, names) == {404}

    def test_are_served_once_public_and_cacheable_as_the_page(self, client, settings):
        release = release_in("published")
        for address in addresses(release_files(release)):
            response = client.get(address)
            assert response.status_code == 200
            assert response["X-Accel-Redirect"] == "/internal-media/" + address[len("/media/") :]
            # The pages' rule (core/public_cache.py), tagged with the release's surrogate key.
            assert response["Cache-Control"] == (
                f"public, max-age={settings.BROWSER_CACHE_SECONDS}, "
                f"s-maxage={settings.PAGE_CACHE_SECONDS}"
            )
            assert response["xkey"] == f"all pressroom.pressrelease-{release.pk}"
            assert response["Content-Type"] in ("image/jpeg", "image/webp")

    def test_an_embargo_lifts_at_its_minute_without_a_save(self, client, clock):
        release = release_in("scheduled")
        names = release_files(release)
        clock(release.published_at - datetime.timedelta(seconds=1))
        assert statuses(client, names) == {404}
        clock(release.published_at)
        assert statuses(client, names) == {200}

    def test_stop_being_served_when_the_release_is_unpublished_and_are_purged(
        self, client, publisher, django_capture_on_commit_callbacks
    ):
        release = release_in("published")
        names = release_files(release)
        assert statuses(client, names) == {200}
        purged = []
        public_pages_changed.connect(lambda keys, **kwargs: purged.extend(keys), weak=False)
        try:
            with django_capture_on_commit_callbacks(execute=True):
                release_set_status(
                    releases=PressRelease.objects.filter(pk=release.pk),
                    status="draft",
                    user=publisher,
                )
        finally:
            public_pages_changed.receivers.pop()
        assert statuses(client, names) == {404}
        # The edge purges by the key every file of the release carried (core/edge.py).
        assert f"pressroom.pressrelease-{release.pk}" in purged

    def test_of_a_deleted_release_are_gone(self, client, django_capture_on_commit_callbacks):
        release = release_in("published")
        names = release_files(release)
        with django_capture_on_commit_callbacks(execute=True):
            release.delete()
        assert statuses(client, names) == {404}
        assert not any(default_storage.exists(name) for name in names)

    def test_staff_who_may_edit_releases_see_them_privately(self, client, editor):
        release = release_in("draft")
        client.force_login(editor)
        for address in addresses(release_files(release)):
            response = client.get(address)
            assert response.status_code == 200
            assert "private" in response["Cache-Control"]
            assert "no-store" in response["Cache-Control"]
            assert response["X-Robots-Tag"] == "noindex, nofollow"

    def test_staff_without_the_right_do_not(self, client):
        release = release_in("draft")
        client.force_login(StaffUserFactory(username="reception"))
        assert statuses(client, release_files(release)) == {404}

    def test_a_superuser_who_has_not_given_the_code_does_not(self, client, settings):
        settings.OTP_REQUIRED_FOR_SUPERUSERS = True
        release = release_in("draft")
        client.force_login(StaffUserFactory(username="chief", superuser=True))
        assert statuses(client, release_files(release)) == {404}
        assert client.get(release.get_absolute_url("fr")).status_code == 404

    def test_a_preview_link_shows_them_while_it_is_valid(self, client):
        link = PreviewLinkFactory(release=release_in("draft"))
        names = release_files(link.release)
        assert statuses(client, names) == {404}
        assert client.get(link.get_absolute_url()).status_code == 200
        assert statuses(client, names) == {200}
        link.revoked_at = timezone.now()
        link.save()
        assert statuses(client, names) == {404}

    def test_a_preview_link_opens_no_other_release(self, client):
        link = PreviewLinkFactory(release=release_in("draft"))
        other = release_in("draft")
        client.get(link.get_absolute_url())
        assert statuses(client, release_files(other)) == {404}

    def test_a_forged_grant_cookie_opens_nothing(self, client):
        link = PreviewLinkFactory(release=release_in("draft"))
        client.cookies["preview_images"] = f"[{link.pk}]"
        assert statuses(client, release_files(link.release)) == {404}


class TestStoredNames:
    def test_say_nothing_of_the_upload(self):
        release = release_in("published")
        assert re.fullmatch(r"releases/[0-9a-f]{32}\.jpg", release.image.name)
        assert release.image_original_name == "IMG_1234.jpg"
        for name in release_files(release)[1:]:
            assert re.fullmatch(rf"renditions/{release.image.name}/[0-9a-f]{{32}}\.webp", name), (
                name
            )
            assert "IMG_1234" not in name

    def test_renditions_cannot_be_derived_without_the_secret_key(self, settings):
        release = release_in("published")
        name = release.image_480.name
        settings.SECRET_KEY = "another secret key, for this test only, long enough to be fine"
        assert PressRelease.objects.get(pk=release.pk).image_480.name != name

    def test_the_download_carries_the_original_name_cleaned(self, client):
        release = release_in("published")
        response = client.get(release.image.url + "?download")
        assert response["Content-Disposition"] == 'attachment; filename="IMG_1234.jpg"'
        assert client.get(release.image.url)["Content-Disposition"] == "inline"

    def test_an_unknown_or_made_up_address_is_a_404(self, client):
        release = release_in("published")
        for address in (
            f"/media/renditions/{release.image.name}/..",
            f"/media/renditions/{release.image.name}/./x.webp",
            f"/media/renditions//{release.image.name}/x.webp",
            "/media/releases/IMG_1234.jpg",
            "/media/renditions/releases/nothing.jpg/x.webp",
            "/media/../iom_cms/settings.py",
        ):
            assert client.get(address).status_code == 404


class TestPersonPhotos:
    def test_are_served_while_the_person_has_them(self, client, django_capture_on_commit_callbacks):
        person = PersonFactory(photo=jpeg("amy.jpg", 800, 800), photo_alt_fr="Amy Pope")
        old = [person.photo.name, person.photo_square.name]
        assert statuses(client, old) == {200}
        with django_capture_on_commit_callbacks(execute=True):
            person.photo = jpeg("amy-2025.jpg", 800, 800)
            person.save()
        new = [person.photo.name, person.photo_square.name]
        assert statuses(client, new) == {200}
        assert statuses(client, old) == {404}
        assert not any(default_storage.exists(name) for name in old)
        with django_capture_on_commit_callbacks(execute=True):
            person.delete()
        assert statuses(client, new) == {404}
        assert not any(default_storage.exists(name) for name in new)


class TestEventDocuments:
    def test_follow_their_event(self, client, django_capture_on_commit_callbacks):
        document = DocumentFactory(event=EventFactory(draft=True))
        assert re.fullmatch(r"events/documents/[0-9a-f]{32}\.pdf", document.file.name)
        assert document.file_original_name == "ordre-du-jour.pdf"
        assert statuses(client, [document.file.name]) == {404}
        document.event.status = "published"
        document.event.save()
        response = client.get(document.file.url + "?download")
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="ordre-du-jour.pdf"'
        with django_capture_on_commit_callbacks(execute=True):
            document.event.delete()
        assert statuses(client, [document.file.name]) == {404}
        assert not default_storage.exists(document.file.name)

    def test_staff_who_may_edit_events_preview_them(self, client):
        from django.contrib.auth.models import Permission

        document = DocumentFactory(event=EventFactory(draft=True))
        staff = StaffUserFactory(
            username="events",
            permissions=Permission.objects.filter(content_type__app_label="events"),
        )
        client.force_login(staff)
        assert statuses(client, [document.file.name]) == {200}


@pytest.mark.parametrize(
    ("uploaded", "kept"),
    [
        ("IMG_1234.jpg", "IMG_1234.jpg"),
        ("../../etc/passwd.jpg", "passwd.jpg"),
        ("C:\\Users\\amy\\Photo d’été.JPG", "Photo d’été.JPG"),
        ('evil"\r\nSet-Cookie: x.jpg', "evil Set-Cookie x.jpg"),
        ("a" * 300 + ".jpeg", "a" * 145 + ".jpeg"),
        ("." * 3, ""),
    ],
)
def test_original_names_are_cleaned_before_they_are_kept(uploaded, kept):
    from core.uploads import clean_original_name

    assert clean_original_name(uploaded) == kept

"""Uploads through the repo's nginx config: nginx asks Django for every /media/ address and sends
the file only when Django hands it over (X-Accel-Redirect); the internal location is not an
address. Original and renditions, for each surface, in each state."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from pressroom.models import PressRelease
from tests.factories import (
    DocumentFactory,
    EventFactory,
    PersonFactory,
    PressReleaseFactory,
    StaffUserFactory,
)
from tests.nginx import fetch, needs_nginx

pytestmark = [needs_nginx, pytest.mark.django_db(transaction=True)]


def jpeg(name="IMG_1234.jpg"):
    out = io.BytesIO()
    Image.new("RGB", (2000, 1000), "teal").save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def release_files(release):
    return [release.image.name] + [getattr(release, f"image_{w}").name for w in (480, 960, 1600)]


def statuses(base, names):
    return {fetch(f"{base}/media/{name}")[0] for name in names}


def test_release_images_are_served_only_while_the_release_is_public(nginx_front, settings):
    base, directory = nginx_front
    hour = datetime.timedelta(hours=1)
    draft = PressReleaseFactory(draft=True, image=jpeg(), image_alt_fr="Un abri")
    scheduled = PressReleaseFactory(
        published_at=timezone.now() + hour, image=jpeg(), image_alt_fr="Un abri"
    )
    public = PressReleaseFactory(image=jpeg(), image_alt_fr="Un abri")
    assert statuses(base, release_files(draft)) == {404}
    assert statuses(base, release_files(scheduled)) == {404}
    for name in release_files(public):
        status, headers, body = fetch(f"{base}/media/{name}")
        assert status == 200 and body
        assert headers["Cache-Control"] == (
            f"public, max-age={settings.BROWSER_CACHE_SECONDS}, "
            f"s-maxage={settings.PAGE_CACHE_SECONDS}"
        )
        assert headers["xkey"] == f"all pressroom.pressrelease-{public.pk}"
        assert headers["Content-Type"] in ("image/jpeg", "image/webp")
        assert "sandbox" in headers["Content-Security-Policy"]
        # The file is on nginx's disk, but its internal address is nobody's to ask for.
        assert (directory / "srv" / "media" / name).exists()
        assert fetch(f"{base}/internal-media/{name}")[0] == 404
    PressRelease.objects.filter(pk=public.pk).update(status="draft")
    assert statuses(base, release_files(public)) == {404}
    names = release_files(draft)
    draft.delete()
    assert statuses(base, names) == {404}
    assert not (directory / "srv" / "media" / names[0]).exists()


def test_a_private_image_shown_to_staff_is_not_cached_on_the_way(nginx_front, client, settings):
    base, _directory = nginx_front
    draft = PressReleaseFactory(draft=True, image=jpeg(), image_alt_fr="Un abri")
    client.force_login(StaffUserFactory(username="chief", superuser=True))
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    status, headers, _body = fetch(
        f"{base}/media/{draft.image.name}",
        headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session.value}"},
    )
    assert status == 200
    assert "private" in headers["Cache-Control"] and "no-store" in headers["Cache-Control"]
    assert headers["X-Robots-Tag"] == "noindex, nofollow"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_downloads_carry_the_original_name(nginx_front):
    base, _directory = nginx_front
    public = PressReleaseFactory(image=jpeg("Photo d'été.jpg"), image_alt_fr="Un abri")
    _status, headers, _body = fetch(f"{base}{public.image.url}?download")
    assert headers["Content-Disposition"] == (
        "attachment; filename*=utf-8''Photo%20d%27%C3%A9t%C3%A9.jpg"
    )


def test_person_photos_and_event_documents_follow_their_rows(nginx_front):
    base, _directory = nginx_front
    person = PersonFactory(photo=jpeg("amy.jpg"), photo_alt_fr="Amy Pope")
    photos = [person.photo.name, person.photo_square.name]
    assert statuses(base, photos) == {200}
    person.delete()
    assert statuses(base, photos) == {404}
    document = DocumentFactory(event=EventFactory(draft=True))
    assert statuses(base, [document.file.name]) == {404}
    document.event.status = "published"
    document.event.save()
    assert statuses(base, [document.file.name]) == {200}

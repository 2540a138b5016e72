"""No orphan files: a save that rolls back leaves no file behind, and prune_media finds (and with
--delete removes) whatever no row refers to (core/uploads.py, core/management/commands)."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from PIL import Image

from core import uploads
from tests.factories import PersonFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db


def jpeg(name="photo.jpg"):
    out = io.BytesIO()
    Image.new("RGB", (1200, 600), "teal").save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def files_of(release):
    return [release.image.name] + [getattr(release, f"image_{w}").name for w in (480, 960)]


class Refused(Exception):
    pass


def test_a_save_that_rolls_back_leaves_no_file():
    written = []
    with uploads.tracking(), pytest.raises(Refused), transaction.atomic():
        release = PressReleaseFactory(image=jpeg(), image_alt_fr="Un abri")
        written = files_of(release)
        assert all(default_storage.exists(name) for name in written)
        raise Refused
    assert written and not any(default_storage.exists(name) for name in written)


def test_a_save_that_commits_keeps_its_file():
    with uploads.tracking():
        release = PressReleaseFactory(image=jpeg(), image_alt_fr="Un abri")
    assert all(default_storage.exists(name) for name in files_of(release))


def test_each_request_is_tracked():
    written = []

    def view(request):
        try:
            with transaction.atomic():
                written.extend(files_of(PressReleaseFactory(image=jpeg(), image_alt_fr="Abri")))
                raise Refused
        except Refused:
            return HttpResponse(status=409)

    middleware = uploads.DiscardUncommittedUploads(view)
    assert middleware(RequestFactory().post("/")).status_code == 409
    assert written and not any(default_storage.exists(name) for name in written)


def test_prune_media_lists_unreferenced_files_and_removes_them_when_asked():
    kept = PressReleaseFactory(image=jpeg(), image_alt_fr="Un abri")
    person = PersonFactory(photo=jpeg("amy.jpg"), photo_alt_fr="Amy Pope")
    stray = default_storage.save("releases/2019/05/IMG_1234.jpg", ContentFile(b"old"))
    stray_rendition = default_storage.save("renditions/releases/gone.jpg/x.webp", ContentFile(b"x"))

    out = io.StringIO()
    call_command("prune_media", stdout=out)
    listed = out.getvalue().splitlines()
    assert stray in listed and stray_rendition in listed
    assert not set(files_of(kept)) & set(listed)
    assert person.photo.name not in listed and person.photo_square.name not in listed
    assert default_storage.exists(stray)  # a dry run by default

    call_command("prune_media", "--delete", stdout=io.StringIO())
    assert not default_storage.exists(stray) and not default_storage.exists(stray_rendition)
    assert all(default_storage.exists(name) for name in files_of(kept))
    assert default_storage.exists(person.photo_square.name)


def test_the_data_migration_gives_existing_files_random_names(django_capture_on_commit_callbacks):
    from pressroom.models import PressRelease

    old = default_storage.save("releases/2024/05/IMG_1234.jpg", jpeg())
    old_rendition = default_storage.save("renditions/releases/2024/05/IMG_1234/a.webp", jpeg())
    release = PressReleaseFactory(image_alt_fr="Un abri")
    PressRelease.objects.filter(pk=release.pk).update(image=old)
    history = PressRelease.history.model
    history.objects.filter(id=release.pk).update(image=old)

    with django_capture_on_commit_callbacks(execute=True):
        uploads.rename_existing(PressRelease, "image", "image_original_name", history=history)

    release.refresh_from_db()
    assert re.fullmatch(r"releases/[0-9a-f]{32}\.jpg", release.image.name)
    assert release.image_original_name == "IMG_1234.jpg"
    assert default_storage.exists(release.image.name)
    assert not default_storage.exists(old) and not default_storage.exists(old_rendition)
    assert set(history.objects.filter(id=release.pk).values_list("image", flat=True)) == {
        release.image.name
    }
    # Run again (a second migration, a retry): names already random are left alone.
    uploads.rename_existing(PressRelease, "image", "image_original_name")
    assert PressRelease.objects.get(pk=release.pk).image.name == release.image.name

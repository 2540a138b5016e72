"""A refused form keeps the chosen file (core/held_uploads.py): held server-side for that editor
and that form, shown again with a preview, saved with the form, and not anyone else's."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core import held_uploads
from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory, StaffUserFactory
from tests.pressroom.test_admin import ADD_URL, release_form

pytestmark = pytest.mark.django_db


def jpeg(name="IMG_1234.jpg"):
    out = io.BytesIO()
    Image.new("RGB", (1200, 600), "teal").save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def held_token(html):
    found = re.search(r'<input type="hidden" name="image-held" value="([^"]+)"', html)
    return found.group(1) if found else None


def refused(client, url=ADD_URL, **fields):
    """Post the form with an image and without the English alt text: refused."""
    response = client.post(url, release_form(image=jpeg(), image_alt_fr="Un abri", **fields))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    return response.content.decode()


def test_a_refused_form_comes_back_with_the_image_and_its_preview(editor_client):
    html = refused(editor_client)
    token = held_token(html)
    assert token
    assert "Conservée de votre dernier essai : IMG_1234.jpg" in html
    preview = re.search(r'<img src="(/admin/held-upload/[^"]+/)"', html).group(1)
    response = editor_client.get(preview)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_sent_again_without_a_file_the_form_saves_the_held_one(
    editor_client, editor, django_capture_on_commit_callbacks
):
    token = held_token(refused(editor_client))
    held, _original = held_uploads.read(token, user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            ADD_URL,
            release_form(image_alt_fr="Un abri", image_alt_en="A shelter", **{"image-held": token}),
        )
    assert response.status_code == 302
    release = PressRelease.objects.get(slug_fr="oim-accueille-dialogue")
    assert re.fullmatch(r"releases/[0-9a-f]{32}\.jpg", release.image.name)
    assert release.image_original_name == "IMG_1234.jpg"
    assert (release.image_width, release.image_height) == (1200, 600)
    assert not default_storage.exists(held)


def test_a_form_refused_twice_still_holds_it(editor_client):
    token = held_token(refused(editor_client))
    again = editor_client.post(
        ADD_URL, release_form(image_alt_fr="Un abri", **{"image-held": token})
    ).content.decode()
    assert held_token(again)
    assert "Conservée de votre dernier essai : IMG_1234.jpg" in again


def test_a_stale_save_refusal_keeps_it_too(editor_client):
    release = PressReleaseFactory(english=True)
    url = f"/admin/pressroom/pressrelease/{release.pk}/change/"
    data = release_form(
        image=jpeg(),
        image_alt_fr="Un abri",
        image_alt_en="A shelter",
        loaded_version=release.version - 1 if release.version > 1 else 0,
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert held_token(response.content.decode())


def test_the_token_is_no_use_to_another_editor_or_another_form(client, editor_client):
    token = held_token(refused(editor_client))
    other = StaffUserFactory(username="other", permissions=editor_client_permissions())
    client.force_login(other)
    response = client.post(
        ADD_URL,
        release_form(image_alt_fr="Un abri", image_alt_en="A shelter", **{"image-held": token}),
    )
    assert response.status_code == 302
    assert not PressRelease.objects.get(slug_fr="oim-accueille-dialogue").image
    assert client.get(f"/admin/held-upload/{token}/").status_code == 404
    release = PressReleaseFactory()
    response = editor_client.post(
        f"/admin/pressroom/pressrelease/{release.pk}/change/",
        release_form(
            slug_fr="autre",
            image_alt_fr="Un abri",
            image_alt_en="A shelter",
            loaded_version=release.version,
            **{"image-held": token},
        ),
    )
    release.refresh_from_db()
    assert not release.image


def test_held_files_are_not_public(client, editor_client, editor):
    held, _original = held_uploads.read(held_token(refused(editor_client)), user=editor)
    assert default_storage.exists(held)
    assert client.get(f"/media/{held}").status_code == 404


def editor_client_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="pressroom")

"""People's photos: checked and cleaned like release images, shown from a small square copy."""

import io
import logging

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def jpeg(width, height):
    out = io.BytesIO()
    Image.new("RGB", (width, height), "purple").save(out, "JPEG")
    return SimpleUploadedFile("amy.jpg", out.getvalue(), content_type="image/jpeg")


def test_the_person_page_shows_a_square_webp_copy_not_the_upload(client):
    person = PersonFactory(photo=jpeg(1200, 1600), photo_alt_fr="Amy Pope à la tribune")
    with default_storage.open(person.photo_square.name) as file:
        assert Image.open(file).size == (320, 320)
    html = client.get(person.get_absolute_url()).content.decode()
    assert f'src="{person.photo_square.url}"' in html
    assert person.photo.url not in html


def test_a_photo_missing_from_the_storage_does_not_break_saving(caplog):
    with caplog.at_level(logging.ERROR, logger="core.renditions"):
        person = PersonFactory(photo="people/gone.jpg", photo_alt_fr="Portrait")
    assert person.pk
    assert "Could not write the rendition" in caplog.text

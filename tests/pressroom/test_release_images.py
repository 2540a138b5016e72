"""A release's image: renditions made once and offered in srcset, the journalists' download,
alt text in every language, and the upload checks in the admin form (pressroom/images.py)."""

import io
import re
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from imagekit.cachefiles import ImageCacheFile
from PIL import Image

from pressroom.models import PressRelease
from tests.factories import PersonFactory, PressReleaseFactory
from tests.pressroom.test_admin import ADD_URL, release_form

pytestmark = pytest.mark.django_db


def jpeg(width=2000, height=1000, name="photo.jpg"):
    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def release():
    return PressReleaseFactory(
        image=jpeg(),
        image_alt_fr="Des familles devant un abri",
        image_credit="© OIM 2024/Jane Doe",
    )


def srcset_of(html):
    tag = re.search(r"<img [^>]*srcset=\"([^\"]+)\"", html)
    return tag.group(1) if tag else None


class TestRenditions:
    def test_three_webp_widths_are_written_when_the_image_is_saved(self, release):
        for width in (480, 960, 1600):
            name = getattr(release, f"image_{width}").name
            assert name.endswith(".webp")
            assert default_storage.exists(name)
            with default_storage.open(name) as file:
                assert Image.open(file).size == (width, width // 2)

    def test_the_release_page_offers_them_in_srcset_with_sizes(self, client, release):
        html = client.get(release.get_absolute_url("fr")).content.decode()
        srcset = srcset_of(html)
        assert srcset == ", ".join(
            f"{getattr(release, f'image_{w}').url} {w}w" for w in (480, 960, 1600)
        )
        assert 'sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)"' in html
        assert 'width="2000" height="1000"' in html
        assert 'alt="Des familles devant un abri"' in html

    def test_a_small_image_is_never_offered_wider_than_it_is(self, client):
        small = PressReleaseFactory(image=jpeg(700, 350), image_alt_fr="Un abri")
        html = client.get(small.get_absolute_url("fr")).content.decode()
        assert srcset_of(html) == f"{small.image_480.url} 480w, {small.image_960.url} 700w"

    def test_pages_never_make_renditions_while_rendering(self, client, release):
        with mock.patch.object(ImageCacheFile, "generate") as generate:
            for path in (release.get_absolute_url("fr"), reverse("pressroom:list"), "/fr/"):
                assert client.get(path).status_code == 200
        generate.assert_not_called()

    def test_saving_the_release_again_does_not_remake_them(self, release):
        # imagekit asks after every save of a loaded release, but writes only missing files.
        with mock.patch.object(ImageCacheFile, "_generate") as generate:
            release.title_fr = "Un autre titre"
            release.save()
            PressRelease.objects.get(pk=release.pk).save()
        generate.assert_not_called()

    def test_a_new_image_gets_new_renditions(self, release):
        release.image = jpeg(1200, 1200, name="other.jpg")
        release.save()
        with default_storage.open(release.image_480.name) as file:
            assert Image.open(file).size == (480, 480)

    def test_the_list_and_the_home_page_show_thumbnails_with_srcset(self, client, release):
        with_image = f"{release.image_480.url} 480w"
        for path in (reverse("pressroom:list"), "/fr/"):
            html = client.get(path).content.decode()
            assert with_image in srcset_of(html)
            assert 'sizes="8rem"' in html

    def test_the_list_reads_no_more_rows_for_images(self, client, django_assert_max_num_queries):
        PressReleaseFactory()
        with django_assert_max_num_queries(50) as baseline:
            client.get(reverse("pressroom:list"))
        for _ in range(3):
            PressReleaseFactory(image=jpeg(600, 300), image_alt_fr="Une image")
        with django_assert_max_num_queries(len(baseline.captured_queries)):
            client.get(reverse("pressroom:list"))


class TestDownload:
    def test_journalists_get_the_stored_original_with_its_details_and_terms(self, client, release):
        html = client.get(release.get_absolute_url("fr")).content.decode()
        size = release.image.size
        link = f'<a href="{release.image.url}?download" download>'
        assert link + "Télécharger en haute résolution</a>" in html
        assert "JPEG, 2000 × 1000 px" in html
        assert f"{size / 1024:.1f}".replace(".", ",") in html
        assert "Libre d’utilisation éditoriale avec la mention « © OIM 2024/Jane Doe »." in html

    def test_a_missing_file_hides_the_link_instead_of_failing(self, client, release):
        default_storage.delete(release.image.name)
        response = client.get(release.get_absolute_url("fr"))
        assert response.status_code == 200
        assert " download>" not in response.content.decode()


class TestAltText:
    def test_alt_text_is_required_in_every_language_the_release_has(self, editor_client):
        response = editor_client.post(ADD_URL, release_form(image=jpeg(), image_alt_fr="Une photo"))
        errors = response.context["adminform"].form.errors
        assert list(errors) == ["image_alt_en"]
        assert errors["image_alt_en"] == [
            "Décrivez l'image pour les personnes qui ne peuvent pas la voir."
        ]

    def test_a_language_the_release_lacks_needs_no_alt_text(self, editor_client):
        response = editor_client.post(
            ADD_URL, release_form(image=jpeg(), image_alt_fr="Une photo", image_alt_en="A photo")
        )
        assert response.status_code == 302
        assert PressRelease.objects.get().image_width == 2000

    def test_without_an_image_no_alt_text_is_needed(self, editor_client):
        assert editor_client.post(ADD_URL, release_form()).status_code == 302


class TestUploadsInTheAdmin:
    def test_a_bad_image_is_a_form_error_in_the_editors_language(self, editor_client):
        fake = SimpleUploadedFile("photo.jpg", b"<svg><script>alert(1)</script></svg>")
        response = editor_client.post(
            ADD_URL, release_form(image=fake, image_alt_fr="x", image_alt_en="x")
        )
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["image"] == [
            "Téléversez une image JPEG, PNG, WebP ou GIF. Ce fichier n’en est pas une, "
            "ou il est endommagé."
        ]
        assert not PressRelease.objects.exists()

    def test_the_file_input_accepts_only_the_four_formats(self, editor_client):
        html = editor_client.get(ADD_URL).content.decode()
        assert 'accept="image/jpeg,image/png,image/webp,image/gif"' in html

    def test_a_person_photo_is_checked_too(self, admin_client):
        person = PersonFactory()
        out = io.BytesIO()
        Image.new("RGB", (20, 20)).save(out, "PNG")
        response = admin_client.post(
            reverse("admin:organisation_person_change", args=[person.pk]),
            {
                "name": person.name,
                "slug": person.slug,
                "photo_alt_fr": "Portrait",
                "photo": SimpleUploadedFile("portrait.jpg", out.getvalue()),
            },
        )
        assert response.status_code == 200
        assert "photo" in response.context["adminform"].form.errors

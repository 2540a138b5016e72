"""An editor's chosen image survives a refused release form, in Chromium (core/held_uploads.py)."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from pressroom.models import PressRelease

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_image_stays_attached_after_a_refusal_and_is_saved_next_time(
    staff_page, live_server, settings, tmp_path
):
    settings.SERVE_MEDIA = True  # no nginx in front of the test server: Django sends the preview
    photo = tmp_path / "Camp de Kutupalong.jpg"
    Image.new("RGB", (1200, 600), "teal").save(photo, "JPEG")
    page = staff_page
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    page.locator("#id_title_fr").press_sequentially("Un abri pour 200 familles")
    page.fill("#id_dateline_fr", "Cox's Bazar")
    page.fill("#id_lead_fr", "Le centre accueillera 200 familles.")
    page.locator(".prose-editor:has(#id_body_fr) [role=textbox]").click()
    page.keyboard.type("Le centre ouvre lundi.")
    page.set_input_files("#id_image", str(photo))
    page.locator("input[name=_save]").first.click()

    # Refused: the French alt text is missing. The image is still there, with its preview.
    expect(page.locator(".errornote")).to_be_visible()
    kept = page.locator(".held-upload")
    expect(kept).to_contain_text("Camp de Kutupalong.jpg")
    preview = kept.locator("img")
    expect(preview).to_be_visible()
    assert preview.evaluate("image => image.complete && image.naturalWidth") == 1200
    assert not PressRelease.objects.exists()

    # The tab of the missing alt text is open, marked as having an error.
    page.fill("#id_image_alt_fr", "Des familles devant un abri")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    release = PressRelease.objects.get()
    assert release.image_original_name == "Camp de Kutupalong.jpg"
    with release.image.open() as stored:
        assert Image.open(io.BytesIO(stored.read())).size == (1200, 600)

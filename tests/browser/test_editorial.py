"""Preview links and corrections as a publisher uses them: in the admin, then on the site."""

import os

import pytest

from pressroom.models import Correction, PreviewLink
from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = os.environ.get("SCREENSHOTS_DIR")  # set it to look at the pages


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_a_publisher_creates_a_preview_link_and_a_reader_opens_it(staff_page, live_server):
    violations = []
    staff_page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    draft = PressReleaseFactory(draft=True, title_fr="Communiqué en préparation")
    staff_page.goto(f"{live_server.url}/admin/pressroom/previewlink/add/?release={draft.pk}")
    staff_page.fill("#id_note", "Agence partenaire, embargo du 24 mai")
    staff_page.click("input[name=_save]")
    address = staff_page.locator("#preview-address").input_value()
    shot(staff_page, "admin-preview-link")
    link = PreviewLink.objects.get()
    assert address == live_server.url + link.get_absolute_url()

    # Someone outside: a browser with no session.
    outside = staff_page.context.browser.new_context(locale="fr-FR")
    reader = outside.new_page()
    reader.goto(address)
    assert reader.locator("h1").inner_text() == "Communiqué en préparation"
    assert "Ce lien confidentiel" in reader.locator(".preview-banner").inner_text()
    shot(reader, "preview-link")
    outside.close()
    assert violations == []


def test_a_publisher_adds_a_correction_shown_on_the_release(staff_page, live_server):
    release = PressReleaseFactory(title_fr="Communiqué publié")
    staff_page.goto(f"{live_server.url}/admin/pressroom/correction/add/?release={release.pk}")
    staff_page.fill("#id_text_fr", "Le nombre de participants était de 1 200, et non 12 000.")
    staff_page.click("input[name=_save]")
    assert Correction.objects.filter(release=release).exists()
    staff_page.goto(live_server.url + release.get_absolute_url("fr"))
    box = staff_page.locator(".correction")
    assert "Le nombre de participants était de 1 200" in box.inner_text()
    assert box.locator("time").get_attribute("datetime")
    shot(staff_page, "correction")

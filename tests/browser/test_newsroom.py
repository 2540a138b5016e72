import datetime
import re
from urllib.parse import urljoin

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


def write_rich_text(page, field, text):
    """Type into the rich-text editor of `field` (e.g. body_es), in its language's tab."""
    language = field.rsplit("_", 1)[1].upper()
    tabs = page.locator(f".ui-tabs:has(#id_{field}) .ui-tabs-nav")
    tabs.get_by_role("tab", name=language).click()
    page.locator(f".prose-editor:has(#id_{field}) [role=textbox]").click()
    page.keyboard.type(text)


def test_an_editor_writes_a_release_in_french_and_spanish_and_publishes_it(staff_page, live_server):
    page = staff_page
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    page.locator("#id_title_fr").press_sequentially("L'OIM ouvre un centre d'accueil à Genève")
    # The slug is filled in from the title as the editor types.
    expect(page.locator("#id_slug_fr")).to_have_value("loim-ouvre-un-centre-daccueil-a-geneve")
    page.fill("#id_dateline_fr", "Genève")
    page.fill("#id_lead_fr", "Le centre accueillera 200 personnes.")
    write_rich_text(page, "body_fr", "Le centre ouvre ses portes lundi.")

    page.locator(".ui-tabs-nav").first.get_by_role("tab", name="ES").click()
    page.fill("#id_title_es", "La OIM abre un centro de acogida en Ginebra")
    page.locator("#id_status").select_option("published")
    page.locator("input[name=_save]").first.click()

    # The Spanish version is incomplete: its tabs are marked and shown, nothing is saved.
    expect(page.locator(".errornote")).to_be_visible()
    error_tab = page.locator(".ui-tab-has-errors").first
    expect(error_tab).to_be_visible()
    expect(error_tab).to_have_attribute("aria-controls", re.compile(r"_es$"))
    expect(error_tab).to_have_attribute("aria-selected", "true")
    assert not PressRelease.objects.exists()

    page.fill("#id_dateline_es", "Ginebra")
    page.fill("#id_lead_es", "El centro acogerá a 200 personas.")
    write_rich_text(page, "body_es", "El centro abre sus puertas el lunes.")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    release = PressRelease.objects.get()
    assert release.languages == ["fr", "es"]
    page.goto(f"{live_server.url}/es/comunicados/")
    page.get_by_role("link", name="La OIM abre un centro de acogida en Ginebra").click()
    expect(page.locator("h1")).to_have_text("La OIM abre un centro de acogida en Ginebra")


def test_a_journalist_filters_by_topic_opens_a_release_and_switches_to_english(page, live_server):
    climate = TopicFactory(slug="climate", name_fr="Climat", name_en="Climate", name_es="Clima")
    PressReleaseFactory(
        title_fr="Inondations au Bangladesh",
        english=True,
        title_en="Floods in Bangladesh",
        topics=[climate],
    )
    PressReleaseFactory(title_fr="Un autre sujet")

    page.goto(f"{live_server.url}/fr/communiques/")
    page.get_by_role("checkbox", name=re.compile(r"^Climat")).check()
    page.locator(".finder__form button[type=submit]").click()
    expect(page.locator(".release-summary")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"topic=climate"))
    page.get_by_role("link", name="Inondations au Bangladesh").click()
    page.get_by_role("link", name="English").click()
    expect(page.locator("h1")).to_have_text("Floods in Bangladesh")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_journalist_narrows_the_releases_to_a_date_range(page, live_server):
    def on(day):
        return timezone.make_aware(datetime.datetime(2024, 3, day, 10))

    PressReleaseFactory(title_fr="Avant la période", published_at=on(1))
    PressReleaseFactory(title_fr="Pendant la période", published_at=on(15))
    PressReleaseFactory(title_fr="Après la période", published_at=on(30))

    page.goto(f"{live_server.url}/fr/communiques/")
    page.get_by_label("Du", exact=True).fill("2024-03-10")
    page.get_by_label("Au", exact=True).fill("2024-03-20")
    page.locator(".finder__form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"from=2024-03-10.*to=2024-03-20"))
    expect(page.locator(".release-summary")).to_have_count(1)
    expect(page.locator(".release-summary")).to_contain_text("Pendant la période")


def test_a_journalist_downloads_the_image_of_a_release(page, live_server, tmp_path, settings):
    from PIL import Image

    settings.SERVE_MEDIA = True  # no nginx in front of the test server: Django sends the file

    path = tmp_path / "photo.jpg"
    Image.new("RGB", (64, 48), "navy").save(path)
    photo = path.read_bytes()
    release = PressReleaseFactory(title_fr="Un centre ouvre", image_alt_fr="Le nouveau centre")
    release.image = SimpleUploadedFile("photo.jpg", photo, content_type="image/jpeg")
    release.save()

    page.goto(live_server.url + release.get_absolute_url("fr"))
    # The link to the image file itself: "Download high resolution", named as the editor's file.
    link = page.get_by_role("link", name="Télécharger en haute résolution")
    assert link.get_attribute("href") == release.image.url + "?download"
    # Fetched as the browser would save it, with the page's cookies.
    response = page.request.get(urljoin(page.url, link.get_attribute("href")))
    assert response.ok
    assert response.headers["content-type"] == "image/jpeg"
    assert response.body() == photo


def test_the_skip_link_and_language_switcher_work_from_the_keyboard(page, live_server):
    PressReleaseFactory(title_fr="Communiqué", english=True, title_en="Release")
    page.goto(f"{live_server.url}/fr/communiques/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Aller au contenu")
    expect(skip_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

"""The rich-text editor in the release form, in a real browser, under the site's CSP."""

import pytest

from pressroom.models import PressRelease
from tests.browser.test_csp import csp_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_writes_a_heading_and_bold_text_and_it_is_stored(staff_page, live_server):
    page = staff_page
    violations = csp_violations(page)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    page.fill("#id_title_fr", "Des routes plus sûres")
    page.fill("#id_lead_fr", "L'OIM publie un rapport.")
    page.fill("#id_dateline_fr", "Genève")
    editor = page.locator(".prose-editor:has(#id_body_fr) [role=textbox]")
    editor.click()
    page.keyboard.type("## Ce que dit le rapport")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Trois constats")
    page.keyboard.press("Control+b")
    page.keyboard.type(" principaux.")
    page.locator("input[name=_save]").first.click()
    page.wait_for_url("**/pressroom/pressrelease/")
    release = PressRelease.objects.get()
    # The browser keeps the space typed after the bold text as a no-break space.
    assert release.body_fr.replace("&nbsp;", " ") == (
        "<h2>Ce que dit le rapport</h2><p><strong>Trois constats</strong> principaux.</p>"
    )
    assert release.body_en in ("", None)
    assert violations == [], violations[0]
    assert errors == []


def test_the_language_tabs_still_switch_with_the_editor(staff_page, live_server):
    page = staff_page
    violations = csp_violations(page)
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    page.locator(".ui-tabs:has(#id_body_fr) .ui-tabs-nav").get_by_role("tab", name="EN").click()
    assert page.locator(".prose-editor:has(#id_body_en) [role=textbox]").is_visible()
    assert not page.locator(".prose-editor:has(#id_body_fr) [role=textbox]").is_visible()
    assert violations == []


@pytest.mark.parametrize(
    "path",
    [
        "organisation/unit/add/",
        "organisation/person/add/",
        "events/event/add/",
        "events/series/add/",
        "events/session/add/",
        "pages/page/add/",
    ],
)
def test_every_form_with_rich_text_has_the_editor_under_the_policy(staff_page, live_server, path):
    page = staff_page
    violations = csp_violations(page)
    page.goto(f"{live_server.url}/admin/{path}")
    assert page.locator(".prose-editor [role=textbox]").first.is_visible()
    assert violations == []

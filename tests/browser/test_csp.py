"""No page breaks under the Content-Security-Policy: Chromium reports every refused script or
style to the console, and none may appear, on public pages or in the admin."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import MediaContactFactory, PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


def csp_violations(page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


def test_public_pages_run_under_the_policy(page, live_server):
    violations = csp_violations(page)
    topic = TopicFactory(slug="health")
    release = PressReleaseFactory(
        slug_fr="inondations", english=True, topics=[topic], contacts=[MediaContactFactory()]
    )
    with translation.override("fr"):
        sections = [reverse(name) for name in ("events:list", "organisation:structure")]
    for path in (
        "/fr/",
        "/fr/communiques/",
        "/fr/communiques/?topic=health",
        release.get_absolute_url("fr"),
        "/en/",
        "/es/",
        "/fr/nulle-part/",
        *sections,
    ):
        page.goto(live_server.url + path)
    assert violations == []


def test_the_admin_runs_under_the_policy(staff_page, live_server):
    page = staff_page
    violations = csp_violations(page)
    release = PressReleaseFactory(english=True, topics=[TopicFactory()])
    for path in (
        "/admin/",
        "/admin/pressroom/pressrelease/",
        "/admin/pressroom/pressrelease/add/",
        f"/admin/pressroom/pressrelease/{release.pk}/change/",
        "/admin/pressroom/topic/add/",
        "/admin/auth/user/",
        "/admin/auth/user/1/change/",
        "/admin/password_change/",
        "/admin/two-factor/",
        "/admin/otp_totp/totpdevice/add/",
        "/admin/axes/accessattempt/",
    ):
        page.goto(live_server.url + path)
    # The widgets that script the page: language tabs, calendar, autocomplete, popups.
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/{release.pk}/change/")
    page.locator(".ui-tabs-nav").first.get_by_role("tab", name="EN").click()
    page.locator(".datetimeshortcuts a").first.click()
    page.locator(".select2-selection").first.click()
    assert violations == []


def test_the_policy_is_enforced(page, live_server):
    """The check above is worth something only if Chromium reports a refused inline script."""
    violations = csp_violations(page)
    page.goto(f"{live_server.url}/fr/")
    page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.injected = true';
        document.body.appendChild(s);
    }""")
    assert page.evaluate("() => window.injected") is None
    assert violations

"""The email alerts' pages in Chromium: the subscribe form with the keyboard alone, and axe-core
on every page of the flow (subscribe, its errors, check your inbox, confirm, manage)."""

import pytest

from alerts import links
from alerts.models import Subscription
from tests.factories import TopicFactory

from . import test_accessibility
from .test_accessibility import violations

pytestmark = pytest.mark.django_db(transaction=True)
axe_script = test_accessibility.axe_script  # the fixture: axe-core's script, or a skip


@pytest.fixture
def context(browser, axe_script):
    # bypass_csp: axe is injected as an inline script, which the site's policy refuses.
    context = browser.new_context(bypass_csp=True, locale="fr-FR")
    yield context
    context.close()


def axe(page, axe_script):
    page.add_script_tag(path=axe_script)
    return violations(page)


def tab_to(page, check, limit=150):
    """Press Tab until the focused element passes `check` (JavaScript, given the element)."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => {check})(document.activeElement)"):
            return
    raise AssertionError(f"nothing that passes {check} can be reached with Tab")


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def test_the_subscribe_form_works_with_the_keyboard_alone(live_server, context, axe_script):
    TopicFactory(slug="climate", name_fr="Climat")
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/communiques/?topic=climate")
    tab_to(page, "element.textContent === 'Recevoir par courriel'")  # “Get emails”
    page.keyboard.press("Enter")
    page.wait_for_url("**/alertes-courriel/?topic=climate")
    assert axe(page, axe_script) == []

    tab_to(page, "element.id === 'id_email'")
    page.keyboard.type("Journalist@example.org")
    page.keyboard.press("Tab")  # the first frequency
    assert page.evaluate("document.activeElement.id") == "id_frequency_0"
    page.keyboard.press("ArrowDown")  # once a day
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_language"
    page.keyboard.press("Tab")  # the honeypot is out of the way
    assert page.evaluate("document.activeElement.textContent") == "S’abonner"
    page.keyboard.press("Enter")
    page.wait_for_url("**/alertes-courriel/verifiez-votre-boite/")
    assert page.locator("h1").text_content() == "Consultez votre boîte de réception"
    assert axe(page, axe_script) == []
    subscription = Subscription.objects.get()
    assert (subscription.query, subscription.frequency) == ("topic=climate", "daily")
    assert subscription.address.email == "journalist@example.org"


def test_errors_are_announced_and_every_page_passes_axe(live_server, context, axe_script):
    page = context.new_page()
    page.goto(f"{live_server.url}/en/email-alerts/")
    page.fill("#id_email", "not an address")
    page.click("button[type=submit]")
    assert page.locator("#email-error").is_visible()
    assert page.get_attribute("#id_email", "aria-describedby") == "email-error"
    assert axe(page, axe_script) == []

    page.fill("#id_email", "desk@example.org")
    page.click("button[type=submit]")
    subscription = Subscription.objects.get()
    for kind, obj in (("confirm", subscription), ("manage", subscription.address)):
        page.goto(live_server.url + path_of(links.url(kind, obj, "en")))
        assert axe(page, axe_script) == [], kind

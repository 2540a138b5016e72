"""The finder on a phone and a desktop screen, in Chromium: results first, filters one tap away
(no JavaScript: the site sends none), whole dates in the date fields."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def newsroom():
    topics = [TopicFactory(slug=f"topic-{n}", name_fr=f"Thème {n}") for n in range(12)]
    now = timezone.now()
    for day in range(25):
        PressReleaseFactory(topics=topics[:3], published_at=now - datetime.timedelta(days=day + 1))


def open_list(browser, live_server, viewport, query="", javascript=False):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/communiques/{query}")
    return page


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def test_on_a_phone_the_results_come_first_and_the_filters_are_one_tap_away(
    browser, live_server, newsroom
):
    page = open_list(browser, live_server, PHONE)
    first_result = top(page, ".release-summary")
    assert first_result < PHONE["height"] - 100  # its title is on the first screen
    assert top(page, "#filters") > first_result
    page.get_by_role("link", name="Filtrer les résultats").click()
    assert page.url.endswith("#filters")
    assert abs(top(page, "#filters")) < 10  # scrolled to the filters
    page.close()


def test_on_a_desktop_the_filters_stay_beside_the_results(browser, live_server, newsroom):
    page = open_list(browser, live_server, DESKTOP)
    form = page.locator("#filters").bounding_box()
    results = page.locator(".finder__results").bounding_box()
    assert form["x"] + form["width"] <= results["x"]
    assert abs(form["y"] - results["y"]) < 5
    expect(page.get_by_role("link", name="Filtrer les résultats")).to_be_hidden()
    page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_date_fields_show_the_whole_date(browser, live_server, newsroom, viewport):
    query = "?from=2024-03-01&to=2024-12-31"
    page = open_list(browser, live_server, viewport, query, javascript=True)  # to measure
    for field in ("#id_from", "#id_to"):
        # The width the field needs to show its value, measured on a copy left at its own size.
        needed, given = page.locator(field).evaluate(
            """(input) => {
                const copy = input.cloneNode();
                copy.style.width = "auto";
                copy.style.minWidth = "max-content";
                input.parentNode.appendChild(copy);
                const needed = copy.getBoundingClientRect().width;
                copy.remove();
                return [needed, input.getBoundingClientRect().width];
            }"""
        )
        assert given >= needed, (field, given, needed)
    page.close()

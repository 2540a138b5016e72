"""The layout as a reader sees it in Chromium: the menu on one row, the release's and the event's
side columns, and what a printout keeps."""

import io

import pytest

from events.models import Speaker
from pages import demo as pages_demo
from tests.factories import (
    EventFactory,
    MediaContactFactory,
    ParticipationFactory,
    PersonFactory,
    PressReleaseFactory,
    SessionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_demo_menu_fits_on_one_row_at_1280_px(browser, live_server, language):
    pages_demo.load(stdout=io.StringIO())
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/{language}/")
    tops = page.eval_on_selector_all(
        ".site-nav li", "items => items.map(item => item.getBoundingClientRect().top)"
    )
    assert len(tops) >= 8 and len(set(tops)) == 1, tops


def test_the_release_page_puts_contacts_and_topics_beside_the_text(browser, live_server):
    release = PressReleaseFactory(
        topics=[TopicFactory()], contacts=[MediaContactFactory(name="Rahma Soliman")]
    )
    PressReleaseFactory(topics=release.topics.all())  # a related release
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(live_server.url + release.get_absolute_url("fr"))
    text, side = box(page, ".release__main"), box(page, ".release__aside")
    assert side["x"] >= text["x"] + text["width"]  # beside, not below
    assert side["y"] < text["y"] + 200  # level with the top of the text
    assert side["x"] + side["width"] > 1100  # the right half is used
    page.set_viewport_size({"width": 375, "height": 800})
    text, side = box(page, ".release__main"), box(page, ".release__aside")
    assert side["y"] >= text["y"] + text["height"]  # below the text on a phone


def test_the_event_page_puts_its_facts_and_speakers_beside_the_agenda(browser, live_server):
    event = EventFactory()
    staff = Speaker.objects.create(person=PersonFactory(name="Claire M"))
    ParticipationFactory(session=SessionFactory(event=event), speaker=staff)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(live_server.url + event.get_absolute_url("fr"))
    main, facts, more = (
        box(page, ".event__main"),
        box(page, ".event__facts"),
        box(page, ".event__more"),
    )
    assert facts["x"] >= main["x"] + main["width"] and more["x"] == facts["x"]
    assert facts["y"] < more["y"]
    page.set_viewport_size({"width": 375, "height": 800})
    main, facts = box(page, ".event__main"), box(page, ".event__facts")
    assert facts["y"] < main["y"]  # on a phone, when and where come first


def test_a_printed_page_keeps_the_organisation_s_name_and_its_address(browser, live_server):
    release = PressReleaseFactory()
    page = browser.new_page()
    address = live_server.url + release.get_absolute_url("fr")
    page.goto(address)
    assert not page.locator(".print-address").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".site-name__full").is_visible()
    assert page.locator(".print-address").inner_text() == address
    assert page.locator(".print-address").is_visible()
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".language-switcher").is_visible()

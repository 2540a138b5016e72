"""The finder's office and event selectors: the sources of public releases, in the reader's
language, each filter removable and said in the summary line."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import EventFactory, PressReleaseFactory, TopicFactory, UnitFactory

pytestmark = pytest.mark.django_db


def list_url(language="fr"):
    with translation.override(language):
        return reverse("pressroom:list")


def options(html, name):
    """[(value, label)] of the <select name=…> in the page."""
    select = html.split(f'<select name="{name}"')[1].split("</select>")[0]
    found = []
    for option in select.split("<option")[1:]:
        value = option.split('value="')[1].split('"')[0]
        label = option.split(">", 1)[1].split("</option")[0]
        found.append((value, label))
    return found


@pytest.fixture
def sources():
    dhaka = UnitFactory(slug="iom-bangladesh", name_fr="OIM Bangladesh", name_en="IOM Bangladesh")
    quiet = UnitFactory(slug="quiet-office", name_fr="Bureau discret")
    idm = EventFactory(
        slug="idm-2024",
        title_fr="Dialogue international 2024",
        english=True,
        title_en="International Dialogue 2024",
    )
    french_only = EventFactory(slug="atelier", title_fr="Atelier de Genève")
    unreleased = EventFactory(slug="sans-communique", title_fr="Sans communiqué")
    PressReleaseFactory(title_fr="De Dacca", issuing_unit=dhaka, event=idm)
    PressReleaseFactory(title_fr="Atelier", event=french_only)
    # Sources of releases the public does not see yet are not offered.
    PressReleaseFactory(issuing_unit=quiet, event=unreleased, draft=True)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    PressReleaseFactory(issuing_unit=quiet, published_at=tomorrow)
    return {"dhaka": dhaka, "idm": idm}


def test_offices_and_events_with_public_releases_are_offered_in_the_readers_language(
    client, sources
):
    html = client.get(list_url("en")).content.decode()
    assert options(html, "office") == [("", "any office"), ("iom-bangladesh", "IOM Bangladesh")]
    # An event without an English version is named in its own language.
    assert options(html, "event") == [
        ("", "any event"),
        ("atelier", "Atelier de Genève"),
        ("idm-2024", "International Dialogue 2024"),
    ]


def test_choosing_an_office_filters_says_so_and_can_be_removed(client, sources):
    response = client.get(list_url(), {"office": "iom-bangladesh", "topic": []})
    html = response.content.decode()
    assert [release.title_fr for release in response.context["object_list"]] == ["De Dacca"]
    assert '<option value="iom-bangladesh" selected>OIM Bangladesh</option>' in html
    assert response.context["summary"] == "1 communiqué de presse : OIM Bangladesh"
    assert dict(response.context["active_filters"])["OIM Bangladesh"] == ""


def test_choosing_an_event_filters_says_so_and_can_be_removed(client, sources):
    response = client.get(list_url("en"), {"event": "idm-2024", "year": "2020"})
    assert response.context["summary"] == "0 press releases: International Dialogue 2024, 2020"
    assert dict(response.context["active_filters"])["International Dialogue 2024"] == "year=2020"
    assert '<option value="idm-2024" selected>' in response.content.decode()


def test_a_chosen_office_without_public_releases_stays_chosen(client, sources):
    response = client.get(list_url(), {"office": "quiet-office"})
    assert response.status_code == 200
    assert '<option value="quiet-office" selected>Bureau discret</option>' in (
        response.content.decode()
    )


def test_an_unknown_office_is_a_400_shown_next_to_its_selector(client, sources):
    with translation.override("en"):
        response = client.get(list_url("en"), {"office": "nowhere"})
    assert response.status_code == 400
    assert 'id="office-error"' in response.content.decode()


def test_the_page_still_needs_a_fixed_number_of_queries_with_sources(
    client, sources, django_assert_num_queries
):
    # Counts by year and type and by topic (one statement), the page with its topics' ids, the
    # next scheduled publication (page cache); with an office chosen, that office too. The first
    # page also builds the offices and events offered (one query) and the menu; a page with
    # topics found, their names (here again: the new topic was made without the notice).
    with django_assert_num_queries(5):
        client.get(list_url(), {"kind": "statement"})
    PressReleaseFactory.create_batch(
        5, issuing_unit=sources["dhaka"], event=sources["idm"], topics=[TopicFactory()]
    )
    with django_assert_num_queries(5):
        client.get(list_url(), {"office": "iom-bangladesh", "page": "1", "q": "communiqué"})


def test_an_office_is_offered_when_its_first_release_becomes_public_with_no_write(
    client, sources, clock
):
    start = timezone.now()
    clock(start)
    assert "quiet-office" not in dict(options(client.get(list_url()).content.decode(), "office"))
    clock(start + datetime.timedelta(days=1, seconds=1))
    html = client.get(list_url(), {"kind": "press-release"}).content.decode()
    assert ("quiet-office", "Bureau discret") in options(html, "office")

"""JSON-LD: parsed back with json, fields checked, and no text can end the <script> element."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from tests.factories import EventFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(client, path):
    html = client.get(path).content.decode()
    [data] = SCRIPT.findall(html)
    return json.loads(data)


def test_a_release_is_a_news_article(client):
    release = PressReleaseFactory(english=True, title_en="Floods in Bangladesh")
    data = json_ld(client, release.get_absolute_url("en"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Floods in Bangladesh"
    assert data["inLanguage"] == "en"
    assert datetime.datetime.fromisoformat(data["datePublished"]) == release.published_at
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= release.published_at
    assert data["author"]["@type"] == data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/static/")
    assert data["url"] == "http://testserver" + release.get_absolute_url("en")


def test_an_event_has_its_dates_with_the_offset_of_its_zone(client):
    start = datetime.datetime(2030, 6, 3, 8, 0, tzinfo=datetime.UTC)
    event = EventFactory(
        time_zone="America/New_York",
        start=start,
        format="hybrid",
        venue_fr="Siège de l'ONU",
        city_fr="New York",
        country_fr="États-Unis",
        webcast_url="https://webtv.example.org/idm",
    )
    data = json_ld(client, event.get_absolute_url("fr"))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-06-03T04:00:00-04:00"
    assert data["endDate"] == "2030-06-03T11:00:00-04:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    place, online = data["location"]
    assert place["name"] == "Siège de l'ONU"
    assert place["address"]["addressLocality"] == "New York"
    assert online == {"@type": "VirtualLocation", "url": "https://webtv.example.org/idm"}
    assert data["organizer"]["@type"] == "Organization"


def test_an_approximate_event_gives_the_days_of_its_period(client):
    event = EventFactory(approximate=True)
    data = json_ld(client, event.get_absolute_url("fr"))
    assert data["startDate"] == event.period_start.isoformat()
    assert data["endDate"] == event.period_end.isoformat()
    assert data["location"]["@type"] == "Place"


def test_the_home_page_describes_the_organisation(client):
    data = json_ld(client, "/es/")
    assert data["@type"] == "Organization"
    assert data["name"] == "Organización Internacional para las Migraciones"
    assert data["url"] == "http://testserver/es/"
    assert data["logo"]["url"] == "http://testserver/static/img/iom-logo.png"
    assert "https://www.iom.int/" in data["sameAs"]


def test_a_title_with_a_closing_script_tag_cannot_break_out(client):
    title = 'Crise </script><script>alert("x")</script> & <!-- fin'
    release = PressReleaseFactory(
        title_fr=title, published_at=timezone.now() - datetime.timedelta(hours=1)
    )
    html = client.get(release.get_absolute_url("fr")).content.decode()
    [data] = SCRIPT.findall(html)
    assert "</script>" not in data and "<" not in data
    assert json.loads(data)["headline"] == title
    assert '<script>alert("x")</script>' not in html


def test_pages_without_a_schema_have_no_json_ld(client):
    html = client.get("/fr/communiques/").content.decode()
    assert "application/ld+json" not in html

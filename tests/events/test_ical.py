import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


def feed_url(language="fr"):
    with translation.override(language):
        return reverse("events:feed")


def idm_new_york(**fields):
    return EventFactory(
        **{
            "slug": "idm-2024",
            "title_fr": "Dialogue international sur la migration 2024",
            "english": True,
            "title_en": "International Dialogue on Migration 2024",
            "time_zone": "America/New_York",
            "venue_fr": "Siège des Nations Unies",
            "city_fr": "New York",
            "country_fr": "États-Unis",
            "start": datetime.datetime(2024, 5, 21, 10, tzinfo=NEW_YORK),
            "end": datetime.datetime(2024, 5, 22, 18, tzinfo=NEW_YORK),
            **fields,
        }
    )


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


class TestEventFile:
    def test_the_file_has_the_summary_local_start_and_end_and_the_time_zone(self, client):
        event = idm_new_york()
        response = client.get(event.get_calendar_url("fr"))
        calendar = parse(response)
        [vevent] = calendar.events
        assert str(vevent["SUMMARY"]) == "Dialogue international sur la migration 2024"
        assert vevent.start == datetime.datetime(2024, 5, 21, 10, tzinfo=NEW_YORK)
        assert vevent.end == datetime.datetime(2024, 5, 22, 18, tzinfo=NEW_YORK)
        assert vevent["DTSTART"].params["TZID"] == "America/New_York"
        assert [tz["TZID"] for tz in calendar.timezones] == ["America/New_York"]
        assert str(vevent["LOCATION"]) == "Siège des Nations Unies, New York, États-Unis"
        assert str(vevent["URL"]) == "http://testserver/fr/evenements/idm-2024/"
        assert 'filename="idm-2024.ics"' in response["Content-Disposition"]

    def test_lines_end_in_crlf(self, client):
        event = idm_new_york()
        content = client.get(event.get_calendar_url("fr")).content
        assert content.startswith(b"BEGIN:VCALENDAR\r\n")
        assert content.count(b"\n") == content.count(b"\r\n")

    def test_the_summary_is_in_the_readers_language_and_the_uid_the_same(self, client):
        event = idm_new_york()
        french = parse(client.get(event.get_calendar_url("fr"))).events[0]
        english = parse(client.get(event.get_calendar_url("en"))).events[0]
        assert str(english["SUMMARY"]) == "International Dialogue on Migration 2024"
        assert str(french["UID"]) == str(english["UID"]) == f"event-{event.pk}@testserver"

    def test_a_line_break_in_a_title_or_summary_cannot_add_a_property(self, client):
        event = idm_new_york(
            title_fr="Réunion\r\nX-INJECTED:oui\r\nDTSTART:19700101T000000Z",
            summary_fr="Résumé\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM",
        )
        content = client.get(event.get_calendar_url("fr")).content
        lines = content.decode().split("\r\n")
        assert not any(line.startswith(("X-INJECTED", "BEGIN:VALARM", "TRIGGER")) for line in lines)
        assert sum(line.startswith("SUMMARY") for line in lines) == 1
        [vevent] = icalendar.Calendar.from_ical(content).events
        assert "X-INJECTED" not in vevent
        assert not vevent.subcomponents  # no alarm slipped in
        assert vevent.start == datetime.datetime(2024, 5, 21, 10, tzinfo=NEW_YORK)
        assert str(vevent["SUMMARY"]) == ("Réunion X-INJECTED:oui DTSTART:19700101T000000Z")
        # Kept as text, with its line breaks escaped.
        assert str(vevent["DESCRIPTION"]).startswith("Résumé\nBEGIN:VALARM\nTRIGGER")

    def test_an_event_without_exact_dates_has_no_file_and_says_why(self, client):
        event = EventFactory(approximate=True, period_label_fr="deuxième semestre")
        response = client.get(event.get_calendar_url("fr"))
        assert response.status_code == 404
        assert "deuxième semestre" in response.content.decode()

    def test_a_draft_has_no_file(self, client):
        event = EventFactory(draft=True)
        assert client.get(event.get_calendar_url("fr")).status_code == 404


class TestFeed:
    def test_the_feed_has_the_upcoming_public_events_with_dates(self, client):
        soon = EventFactory(title_fr="Bientôt")
        later = EventFactory(
            title_fr="Plus tard",
            time_zone="Asia/Bangkok",
            start=timezone.now() + datetime.timedelta(days=40),
            end=timezone.now() + datetime.timedelta(days=41),
        )
        idm_new_york()  # past
        EventFactory(title_fr="Brouillon", draft=True)
        EventFactory(title_fr="Sans dates", approximate=True)
        calendar = parse(client.get(feed_url()))
        assert [str(e["SUMMARY"]) for e in calendar.events] == ["Bientôt", "Plus tard"]
        assert {str(e["UID"]) for e in calendar.events} == {
            f"event-{soon.pk}@testserver",
            f"event-{later.pk}@testserver",
        }
        assert {tz["TZID"] for tz in calendar.timezones} == {"Europe/Zurich", "Asia/Bangkok"}
        assert str(calendar["X-WR-CALNAME"])

    def test_an_empty_feed_is_still_a_valid_calendar(self, client):
        calendar = parse(client.get(feed_url("es")))
        assert calendar.events == []
        assert str(calendar["VERSION"]) == "2.0"

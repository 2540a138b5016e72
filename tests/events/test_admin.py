import datetime

import pytest

from events.models import Event, Participation, Session, Speaker
from organisation.models import Person
from tests.factories import EventFactory, SessionFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/events/event/add/"
UTC = datetime.UTC

TRANSLATED = ("title", "summary", "body", "venue", "city", "country", "period_label")


def event_form(**overrides):
    """The POST data of the event form: French only, in New York, with one session."""
    data = {f"{name}_{code}": "" for name in TRANSLATED for code in ("fr", "en", "es")}
    data |= {
        "title_fr": "Dialogue international sur la migration 2024",
        "summary_fr": "Deux jours de débats à New York.",
        "city_fr": "New York",
        "country_fr": "États-Unis",
        "slug": "idm-2024",
        "series": "",
        "time_zone": "America/New_York",
        "start_0": "2024-05-21",
        "start_1": "10:00:00",
        "end_0": "2024-05-22",
        "end_1": "18:00:00",
        "period_start": "",
        "period_end": "",
        "format": "in_person",
        "original_language": "fr",
        "registration_url": "",
        "webcast_url": "",
        "recording_url": "",
        "status": "published",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-0-title_fr": "Ouverture",
        "sessions-0-title_en": "",
        "sessions-0-title_es": "",
        "sessions-0-description_fr": "",
        "sessions-0-description_en": "",
        "sessions-0-description_es": "",
        "sessions-0-start_0": "2024-05-21",
        "sessions-0-start_1": "10:00:00",
        "sessions-0-end_0": "2024-05-21",
        "sessions-0-end_1": "11:00:00",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_times_are_typed_in_the_events_time_zone(admin_client):
    response = admin_client.post(ADD_URL, event_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    # 10:00 in New York in May is 14:00 UTC, not 08:00 as it would be in Geneva.
    assert event.start == datetime.datetime(2024, 5, 21, 14, tzinfo=UTC)
    assert event.end == datetime.datetime(2024, 5, 22, 22, tzinfo=UTC)
    assert Session.objects.get().start == datetime.datetime(2024, 5, 21, 14, tzinfo=UTC)


def test_the_change_form_shows_times_in_the_events_time_zone(admin_client):
    event = EventFactory(
        time_zone="Asia/Bangkok",
        start=datetime.datetime(2030, 1, 10, 2, tzinfo=UTC),  # 09:00 in Bangkok
        end=datetime.datetime(2030, 1, 10, 10, tzinfo=UTC),
    )
    html = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert 'name="start_1" value="09:00:00"' in html


def test_an_end_before_the_start_is_explained_not_a_crash(admin_client):
    response = admin_client.post(ADD_URL, event_form(end_0="2024-05-20"))
    assert response.status_code == 200
    assert "end" in response.context["adminform"].form.errors
    assert not Event.objects.exists()


def test_an_unknown_time_zone_is_refused(admin_client):
    response = admin_client.post(ADD_URL, event_form(time_zone="Mars/Olympus_Mons"))
    assert response.status_code == 200
    assert "time_zone" in response.context["adminform"].form.errors


def test_an_approximate_event_is_saved_with_its_period(admin_client):
    response = admin_client.post(
        ADD_URL,
        event_form(
            start_0="",
            start_1="",
            end_0="",
            end_1="",
            **{"sessions-TOTAL_FORMS": "0"},
            period_label_fr="deuxième semestre 2024",
            period_start="2024-07-01",
            period_end="2024-12-31",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert event.is_approximate and event.period_end == datetime.date(2024, 12, 31)


def test_speakers_are_added_to_a_session_on_its_own_page(admin_client):
    session = SessionFactory(title_fr="Ouverture")
    speaker = SpeakerFactory(name="Kofi Kinaata")
    local = session.start.astimezone(session.event.zone)
    end = session.end.astimezone(session.event.zone)
    response = admin_client.post(
        f"/admin/events/session/{session.pk}/change/",
        {
            "event": session.event.pk,
            "title_fr": "Ouverture",
            "title_en": "",
            "title_es": "",
            "description_fr": "",
            "description_en": "",
            "description_es": "",
            "start_0": f"{local:%Y-%m-%d}",
            "start_1": f"{local:%H:%M:%S}",
            "end_0": f"{end:%Y-%m-%d}",
            "end_1": f"{end:%H:%M:%S}",
            "participations-TOTAL_FORMS": "1",
            "participations-INITIAL_FORMS": "0",
            "participations-0-speaker": speaker.pk,
            "participations-0-role": "moderator",
            "participations-0-position": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Participation.objects.get().role == "moderator"
    session.refresh_from_db()
    assert session.start == local  # unchanged by a round trip through the form


@pytest.mark.parametrize(
    "path",
    [
        "/admin/events/event/",
        "/admin/events/series/",
        "/admin/events/session/",
        "/admin/events/speaker/",
        ADD_URL,
        "/admin/events/series/add/",
    ],
)
def test_the_admin_pages_open(admin_client, path):
    EventFactory()
    EventFactory(approximate=True)
    assert admin_client.get(path).status_code == 200


def test_an_editor_finds_the_event_of_a_release_by_its_title(admin_client):
    EventFactory(title_fr="Dialogue international sur la migration 2024")
    EventFactory(title_fr="Autre chose")
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "pressroom",
            "model_name": "pressrelease",
            "field_name": "event",
            "term": "Dialogue",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [
        "Dialogue international sur la migration 2024"
    ]


def test_a_staff_member_is_a_speaker_without_a_name_of_their_own(admin_client):
    amy = Person.objects.create(name="Amy Pope", slug="amy-pope")
    response = admin_client.post(
        "/admin/events/speaker/add/",
        {
            "person": amy.pk,
            "name": "",
            "affiliation_fr": "Directrice générale",
            "affiliation_en": "",
            "affiliation_es": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Speaker.objects.get().person == amy

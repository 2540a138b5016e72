import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Event, Participation, Session, Speaker
from organisation.models import Person
from tests.factories import (
    EventFactory,
    ParticipationFactory,
    SessionFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NEW_YORK = ZoneInfo("America/New_York")
GENEVA = ZoneInfo("Europe/Zurich")
SECOND = datetime.timedelta(seconds=1)


def at(year, month, day, hour=0, minute=0, zone=UTC):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)


def refused(**fields):
    """True when the database refuses an event with these fields."""
    try:
        with transaction.atomic():
            EventFactory(**fields)
    except IntegrityError:
        return True
    return False


class TestPublishedRule:
    def test_a_published_event_is_public_and_a_draft_is_not(self):
        public = EventFactory()
        draft = EventFactory(draft=True)
        assert list(Event.objects.published()) == [public]
        assert public.is_published() and not draft.is_published()

    def test_drafts_are_neither_upcoming_nor_past_for_the_public(self):
        EventFactory(draft=True)
        EventFactory(draft=True, start=at(2020, 1, 1, 9), end=at(2020, 1, 1, 17))
        assert not Event.objects.published().upcoming().exists()
        assert not Event.objects.published().past().exists()


class TestUpcomingAndPast:
    def test_an_event_is_upcoming_until_its_last_second(self):
        end = at(2024, 5, 22, 22, 0)
        event = EventFactory(start=end - datetime.timedelta(days=1), end=end)
        assert list(Event.objects.upcoming(at=end)) == [event]
        assert event.is_upcoming(at=end)
        assert list(Event.objects.past(at=end + SECOND)) == [event]
        assert not event.is_upcoming(at=end + SECOND)
        assert not Event.objects.past(at=end).exists()

    def test_an_event_under_way_is_still_upcoming(self):
        event = EventFactory(start=at(2024, 5, 21, 14), end=at(2024, 5, 22, 22))
        assert list(Event.objects.upcoming(at=at(2024, 5, 22, 9))) == [event]

    def test_the_boundary_is_the_same_instant_whatever_the_time_zone(self):
        # 23:30 in New York on 21 May is 05:30 on 22 May in Geneva.
        end = at(2024, 5, 21, 23, 30, zone=NEW_YORK)
        event = EventFactory(
            start=at(2024, 5, 21, 20, zone=NEW_YORK), end=end, time_zone="America/New_York"
        )
        just_before_geneva = at(2024, 5, 22, 5, 29, zone=GENEVA)
        just_after_geneva = at(2024, 5, 22, 5, 31, zone=GENEVA)
        assert list(Event.objects.upcoming(at=just_before_geneva)) == [event]
        assert list(Event.objects.past(at=just_after_geneva)) == [event]

    def test_an_approximate_event_is_upcoming_until_the_end_of_its_last_day_in_geneva(self):
        event = EventFactory(
            approximate=True,
            period_start=datetime.date(2024, 7, 1),
            period_end=datetime.date(2024, 12, 31),
        )
        last_minute = at(2024, 12, 31, 23, 59, zone=GENEVA)  # 22:59 UTC
        new_year_in_geneva = at(2024, 12, 31, 23, 0)  # midnight in Geneva, still 2024 in UTC
        assert list(Event.objects.upcoming(at=last_minute)) == [event]
        assert event.is_upcoming(at=last_minute)
        assert list(Event.objects.past(at=new_year_in_geneva)) == [event]
        assert not event.is_upcoming(at=new_year_in_geneva)

    def test_upcoming_events_come_soonest_first_and_an_approximate_one_after_known_dates(self):
        now = at(2024, 6, 1, 12)
        second_half = EventFactory(
            approximate=True,
            period_start=datetime.date(2024, 7, 1),
            period_end=datetime.date(2024, 12, 31),
        )
        december = EventFactory(start=at(2024, 12, 3, 9), end=at(2024, 12, 3, 17))
        july = EventFactory(start=at(2024, 7, 2, 9), end=at(2024, 7, 2, 17))
        assert list(Event.objects.upcoming(at=now)) == [july, december, second_half]

    def test_past_events_come_newest_first(self):
        now = at(2025, 6, 1)
        older = EventFactory(start=at(2023, 5, 21, 14), end=at(2023, 5, 22, 22))
        newer = EventFactory(start=at(2024, 5, 21, 14), end=at(2024, 5, 22, 22))
        assert list(Event.objects.past(at=now)) == [newer, older]

    def test_in_year_uses_the_first_day_in_geneva_or_the_end_of_the_period(self):
        # 20:00 in New York on 31 December 2023 is already 2024 in Geneva.
        new_year = EventFactory(
            start=at(2023, 12, 31, 20, zone=NEW_YORK), end=at(2023, 12, 31, 23, zone=NEW_YORK)
        )
        approximate = EventFactory(
            approximate=True,
            period_start=datetime.date(2023, 9, 1),
            period_end=datetime.date(2024, 3, 31),
        )
        EventFactory(start=at(2023, 6, 1, 9), end=at(2023, 6, 1, 17))
        assert set(Event.objects.in_year(2024)) == {new_year, approximate}


class TestInvariants:
    def test_the_database_refuses_an_end_before_the_start(self):
        assert refused(start=at(2024, 5, 22, 9), end=at(2024, 5, 21, 9))

    def test_the_database_refuses_a_start_without_an_end(self):
        assert refused(start=at(2024, 5, 22, 9), end=None)

    def test_the_database_refuses_exact_dates_and_a_period_together(self):
        assert refused(
            period_start=datetime.date(2024, 7, 1), period_end=datetime.date(2024, 12, 31)
        )

    def test_the_database_refuses_a_published_event_without_dates_or_period(self):
        assert refused(start=None, end=None)
        assert not refused(start=None, end=None, draft=True)

    def test_the_database_refuses_a_period_that_ends_before_it_starts(self):
        assert refused(
            approximate=True,
            period_start=datetime.date(2024, 12, 31),
            period_end=datetime.date(2024, 7, 1),
        )

    def test_the_database_refuses_an_event_without_a_title_in_its_original_language(self):
        assert refused(original_language="en")

    def test_the_database_refuses_a_session_that_ends_before_it_starts(self):
        event = EventFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            SessionFactory(event=event, end=event.start - datetime.timedelta(hours=1))

    def test_a_speaker_appears_once_per_session(self):
        participation = ParticipationFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Participation.objects.create(
                session=participation.session,
                speaker=participation.speaker,
                role=Participation.Role.MODERATOR,
            )


class TestSpeakers:
    def test_a_staff_speaker_takes_the_name_of_the_person(self):
        amy = Person.objects.create(name="Amy Pope", slug="amy-pope")
        speaker = Speaker.objects.create(person=amy, affiliation_en="Director General, IOM")
        assert speaker.display_name == str(speaker) == "Amy Pope"
        assert speaker.get_absolute_url() == amy.get_absolute_url()
        assert SpeakerFactory(name="Kofi Kinaata").get_absolute_url() is None

    def test_the_database_refuses_a_speaker_who_is_both_staff_and_named(self):
        amy = Person.objects.create(name="Amy Pope", slug="amy-pope")
        with pytest.raises(IntegrityError), transaction.atomic():
            Speaker.objects.create(person=amy, name="Amy Pope")

    def test_the_database_refuses_a_speaker_who_is_neither(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Speaker.objects.create(name="")

    def test_a_person_is_one_speaker_whatever_the_number_of_sessions(self):
        amy = Person.objects.create(name="Amy Pope", slug="amy-pope")
        Speaker.objects.create(person=amy)
        with pytest.raises(IntegrityError), transaction.atomic():
            Speaker.objects.create(person=amy)


class TestValidation:
    def test_an_end_before_the_start_is_explained_on_the_end_field(self):
        event = EventFactory.build(start=at(2024, 5, 22, 9), end=at(2024, 5, 21, 9))
        with pytest.raises(ValidationError) as error:
            event.full_clean()
        assert "end" in error.value.message_dict

    def test_an_unknown_time_zone_is_refused(self):
        event = EventFactory.build(time_zone="Mars/Olympus_Mons")
        with pytest.raises(ValidationError) as error:
            event.full_clean()
        assert "time_zone" in error.value.message_dict

    def test_a_half_translated_version_is_refused(self):
        event = EventFactory.build(title_en="Only a title")
        with pytest.raises(ValidationError) as error:
            event.full_clean()
        assert "summary_en" in error.value.message_dict

    def test_an_approximate_period_needs_words_in_each_language(self):
        event = EventFactory.build(approximate=True, english=True, period_label_en="")
        with pytest.raises(ValidationError) as error:
            event.full_clean()
        assert "period_label_en" in error.value.message_dict

    def test_a_complete_event_is_valid(self):
        EventFactory.build(english=True).full_clean()
        EventFactory.build(approximate=True, english=True).full_clean()


class TestAgenda:
    def test_sessions_are_grouped_by_day_in_the_events_time_zone(self):
        event = EventFactory(
            time_zone="America/New_York",
            start=at(2024, 5, 21, 10, zone=NEW_YORK),
            end=at(2024, 5, 22, 23, zone=NEW_YORK),
        )
        # 22:00 in New York on 21 May is already 22 May in UTC and in Geneva.
        late = SessionFactory(
            event=event,
            start=at(2024, 5, 21, 22, zone=NEW_YORK),
            end=at(2024, 5, 21, 23, zone=NEW_YORK),
        )
        morning = SessionFactory(
            event=event,
            start=at(2024, 5, 21, 10, zone=NEW_YORK),
            end=at(2024, 5, 21, 12, zone=NEW_YORK),
        )
        next_day = SessionFactory(
            event=event,
            start=at(2024, 5, 22, 10, zone=NEW_YORK),
            end=at(2024, 5, 22, 12, zone=NEW_YORK),
        )
        assert event.agenda() == [
            (datetime.date(2024, 5, 21), [morning, late]),
            (datetime.date(2024, 5, 22), [next_day]),
        ]

    def test_speakers_are_listed_once_in_order_of_appearance(self):
        event = EventFactory()
        first = SessionFactory(event=event)
        second = SessionFactory(event=event, start=first.end, end=first.end + SECOND * 3600)
        moderator, speaker = SpeakerFactory(name="Zoé"), SpeakerFactory(name="Ana")
        ParticipationFactory(session=first, speaker=moderator, role="moderator")
        ParticipationFactory(session=second, speaker=speaker)
        ParticipationFactory(session=second, speaker=moderator)
        assert event.speakers() == [moderator, speaker]


class TestLanguages:
    def test_a_reader_of_a_missing_language_gets_the_original_marked_as_fallback(self):
        event = EventFactory(title_fr="Réunion")
        content = event.in_language("es")
        assert (content.language, content.is_fallback, content.title) == ("fr", True, "Réunion")

    def test_a_session_falls_back_to_the_language_of_its_event(self):
        event = EventFactory(original_language="en", title_en="Meeting", summary_en="Summary.")
        session = Session.objects.create(
            event=event, title_en="Opening", start=event.start, end=event.end
        )
        assert session.in_language("es").language == "en"

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from events.models import Speaker
from organisation.models import Person
from tests.factories import (
    DocumentFactory,
    EventFactory,
    ParticipationFactory,
    PressReleaseFactory,
    SeriesFactory,
    SessionFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
LANGUAGES = ["fr", "en", "es"]


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"events:{name}", kwargs=kwargs or None)


def idm_new_york(**fields):
    """The IDM 2024 in New York: 21 May 10:00 to 22 May 18:00, New York time."""
    return EventFactory(
        slug="idm-2024",
        title_fr="Dialogue international sur la migration 2024",
        english=True,
        title_en="International Dialogue on Migration 2024",
        time_zone="America/New_York",
        city_fr="New York",
        country_fr="États-Unis",
        start=datetime.datetime(2024, 5, 21, 10, tzinfo=NEW_YORK),
        end=datetime.datetime(2024, 5, 22, 18, tzinfo=NEW_YORK),
        **fields,
    )


class TestAddresses:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_every_page_has_an_address_under_each_language(self, language):
        assert url("list", language).startswith(f"/{language}/")
        assert url("feed", language).endswith(".ics")
        assert url("series", language, slug="idm").endswith("/idm/")
        assert url("detail", language, slug="idm-2024").endswith("/idm-2024/")
        assert url("calendar", language, slug="idm-2024").endswith("/idm-2024/calendar.ics")

    def test_an_event_and_a_series_know_their_address(self):
        event = EventFactory(slug="idm-2024", series=SeriesFactory(slug="idm"))
        assert event.get_absolute_url("fr") == url("detail", slug="idm-2024")
        assert event.series.get_absolute_url("fr") == url("series", slug="idm")


class TestEventList:
    def test_upcoming_and_past_events_are_listed_in_their_sections(self, client):
        EventFactory(title_fr="À venir")
        idm_new_york()
        response = client.get(url("list"))
        assert response.status_code == 200
        assert [e.title_fr for e in response.context["upcoming_events"]] == ["À venir"]
        assert [e.title_fr for e in response.context["past_events"]] == [
            "Dialogue international sur la migration 2024"
        ]

    @pytest.mark.parametrize(
        ("language", "dates"),
        [
            ("fr", '21 mai 2024</time> – <time datetime="2024-05-22T18:00:00-04:00">22 mai 2024'),
            ("en", '21 May 2024</time> – <time datetime="2024-05-22T18:00:00-04:00">22 May 2024'),
            (
                "es",
                '21 de mayo de 2024</time> – <time datetime="2024-05-22T18:00:00-04:00">'
                "22 de mayo de 2024",
            ),
        ],
    )
    def test_dates_are_written_for_the_language_with_a_machine_readable_time(
        self, client, language, dates
    ):
        idm_new_york()
        html = client.get(url("list", language)).content.decode()
        assert '<time datetime="2024-05-21T10:00:00-04:00">' in html
        assert dates in html

    def test_an_approximate_event_shows_its_period_in_words(self, client):
        EventFactory(approximate=True, period_label_fr="deuxième semestre 2030")
        html = client.get(url("list")).content.decode()
        assert "deuxième semestre 2030" in html

    def test_drafts_are_not_listed(self, client):
        EventFactory(title_fr="Public")
        EventFactory(title_fr="Brouillon secret", draft=True)
        EventFactory(title_fr="Ancien brouillon", draft=True, start=idm_start(), end=idm_end())
        html = client.get(url("list")).content.decode()
        assert "Public" in html
        assert "Brouillon secret" not in html and "Ancien brouillon" not in html

    def test_an_event_missing_in_english_is_listed_in_french_and_marked(self, client):
        EventFactory(title_fr="Seulement en français")
        html = client.get(url("list", "en")).content.decode()
        assert '<h3 class="event-summary__title" lang="fr">' in html
        assert "Available in French only." in html

    def test_the_year_filter_keeps_the_events_of_that_year(self, client):
        idm_new_york()
        EventFactory(title_fr="Plus tard")
        response = client.get(url("list"), {"year": "2024"})
        assert response.status_code == 200
        assert [e.slug for e in response.context["past_events"]] == ["idm-2024"]
        assert not response.context["upcoming_events"]
        assert 2024 in response.context["years"]

    @pytest.mark.parametrize("year", ["deux-mille", "99999", "2024-05-32", "0"])
    def test_a_malformed_year_is_a_400_explained_in_the_readers_language(self, client, year):
        response = client.get(url("list"), {"year": year})
        assert response.status_code == 400
        assert escape("L'année doit être un nombre, par exemple 2024.") in (
            response.content.decode()
        )

    @pytest.mark.parametrize("page", ["99", "abc"])
    def test_a_page_that_does_not_exist_is_a_404(self, client, page):
        idm_new_york()
        assert client.get(url("list"), {"page": page}).status_code == 404

    def test_past_events_are_twenty_a_page(self, client):
        for days in range(1, 23):
            start = timezone.now() - datetime.timedelta(days=days)
            EventFactory(start=start, end=start + datetime.timedelta(hours=1))
        response = client.get(url("list"))
        assert len(response.context["past_events"]) == 20
        assert len(client.get(url("list"), {"page": 2}).context["past_events"]) == 2


def idm_start():
    return datetime.datetime(2024, 5, 21, 10, tzinfo=NEW_YORK)


def idm_end():
    return datetime.datetime(2024, 5, 22, 18, tzinfo=NEW_YORK)


class TestEventPage:
    def test_the_page_gives_local_and_geneva_times_place_and_format(self, client):
        event = idm_new_york(venue_fr="Siège des Nations Unies", format="hybrid")
        response = client.get(event.get_absolute_url("fr"))
        html = response.content.decode()
        assert response.status_code == 200
        assert '<time datetime="2024-05-21T10:00:00-04:00">21 mai 2024, 10:00</time>' in html
        assert '<time datetime="2024-05-22T18:00:00-04:00">22 mai 2024, 18:00</time>' in html
        assert "UTC\N{MINUS SIGN}4" in html
        # The same moments in Geneva: 16:00 on the first day, midnight after the second.
        assert '<time datetime="2024-05-21T16:00:00+02:00">21 mai 2024, 16:00</time>' in html
        assert '<time datetime="2024-05-23T00:00:00+02:00">23 mai 2024, 00:00</time>' in html
        assert "Siège des Nations Unies, New York, États-Unis" in html
        assert "Hybrid" in html or "Hybride" in html
        assert f'href="{event.get_calendar_url("fr")}"' in html

    def test_an_event_in_geneva_does_not_repeat_its_times(self, client):
        event = EventFactory()
        html = client.get(event.get_absolute_url("fr")).content.decode()
        assert "event-facts__other-zone" not in html

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_page_exists_in_each_language(self, client, language):
        event = idm_new_york()
        response = client.get(url("detail", language, slug=event.slug))
        assert response.status_code == 200
        assert f'<html lang="{language}" dir="ltr">' in response.content.decode()

    def test_the_agenda_is_by_day_with_times_and_speakers(self, client):
        event = idm_new_york()
        opening = SessionFactory(
            event=event,
            title_fr="Ouverture",
            start=idm_start(),
            end=idm_start() + datetime.timedelta(hours=2),
        )
        SessionFactory(
            event=event,
            title_fr="Les voix des diasporas",
            start=datetime.datetime(2024, 5, 22, 10, tzinfo=NEW_YORK),
            end=datetime.datetime(2024, 5, 22, 13, tzinfo=NEW_YORK),
        )
        kofi = SpeakerFactory(name="Kofi Kinaata", affiliation_fr="Musicien ghanéen")
        ParticipationFactory(session=opening, speaker=kofi)
        ParticipationFactory(session=opening, speaker=SpeakerFactory(name="Ana"), role="moderator")
        html = client.get(event.get_absolute_url("fr")).content.decode()
        assert (
            html.index("Mardi 21 mai 2024")
            < html.index("Ouverture")
            < html.index("Mercredi 22 mai 2024")
            < html.index("Les voix des diasporas")
        )
        assert '<time datetime="2024-05-21T10:00:00-04:00">10:00</time>' in html
        assert "Kofi Kinaata" in html and "Musicien ghanéen" in html
        assert html.index("Ana") < html.index("Kofi Kinaata")  # moderators first

    def test_a_staff_speaker_links_to_their_page(self, client):
        event = idm_new_york()
        amy = Person.objects.create(name="Amy Pope", slug="amy-pope")
        ParticipationFactory(
            session=SessionFactory(event=event), speaker=Speaker.objects.create(person=amy)
        )
        html = client.get(event.get_absolute_url("fr")).content.decode()
        assert f'<a href="{amy.get_absolute_url()}">Amy Pope</a>' in html

    def test_the_page_lists_its_public_press_releases_only(self, client):
        event = idm_new_york()
        PressReleaseFactory(event=event, title_fr="L'OIM a accueilli le Dialogue")
        PressReleaseFactory(event=event, title_fr="Brouillon sur le Dialogue", draft=True)
        PressReleaseFactory(
            event=event,
            title_fr="Sous embargo",
            published_at=timezone.now() + datetime.timedelta(hours=1),
        )
        PressReleaseFactory(title_fr="Un autre sujet")
        response = client.get(event.get_absolute_url("fr"))
        html = response.content.decode()
        assert [r.title_fr for r in response.context["press_releases"]] == [
            "L'OIM a accueilli le Dialogue"
        ]
        assert escape("L'OIM a accueilli le Dialogue") in html
        assert "Brouillon sur le Dialogue" not in html and "Sous embargo" not in html

    def test_documents_are_listed_with_their_kind_and_language(self, client):
        document = DocumentFactory(title_fr="Note de cadrage", kind="concept_note", language="en")
        html = client.get(document.event.get_absolute_url("fr")).content.decode()
        assert "Note de cadrage" in html
        assert f'href="{document.file.url}" hreflang="en"' in html

    def test_an_approximate_event_has_its_period_and_no_calendar_link(self, client):
        event = EventFactory(approximate=True, period_label_fr="avant la fin de l'année")
        html = client.get(event.get_absolute_url("fr")).content.decode()
        assert escape("avant la fin de l'année") in html
        assert "calendar.ics" not in html.split("<main")[1]

    def test_a_draft_is_a_404_for_the_public(self, client):
        event = EventFactory(draft=True)
        assert client.get(event.get_absolute_url("fr")).status_code == 404

    def test_staff_see_a_draft_as_a_preview_not_indexed(self, admin_client):
        event = EventFactory(draft=True)
        html = admin_client.get(event.get_absolute_url("fr")).content.decode()
        assert 'class="preview-banner"' in html
        assert '<meta name="robots" content="noindex">' in html

    @pytest.mark.parametrize(
        "path",
        [
            "/fr/events/nope/",
            "/fr/events/series/nope/",
            "/fr/events/nope/calendar.ics",
            "/fr/events/2024-13-45/",
            "/fr/events/%E2%82%AC/",
        ],
    )
    def test_unknown_addresses_are_a_404(self, client, path):
        response = client.get(path)
        assert response.status_code == 404

    def test_the_number_of_queries_does_not_grow_with_the_agenda(
        self, client, settings, django_assert_max_num_queries
    ):
        settings.PAGE_CACHE_SECONDS = 0  # each request makes the page again
        event = idm_new_york(series=SeriesFactory())
        DocumentFactory(event=event)
        PressReleaseFactory(event=event)
        staff = Speaker.objects.create(person=Person.objects.create(name="Amy Pope", slug="ap"))
        ParticipationFactory(session=SessionFactory(event=event, start=idm_start()), speaker=staff)
        with django_assert_max_num_queries(100) as few:
            client.get(event.get_absolute_url("fr"))
        for hour in range(10):
            session = SessionFactory(
                event=event,
                start=idm_start() + datetime.timedelta(hours=hour),
                end=idm_start() + datetime.timedelta(hours=hour + 1),
            )
            ParticipationFactory.create_batch(3, session=session)
            person = Person.objects.create(name=f"Staff {hour}", slug=f"staff-{hour}")
            ParticipationFactory(session=session, speaker=Speaker.objects.create(person=person))
            DocumentFactory(event=event)
            PressReleaseFactory(event=event)
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(event.get_absolute_url("fr"))
        assert len(response.context["speakers"]) == 41
        assert len(few.captured_queries) <= 10, [q["sql"] for q in few.captured_queries]


class TestSeriesPage:
    def test_the_series_page_has_its_about_text_and_its_public_editions(self, client):
        series = SeriesFactory(about_fr="<p>Fondé en 2001.</p><ul><li>un point</li></ul>")
        idm_new_york(series=series)
        EventFactory(series=series, title_fr="Prochaine édition")
        EventFactory(series=series, title_fr="Édition en brouillon", draft=True)
        response = client.get(series.get_absolute_url("fr"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "<p>Fondé en 2001.</p><ul><li>un point</li></ul>" in html
        assert series.about_heading_fr in html
        assert [e.title_fr for e in response.context["editions"]] == [
            "Prochaine édition",
            "Dialogue international sur la migration 2024",
        ]
        assert "Édition en brouillon" not in html

    def test_the_about_text_is_in_the_readers_language(self, client):
        series = SeriesFactory()
        html = client.get(url("series", "en", slug=series.slug)).content.decode()
        assert "The About text of the series." in html


class TestReleasePage:
    """The release page shows the About text of its event's series (pressroom → events)."""

    def test_a_release_about_an_event_shows_the_series_about_text_and_links_the_event(self, client):
        series = SeriesFactory(
            about_heading_fr="À propos du Dialogue international sur la migration",
            about_fr="<p>Le Dialogue international sur la migration (IDM) offre un endroit.</p>",
        )
        event = idm_new_york(series=series)
        release = PressReleaseFactory(event=event)
        html = client.get(release.get_absolute_url("fr")).content.decode()
        assert "À propos du Dialogue international sur la migration</h2>" in html
        assert "<p>Le Dialogue international sur la migration (IDM) offre un endroit.</p>" in html
        assert f'href="{event.get_absolute_url("fr")}"' in html

    def test_the_about_text_is_in_the_language_the_release_is_shown_in(self, client):
        series = SeriesFactory()
        release = PressReleaseFactory(event=EventFactory(series=series))  # French only
        html = client.get(release.get_absolute_url("en")).content.decode()
        assert '<div class="rich-text" lang="fr"><p>Le texte « À propos » de la série.</p>' in html
        english = PressReleaseFactory(english=True, event=EventFactory(series=series))
        html = client.get(english.get_absolute_url("en")).content.decode()
        assert '<div class="rich-text" lang="en"><p>The About text of the series.</p>' in html

    def test_a_release_about_a_draft_event_does_not_show_it(self, client):
        release = PressReleaseFactory(event=EventFactory(draft=True, series=SeriesFactory()))
        html = client.get(release.get_absolute_url("fr")).content.decode()
        assert "release__about" not in html

    def test_a_release_without_an_event_has_no_about_section(self, client):
        html = client.get(PressReleaseFactory().get_absolute_url("fr")).content.decode()
        assert "release__about" not in html


class TestStaffSpeakersBothWays:
    """A member of staff who speaks at events: linked from the event, and listing them."""

    @pytest.fixture
    def claire(self):
        return Speaker.objects.create(person=Person.objects.create(name="Claire M", slug="claire"))

    def test_the_agenda_links_a_staff_speaker_to_their_page(self, client, claire):
        event = idm_new_york()
        ParticipationFactory(session=SessionFactory(event=event), speaker=claire, role="moderator")
        ParticipationFactory(
            session=SessionFactory(event=event), speaker=SpeakerFactory(name="Guest Speaker")
        )
        html = client.get(event.get_absolute_url("fr")).content.decode()
        agenda = html[html.index('id="agenda-heading"') : html.index('id="speakers-heading"')]
        assert '<dd><a href="/fr/qui-sommes-nous/personnes/claire/">Claire M</a></dd>' in agenda
        assert "<dd>Guest Speaker</dd>" in agenda  # external: no page, no link

    def test_their_page_lists_the_public_events_they_speak_at_once_each(self, client, claire):
        public = EventFactory(title_fr="Atelier public")
        ParticipationFactory(session=SessionFactory(event=public), speaker=claire)
        ParticipationFactory(session=SessionFactory(event=public), speaker=claire)
        draft = EventFactory(title_fr="Atelier en préparation", draft=True)
        ParticipationFactory(session=SessionFactory(event=draft), speaker=claire)
        EventFactory(title_fr="Sans elle")
        html = client.get(claire.person.get_absolute_url()).content.decode()
        assert 'id="events-heading">Intervient lors de</h2>' in html
        assert html.count("Atelier public</a>") == 1
        assert "Atelier en préparation" not in html and "Sans elle" not in html

    def test_someone_who_speaks_nowhere_has_no_events_section(self, client):
        person = Person.objects.create(name="Nobody", slug="nobody")
        assert "events-heading" not in client.get(person.get_absolute_url()).content.decode()

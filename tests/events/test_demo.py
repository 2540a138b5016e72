import datetime
import io
from zoneinfo import ZoneInfo

import pytest

from events import demo
from events.models import Event, Participation, Series, Session, Speaker

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
ABOUT_FIRST_SENTENCE = (
    "Le Dialogue international sur la migration (IDM) offre un endroit de discussion aux États "
    "membres et observateurs de l'OIM, ainsi qu'aux organisations internationales et non "
    "gouvernementales et à d'autres partenaires, pour partager leurs expériences et leurs points "
    "de vue sur les questions migratoires contemporaines afin de trouver des solutions pratiques "
    "et d'encourager une plus grande coopération."
)
ABOUT_LIST = (
    "<p>L'IDM offre une plateforme mondiale pour :</p><ul>"
    "<li>faire le point et discuter des questions actuelles et émergentes en matière de "
    "gouvernance des migrations</li>"
    "<li>échanger des expériences, des approches politiques et des pratiques efficaces en matière "
    "de solutions migratoires intégrées</li>"
    "<li>identifier les opportunités et formuler des recommandations pour accélérer les "
    "engagements mondiaux, en promouvant une migration humaine et ordonnée bénéfique pour "
    "tous.</li></ul>"
)


@pytest.fixture
def idm(demo_content):
    return Series.objects.get(slug="idm")


@pytest.fixture
def new_york(demo_content):
    return Event.objects.get(slug=demo.IDM_NEW_YORK_SLUG)


class TestIdmSeries:
    def test_the_french_about_text_is_the_seed_word_for_word_with_its_list(self, idm):
        assert idm.about_heading_fr == "À propos du Dialogue international sur la migration"
        assert idm.about_fr.startswith(f"<p>{ABOUT_FIRST_SENTENCE}</p>")
        assert "<p>Fondé en 2001 et inscrit dans la Constitution" in idm.about_fr
        assert idm.about_fr.endswith(ABOUT_LIST)

    def test_it_exists_in_three_languages_and_was_founded_in_2001(self, idm):
        assert idm.languages == ["fr", "en", "es"]
        assert idm.founded_year == 2001
        assert idm.about_en.count("<li>") == idm.about_es.count("<li>") == 3
        assert idm.about_heading_en == "About the International Dialogue on Migration"


class TestIdmEvents:
    def test_new_york_is_the_two_days_before_the_release_in_new_york_time(self, new_york):
        assert new_york.time_zone == "America/New_York"
        assert new_york.start.astimezone(NEW_YORK).date() == datetime.date(2024, 5, 21)
        assert new_york.end.astimezone(NEW_YORK).date() == datetime.date(2024, 5, 22)
        assert new_york.is_published() and new_york.series.slug == "idm"

    def test_the_four_areas_of_action_are_its_sessions(self, new_york):
        titles = list(new_york.sessions.values_list("title_fr", flat=True))
        assert len(titles) == 4
        assert titles[0].startswith("Action multilatérale et partenariats")
        assert titles[2] == "Les voix des migrants et des diasporas"
        assert [day for day, _sessions in new_york.agenda()] == [
            datetime.date(2024, 5, 21),
            datetime.date(2024, 5, 22),
        ]

    def test_only_the_goodwill_ambassador_who_took_part_is_a_speaker(self, new_york):
        speakers = [speaker.name for speaker in new_york.speakers()]
        assert speakers == ["Kofi Kinaata"]
        assert not Speaker.objects.filter(name__contains="Ferrera").exists()

    def test_the_second_session_in_geneva_has_an_approximate_period(self, demo_content):
        geneva = Event.objects.get(slug="idm-2024-geneva")
        assert geneva.is_approximate and geneva.is_published()
        assert geneva.period_label_fr == "avant la fin de 2024"
        assert geneva.period_end == datetime.date(2024, 12, 31)
        assert geneva.city_en == "Geneva"

    def test_every_demo_event_is_valid(self, demo_content):
        for event in Event.objects.all():
            event.full_clean()
        assert Event.objects.published().upcoming().filter(start__isnull=False).count() >= 2
        assert Event.objects.filter(status=Event.Status.DRAFT).exists()


class TestLoadingTwice:
    def test_loading_twice_creates_no_duplicates(self, demo_content):
        def counts():
            return [m.objects.count() for m in (Series, Event, Session, Speaker, Participation)]

        before = counts()
        out = io.StringIO()
        demo.load(stdout=out)
        assert counts() == before
        assert "0 created" in out.getvalue()

    def test_loading_again_keeps_an_editors_changes(self, new_york):
        new_york.title_en = "A title an editor rewrote"
        new_york.save()
        demo.load(stdout=io.StringIO())
        new_york.refresh_from_db()
        assert new_york.title_en == "A title an editor rewrote"


def test_the_seed_release_is_linked_to_the_new_york_event(django_db_blocker):
    from pressroom import demo as pressroom_demo
    from pressroom.models import PressRelease

    demo.load(stdout=io.StringIO())
    pressroom_demo.load(stdout=io.StringIO())
    release = PressRelease.objects.get(slug_fr__startswith="loim-a-accueilli-a-new-york")
    assert release.event.slug == demo.IDM_NEW_YORK_SLUG
    assert list(release.event.press_releases.published()) == [release]

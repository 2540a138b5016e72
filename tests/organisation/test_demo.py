import datetime
import io

import pytest
from django.utils import timezone

from organisation import demo
from organisation.models import Appointment, Person, Position, Profile, Unit
from pressroom.models import PressRelease

pytestmark = pytest.mark.django_db

# The seed page, "Qui sommes nous", word for word.
MISSION_FR = (
    "L'Organisation internationale pour les migrations (OIM) fait partie du système des Nations "
    "Unies et est la première organisation intergouvernementale à promouvoir depuis 1951 une "
    "migration humaine et ordonnée qui profite à tous, composée de 175 Etats membres et présente "
    "dans 171 pays."
)
SEED_STRUCTURE = [
    "Directrice générale adjointe chargée de la gestion et des réformes",
    "Directrice générale adjointe chargée des opérations",
    "Bureau du Chef de Cabinet",
    "Bureau des partenariats, de la sensibilisation et de la communication",
    "Bureau de la stratégie et de la performance institutionnelle",
]


def under(slug):
    return list(
        Unit.objects.filter(parent__slug=slug)
        .order_by("position")
        .values_list("name_en", flat=True)
    )


class TestStructure:
    def test_the_office_of_the_director_general_is_the_top(self, demo_content):
        [top] = Unit.objects.filter(parent=None)
        assert (top.name_fr, top.name_en) == (
            "Bureau de la Directrice générale",
            "Office of the Director General",
        )

    def test_the_offices_named_in_the_seed_report_to_it_in_its_order(self, demo_content):
        names = list(
            Unit.objects.filter(parent__slug="office-of-the-director-general")
            .order_by("position")
            .values_list("name_fr", flat=True)
        )
        assert names[:5] == SEED_STRUCTURE

    def test_the_independent_offices_report_to_the_director_general(self, demo_content):
        independent = Unit.objects.filter(kind=Unit.Kind.INDEPENDENT_OFFICE)
        assert {unit.parent.slug for unit in independent} == {"office-of-the-director-general"}
        assert sorted(independent.values_list("short_name_en", flat=True)) == [
            "Ethics",
            "Internal Oversight",
            "Legal Affairs",
            "Ombudsperson",
        ]

    @pytest.mark.parametrize(
        ("slug", "divisions"),
        [
            (
                "deputy-director-general-management-and-reform",
                [
                    "Financial and Administrative Management",
                    "Staff Health and Welfare",
                    "Global Shared Services",
                    "Change Management",
                    "Human Resources Management",
                    "Information and Communications Technology",
                    "Supply Chain",
                ],
            ),
            (
                "deputy-director-general-operations",
                [
                    "Humanitarian Response and Recovery",
                    "Protection",
                    "Data, Insight and Policy Coordination",
                    "Mobility Pathways and Inclusion",
                    "Climate Action",
                    "Staff Security",
                ],
            ),
            (
                "office-of-the-chief-of-staff",
                [
                    "Regional Coordination Support",
                    "Special Liaison Office in Addis Ababa",
                    "Regional offices",
                    "Country offices",
                ],
            ),
            (
                "office-of-partnerships-advocacy-and-communication",
                [
                    "Media and Communications",
                    "UN Network on Migration Secretariat",
                    "Partnerships, Member States Relations and Resource Mobilization",
                    "IOM Office to the United Nations in New York",
                    "Private Sector Partnerships",
                ],
            ),
        ],
    )
    def test_the_main_divisions_as_iom_publishes_them(self, demo_content, slug, divisions):
        assert under(slug) == divisions

    def test_every_unit_is_named_in_three_languages_and_numbered_in_order(self, demo_content):
        for unit in Unit.objects.all():
            assert unit.name_fr and unit.name_en and unit.name_es, unit.slug
        for parent in Unit.objects.all():
            positions = list(
                parent.children.order_by("position").values_list("position", flat=True)
            )
            assert positions == list(range(1, len(positions) + 1)), parent.slug


class TestPeopleAndProfile:
    def test_amy_pope_is_the_current_director_general(self, demo_content):
        post = Position.objects.get(unit__slug="office-of-the-director-general")
        assert post.title_for(post.holder_on(timezone.localdate()).person, "fr") == (
            "Directrice générale"
        )
        assert post.holder_on(timezone.localdate()).person.name == "Amy Pope"
        assert post.holder_on(datetime.date(2023, 5, 1)) is None  # the seed names no one before

    def test_no_other_holder_is_invented(self, demo_content):
        holders = Person.objects.filter(appointments__isnull=False).distinct()
        assert list(holders.values_list("name", flat=True)) == ["Amy Pope"]
        leadership = Position.objects.leadership()
        assert leadership.count() == 4
        assert Appointment.objects.count() == 1

    def test_the_profile_is_the_seeds(self, demo_content):
        profile = Profile.objects.get()
        assert profile.mission_statement_fr == MISSION_FR
        assert profile.mission_statement_en.startswith("The International Organization")
        assert profile.mission_statement_es.startswith("La Organización Internacional")
        assert (profile.founded_in, profile.member_states, profile.countries_present) == (
            1951,
            175,
            171,
        )
        assert profile.figures_checked_on == datetime.date(2024, 5, 23)

    def test_the_idm_release_was_issued_by_media_and_communications_and_quotes_amy_pope(
        self, demo_content
    ):
        release = PressRelease.objects.get(issuing_unit__isnull=False)
        assert release.title_fr.startswith("L'OIM a accueilli à New York le Dialogue")
        assert release.issuing_unit.slug == "media-and-communications"
        assert list(release.quoted_people.values_list("name", flat=True)) == ["Amy Pope"]


class TestLoadingTwice:
    def test_loading_twice_creates_nothing_new(self, demo_content):
        def counts():
            return [model.objects.count() for model in (Unit, Position, Person, Appointment)]

        before = counts()
        out = io.StringIO()
        demo.load(stdout=out)
        assert counts() == before
        assert "Units: 32, 0 created. Posts: 4, 0 created. People: 2, 0 created." in (
            out.getvalue()
        )

    def test_loading_again_keeps_an_editors_changes(self, demo_content):
        unit = Unit.objects.get(slug="protection")
        unit.name_en = "Protection Division"
        unit.save()
        post = Position.objects.get(unit__slug="office-of-the-chief-of-staff")
        post.title_en = "Chief of Staff (renamed)"
        post.save()
        demo.load(stdout=io.StringIO())
        assert Unit.objects.get(slug="protection").name_en == "Protection Division"
        assert Position.objects.filter(unit__slug="office-of-the-chief-of-staff").count() == 1


class TestDemoLook:
    def test_the_vacant_leadership_posts_stay_vacant(self, demo_content):
        today = timezone.localdate()
        posts = Position.objects.leadership().with_holders(today)
        assert [bool(post.holders) for post in posts.order_by("unit__position")].count(True) == 1

    def test_the_director_general_s_title_takes_her_form_in_each_language(self, demo_content):
        post = Position.objects.get(unit__slug="office-of-the-director-general")
        amy = Person.objects.get(slug="amy-pope")
        titles = [post.title_for(amy, code) for code in ("fr", "en", "es")]
        assert titles == ["Directrice générale", "Director General", "Directora General"]
        assert post.title_fr == "Directeur général ou directrice générale"  # while vacant

    def test_the_fictional_speaker_is_staff_with_a_drawn_portrait_and_no_post(self, demo_content):
        claire = Person.objects.get(slug="claire-martin")
        assert claire.photo and not claire.appointments.exists()
        assert (
            claire.photo_alt_en
            == "Drawn placeholder portrait: the outline of a head and shoulders."
        )
        assert claire.speaker.participations.count() == 2

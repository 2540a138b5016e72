import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from organisation.models import Appointment, Profile, Unit
from pressroom.models import PressRelease
from tests.core.notices import public_page_notices
from tests.factories import (
    AppointmentFactory,
    PersonFactory,
    PositionFactory,
    ProfileFactory,
    StaffUserFactory,
    UnitFactory,
)
from tests.pressroom.test_admin import release_form

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    return reverse(f"admin:organisation_{name}", args=args)


def unit_form(**overrides):
    data = {
        "name_fr": "Protection",
        "name_en": "Protection",
        "name_es": "Protección",
        "short_name_fr": "",
        "short_name_en": "",
        "short_name_es": "",
        "mandate_fr": "",
        "mandate_en": "",
        "mandate_es": "",
        "slug": "protection",
        "kind": "division",
        "parent": "",
    }
    return data | overrides


@pytest.fixture
def office():
    """Office ─ B ─ B1, then A: positions put B before A whatever their creation order."""
    office = UnitFactory(name_en="Office", slug="office", kind="office")
    UnitFactory(parent=office, position=2, name_en="A", slug="a")
    b = UnitFactory(parent=office, position=1, name_en="B", slug="b")
    UnitFactory(parent=b, name_en="B1", slug="b1")
    return office


def names_under(parent):
    return list(
        Unit.objects.filter(parent=parent).order_by("position").values_list("name_en", flat=True)
    )


class TestUnitAdmin:
    def test_the_changelist_shows_the_tree_in_order_indented_by_depth(self, admin_client, office):
        with_english = admin_client.get(
            admin_url("unit_changelist"), headers={"accept-language": "en"}
        )
        html = with_english.content.decode()
        indent = "\u2003\u2003"
        rows = [
            html.index(f">{prefix}{name}</a>")
            for prefix, name in [
                ("", "Office"),
                (f"{indent}└ ", "B"),
                (f"{indent * 2}└ ", "B1"),
                (f"{indent}└ ", "A"),
            ]
        ]
        assert rows == sorted(rows)

    def test_a_new_unit_goes_last_under_its_parent(self, admin_client, office):
        response = admin_client.post(admin_url("unit_add"), unit_form(parent=office.pk))
        assert response.status_code == 302
        assert names_under(office) == ["B", "A", "Protection"]
        assert Unit.objects.get(slug="protection").position == 3

    def test_moving_a_unit_under_one_of_its_sub_units_is_a_form_error(self, admin_client, office):
        b = Unit.objects.get(slug="b")
        data = unit_form(name_en="B", slug="b", parent=Unit.objects.get(slug="b1").pk)
        response = admin_client.post(admin_url("unit_change", b.pk), data)
        assert response.status_code == 200
        form = response.context["adminform"].form
        assert form.errors["parent"] == [
            "Une unité ne peut relever ni d'elle-même ni de l'une de ses propres sous-unités."
        ]
        b.refresh_from_db()
        assert b.parent == office

    def test_a_unit_cannot_report_to_itself_either(self, admin_client, office):
        response = admin_client.post(
            admin_url("unit_change", office.pk), unit_form(slug="office", parent=office.pk)
        )
        assert response.status_code == 200
        assert "parent" in response.context["adminform"].form.errors

    def test_moving_a_unit_renumbers_both_families(self, admin_client, office):
        b = Unit.objects.get(slug="b")
        data = unit_form(name_en="B", slug="b", parent=Unit.objects.get(slug="a").pk)
        assert admin_client.post(admin_url("unit_change", b.pk), data).status_code == 302
        assert names_under(office) == ["A"]
        assert Unit.objects.get(slug="a").position == 1
        assert names_under(Unit.objects.get(slug="a")) == ["B"]

    def test_the_arrows_move_a_unit_among_its_siblings(self, admin_client, office):
        a = Unit.objects.get(slug="a")
        response = admin_client.post(admin_url("unit_shift", a.pk, "up"))
        assert response.status_code == 302
        assert names_under(office) == ["A", "B"]
        admin_client.post(admin_url("unit_shift", a.pk, "down"))
        assert names_under(office) == ["B", "A"]

    def test_a_save_and_a_click_on_an_arrow_each_tell_the_caches_once(self, admin_client, office):
        b = Unit.objects.get(slug="b")
        data = unit_form(name_en="B renamed", slug="b", parent=office.pk)
        with public_page_notices() as saved:
            assert admin_client.post(admin_url("unit_change", b.pk), data).status_code == 302
        with public_page_notices() as moved:
            admin_client.post(admin_url("unit_shift", b.pk, "down"))
        assert (len(saved), len(moved)) == (1, 1)
        assert names_under(office) == ["A", "B renamed"]

    def test_the_arrows_change_nothing_on_a_get(self, admin_client, office):
        a = Unit.objects.get(slug="a")
        assert admin_client.get(admin_url("unit_shift", a.pk, "up")).status_code == 405
        assert names_under(office) == ["B", "A"]

    def test_the_arrows_need_the_permission_to_change_units(self, client, office):
        client.force_login(StaffUserFactory(username="viewer"))
        a = Unit.objects.get(slug="a")
        assert client.post(admin_url("unit_shift", a.pk, "up")).status_code == 403
        assert names_under(office) == ["B", "A"]

    def test_the_arrows_of_an_unknown_unit_lead_back_to_the_list(self, admin_client):
        response = admin_client.post(admin_url("unit_shift", 999999, "up"))
        assert response.status_code == 302


def appointments_form(position, rows, existing=()):
    """The POST data of a position's change form with its appointments inline."""
    data = {
        "title_fr": position.title_fr,
        "title_en": position.title_en,
        "title_es": position.title_es,
        "unit": position.unit_id,
        "in_leadership_team": "on",
        "appointments-TOTAL_FORMS": len(rows),
        "appointments-INITIAL_FORMS": len(existing),
        "appointments-MIN_NUM_FORMS": 0,
        "appointments-MAX_NUM_FORMS": 1000,
    }
    for index, (person, start, end, interim) in enumerate(rows):
        prefix = f"appointments-{index}-"
        data |= {
            f"{prefix}person": person.pk,
            f"{prefix}start_date": start,
            f"{prefix}end_date": end,
            f"{prefix}position": position.pk,
        }
        if interim:
            data[f"{prefix}interim"] = "on"
        if index < len(existing):
            data[f"{prefix}id"] = existing[index].pk
    return data


class TestPositionAdmin:
    def test_appointments_are_edited_on_the_position(self, admin_client):
        post = PositionFactory()
        before, interim = PersonFactory(), PersonFactory()
        rows = [(before, "2018-10-01", "2023-09-30", False), (interim, "2023-10-01", "", True)]
        response = admin_client.post(
            admin_url("position_change", post.pk), appointments_form(post, rows)
        )
        assert response.status_code == 302
        assert post.holder_on(datetime.date(2024, 1, 1)).person == interim
        assert post.holder_on(datetime.date(2023, 5, 1)).person == before

    @pytest.mark.parametrize("second_start", ["2023-09-30", "2020-01-01"])
    def test_two_holders_on_the_same_day_is_a_form_error(self, admin_client, second_start):
        post = PositionFactory()
        rows = [
            (PersonFactory(), "2018-10-01", "2023-09-30", False),
            (PersonFactory(), second_start, "", True),
        ]
        response = admin_client.post(
            admin_url("position_change", post.pk), appointments_form(post, rows)
        )
        assert response.status_code == 200
        assert "un poste n&#x27;a qu&#x27;un seul titulaire à la fois" in response.content.decode()
        assert not Appointment.objects.exists()

    def test_a_handover_can_be_moved_in_one_save(self, admin_client):
        """Shorten one appointment and start the next earlier, in the same form."""
        post = PositionFactory()
        first = AppointmentFactory(
            position=post,
            start_date=datetime.date(2018, 10, 1),
            end_date=datetime.date(2023, 9, 30),
        )
        second = AppointmentFactory(position=post, start_date=datetime.date(2023, 10, 1))
        rows = [
            (second.person, "2023-09-16", "", False),
            (first.person, "2018-10-01", "2023-09-15", False),
        ]
        response = admin_client.post(
            admin_url("position_change", post.pk),
            appointments_form(post, rows, existing=[second, first]),
        )
        assert response.status_code == 302
        assert post.holder_on(datetime.date(2023, 9, 16)).person == second.person

    def test_an_end_before_the_start_is_a_form_error(self, admin_client):
        post = PositionFactory()
        rows = [(PersonFactory(), "2024-01-02", "2024-01-01", False)]
        response = admin_client.post(
            admin_url("position_change", post.pk), appointments_form(post, rows)
        )
        assert response.status_code == 200
        assert "La date de fin ne peut pas être antérieure à la date de début." in (
            response.content.decode()
        )

    def test_a_new_post_goes_last_in_its_unit_and_the_arrows_reorder(self, admin_client):
        unit = UnitFactory()
        director = PositionFactory(unit=unit, order=1)
        data = appointments_form(PositionFactory.build(unit=unit, title_en="Adviser"), [])
        assert admin_client.post(admin_url("position_add"), data).status_code == 302
        adviser = unit.positions.get(title_en="Adviser")
        assert adviser.order == 2
        admin_client.post(admin_url("position_shift", adviser.pk, "up"))
        assert list(unit.positions.order_by("order")) == [adviser, director]

    def test_a_save_with_its_appointments_tells_the_caches_once(self, admin_client):
        position = PositionFactory()
        rows = [(PersonFactory(), "2024-01-01", "", False)]
        data = appointments_form(position, rows)
        with public_page_notices() as saved:
            assert (
                admin_client.post(admin_url("position_change", position.pk), data).status_code
                == 302
            )
        with public_page_notices() as moved:
            admin_client.post(admin_url("position_shift", position.pk, "up"))
        assert (len(saved), len(moved)) == (1, 1)
        assert position.appointments.count() == 1

    def test_the_changelist_shows_current_holders(self, admin_client):
        AppointmentFactory(person=PersonFactory(name="Amy Pope"))
        assert "Amy Pope" in admin_client.get(admin_url("position_changelist")).content.decode()


class TestProfileAdmin:
    def test_the_list_leads_to_the_one_profile(self, admin_client):
        ProfileFactory()
        response = admin_client.get(admin_url("profile_changelist"))
        assert response["Location"] == admin_url("profile_change", 1)

    def test_no_second_profile_and_no_deleting_the_first(self, admin_client):
        ProfileFactory()
        assert admin_client.get(admin_url("profile_add")).status_code == 403
        assert admin_client.get(admin_url("profile_delete", 1)).status_code == 403

    def test_the_figures_are_edited_with_their_date(self, admin_client):
        ProfileFactory()
        profile = Profile.objects.get()
        data = {
            "mission_statement_fr": profile.mission_statement_fr,
            "mission_statement_en": profile.mission_statement_en,
            "mission_statement_es": profile.mission_statement_es,
            "founded_in": 1951,
            "member_states": 176,
            "countries_present": 171,
            "figures_checked_on": "2025-01-15",
        }
        assert admin_client.post(admin_url("profile_change", 1), data).status_code == 302
        profile.refresh_from_db()
        assert (profile.member_states, profile.figures_checked_on) == (
            176,
            datetime.date(2025, 1, 15),
        )


class TestReleaseAdmin:
    def test_a_release_names_its_office_and_the_people_it_quotes(self, admin_client):
        office = UnitFactory(name_en="Media and Communications")
        amy = PersonFactory(name="Amy Pope")
        response = admin_client.post(
            reverse("admin:pressroom_pressrelease_add"),
            release_form(issuing_unit=office.pk, quoted_people=[amy.pk]),
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
        release = PressRelease.objects.get()
        assert release.issuing_unit == office
        assert list(release.quoted_people.all()) == [amy]

    @pytest.mark.parametrize(
        ("field", "term", "found"),
        [
            ("issuing_unit", "media", "Media and Communications"),
            ("quoted_people", "pope", "Amy Pope"),
        ],
    )
    def test_office_and_people_are_found_by_autocomplete(self, admin_client, field, term, found):
        UnitFactory(name_en="Media and Communications")
        PersonFactory(name="Amy Pope")
        response = admin_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "pressroom",
                "model_name": "pressrelease",
                "field_name": field,
                "term": term,
            },
            headers={"accept-language": "en"},
        )
        assert [result["text"] for result in response.json()["results"]] == [found]


class TestPersonAdmin:
    def test_a_persons_page_lists_the_posts_they_held(self, admin_client):
        appointment = AppointmentFactory(position=PositionFactory(title_en="Director General"))
        response = admin_client.get(
            admin_url("person_change", appointment.person.pk), headers={"accept-language": "en"}
        )
        assert "Director General" in response.content.decode()

    def test_a_photo_without_a_description_is_a_form_error(self, admin_client):
        data = {
            "name": "Amy Pope",
            "slug": "amy-pope",
            "photo_alt_fr": "",
            "photo_alt_en": "",
            "photo_alt_es": "",
            "biography_fr": "",
            "biography_en": "",
            "biography_es": "",
            "photo": portrait(),
            "appointments-TOTAL_FORMS": 0,
            "appointments-INITIAL_FORMS": 0,
        }
        response = admin_client.post(admin_url("person_add"), data)
        assert response.status_code == 200
        assert "Décrivez la photo pour les personnes qui ne peuvent pas la voir." in (
            response.content.decode()
        )


def portrait():
    """A small JPEG upload."""
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "navy").save(buffer, "JPEG")
    return SimpleUploadedFile("amy.jpg", buffer.getvalue(), content_type="image/jpeg")

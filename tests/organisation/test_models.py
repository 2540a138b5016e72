import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from organisation import tree
from organisation.models import Appointment, Profile, Unit
from tests.factories import (
    AppointmentFactory,
    PersonFactory,
    PositionFactory,
    ProfileFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a PostgreSQL trigger or exclusion constraint"
)


def chain(length):
    """Units each under the previous one: [top, child, grandchild, …]."""
    units = [UnitFactory()]
    for _ in range(length - 1):
        units.append(UnitFactory(parent=units[-1]))
    return units


def refused():
    """The database refuses the write; the savepoint keeps the test's transaction usable."""
    return pytest.raises(IntegrityError)


class TestTheTreeInTheDatabase:
    def test_a_unit_cannot_be_its_own_parent(self):
        unit = UnitFactory()
        with refused(), transaction.atomic():
            Unit.objects.filter(pk=unit.pk).update(parent=unit)

    @on_postgresql
    def test_postgresql_refuses_a_unit_that_is_its_own_ancestor(self):
        top, _middle, bottom = chain(3)
        with refused(), transaction.atomic():
            Unit.objects.filter(pk=top.pk).update(parent=bottom)
        top.refresh_from_db()
        assert top.parent is None

    @on_postgresql
    def test_postgresql_accepts_a_move_that_makes_no_cycle(self):
        top, middle, bottom = chain(3)
        Unit.objects.filter(pk=bottom.pk).update(parent=top)
        bottom.refresh_from_db()
        assert bottom.parent == top

    def test_siblings_cannot_share_a_position(self):
        parent = UnitFactory()
        UnitFactory(parent=parent, position=1)
        with refused(), transaction.atomic():
            UnitFactory(parent=parent, position=1)

    def test_units_at_the_top_cannot_share_a_position_either(self):
        UnitFactory(position=1)
        with refused(), transaction.atomic():
            UnitFactory(position=1)

    def test_units_under_different_parents_may_share_a_position(self):
        first, second = UnitFactory(), UnitFactory()
        UnitFactory(parent=first, position=1)
        UnitFactory(parent=second, position=1)

    def test_slugs_are_unique(self):
        UnitFactory(slug="protection")
        with refused(), transaction.atomic():
            UnitFactory(slug="protection")

    def test_a_unit_is_named_in_every_language(self):
        with refused(), transaction.atomic():
            UnitFactory(name_es="")

    def test_validation_explains_a_cycle_on_the_parent_field(self):
        top, _middle, bottom = chain(3)
        top.parent = bottom
        with pytest.raises(ValidationError) as error:
            top.full_clean()
        assert error.value.message_dict["parent"] == [
            "Une unité ne peut relever ni d'elle-même ni de l'une de ses propres sous-unités."
        ]

    def test_a_unit_with_sub_units_cannot_be_deleted(self):
        top, _middle = chain(2)
        with pytest.raises(ProtectedError):
            top.delete()


class TestTheTreeInPython:
    def test_the_whole_tree_is_nested_in_one_query(self, django_assert_num_queries):
        top = UnitFactory(name_en="Top")
        second = UnitFactory(parent=top, position=2, name_en="Second")
        first = UnitFactory(parent=top, position=1, name_en="First")
        UnitFactory(parent=first, name_en="Under first")
        with django_assert_num_queries(1):
            [root] = Unit.objects.tree()
            names = [(unit.name_en, unit.depth) for unit in tree.walk([root])]
        assert names == [("Top", 0), ("First", 1), ("Under first", 2), ("Second", 1)]
        assert root.subunits == [first, second]

    def test_nested_lists_close_every_level_they_open(self):
        def node(pk, parent=None):
            return SimpleNamespace(pk=pk, parent_id=parent)

        # 1 ─ 2 ─ 3
        #   │   └ 4
        #   └ 5
        # 6
        units = tree.as_nested_list(
            tree.nest([node(1), node(2, 1), node(3, 2), node(4, 2), node(5, 1), node(6)])
        )
        closes = {unit.pk: len(unit.closes) for unit in units}
        assert closes == {1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 0}

    def test_a_very_deep_tree_is_walked_without_recursion(self):
        units = [SimpleNamespace(pk=n, parent_id=n - 1 if n else None) for n in range(5000)]
        walked = tree.as_nested_list(tree.nest(units))
        assert walked[-1].depth == 4999
        assert len(walked[-1].closes) == 4999

    def test_ancestors_are_listed_from_the_top_down(self):
        units = {unit.pk: unit for unit in chain(4)}
        top, second, third, fourth = units.values()
        assert tree.ancestors(fourth, units) == [top, second, third]
        assert tree.ancestors(top, units) == []


class TestAppointments:
    @pytest.fixture
    def director_general(self):
        """A fictional history: a DG until 30 September 2023, an interim, then a new DG."""
        post = PositionFactory(title_en="Director General")
        AppointmentFactory(
            position=post,
            person=PersonFactory(name="Ana Antes"),
            start_date=datetime.date(2018, 10, 1),
            end_date=datetime.date(2023, 9, 30),
        )
        AppointmentFactory(
            position=post,
            person=PersonFactory(name="Ivo Interim"),
            interim=True,
            start_date=datetime.date(2023, 10, 1),
            end_date=datetime.date(2023, 10, 15),
        )
        AppointmentFactory(
            position=post,
            person=PersonFactory(name="Nora Nueva"),
            start_date=datetime.date(2023, 10, 16),
        )
        return post

    @pytest.mark.parametrize(
        ("day", "holder"),
        [
            (datetime.date(2018, 9, 30), None),
            (datetime.date(2018, 10, 1), "Ana Antes"),
            (datetime.date(2023, 5, 1), "Ana Antes"),
            (datetime.date(2023, 9, 30), "Ana Antes"),  # the end date is her last day
            (datetime.date(2023, 10, 1), "Ivo Interim"),
            (datetime.date(2023, 10, 16), "Nora Nueva"),
            (datetime.date(2030, 1, 1), "Nora Nueva"),
        ],
    )
    def test_who_held_the_post_on_a_date_has_one_answer(self, director_general, day, holder):
        held = Appointment.objects.filter(position=director_general).held_on(day)
        assert [appointment.person.name for appointment in held] == ([holder] if holder else [])
        found = director_general.holder_on(day)
        assert (found.person.name if found else None) == holder

    def test_the_ad_interim_holder_is_marked_as_such(self, director_general):
        assert director_general.holder_on(datetime.date(2023, 10, 5)).interim

    def test_current_past_and_upcoming_are_relative_to_a_date(self, director_general):
        appointments = Appointment.objects.filter(position=director_general)
        day = datetime.date(2023, 10, 10)
        assert [a.person.name for a in appointments.current(at=day)] == ["Ivo Interim"]
        assert [a.person.name for a in appointments.past(at=day)] == ["Ana Antes"]
        assert [a.person.name for a in appointments.upcoming(at=day)] == ["Nora Nueva"]
        assert [a.person.name for a in appointments.current()] == ["Nora Nueva"]

    def test_the_database_refuses_an_end_before_the_start(self):
        with refused(), transaction.atomic():
            AppointmentFactory(
                start_date=datetime.date(2024, 1, 2), end_date=datetime.date(2024, 1, 1)
            )

    def test_validation_explains_an_end_before_the_start(self):
        appointment = AppointmentFactory.build(
            person=PersonFactory(),
            position=PositionFactory(),
            start_date=datetime.date(2024, 1, 2),
            end_date=datetime.date(2024, 1, 1),
        )
        with pytest.raises(ValidationError, match="La date de fin ne peut pas être antérieure"):
            appointment.full_clean()

    def test_a_post_may_be_held_for_a_single_day(self):
        day = datetime.date(2024, 1, 1)
        appointment = AppointmentFactory(start_date=day, end_date=day)
        assert appointment.position.holder_on(day) == appointment

    @on_postgresql
    @pytest.mark.parametrize("interim", [False, True])
    def test_postgresql_refuses_two_holders_of_a_post_on_the_same_day(self, interim):
        first = AppointmentFactory(
            start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2023, 12, 31)
        )
        with refused(), transaction.atomic():
            AppointmentFactory(
                position=first.position, interim=interim, start_date=datetime.date(2023, 12, 31)
            )
            # The constraint is checked at commit; the tests never commit, so ask for it now.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS appointment_one_holder_a_day IMMEDIATE")

    @on_postgresql
    def test_postgresql_accepts_a_holder_from_the_day_after(self):
        first = AppointmentFactory(
            start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2023, 12, 31)
        )
        AppointmentFactory(position=first.position, start_date=datetime.date(2024, 1, 1))
        AppointmentFactory(start_date=datetime.date(2023, 6, 1))  # another post
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS appointment_one_holder_a_day IMMEDIATE")


class TestPeopleAndProfile:
    def test_a_photo_needs_a_description(self):
        with refused(), transaction.atomic():
            PersonFactory(photo="people/amy.jpg", photo_alt_fr="")
        PersonFactory(photo="people/amy.jpg", photo_alt_fr="Amy Pope à la tribune")

    def test_there_is_one_profile_and_only_one(self):
        assert ProfileFactory() == ProfileFactory()  # the same row
        with refused(), transaction.atomic():
            ProfileFactory(id=2)
        assert Profile.objects.count() == 1

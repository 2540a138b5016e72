import pytest
from django.core.exceptions import ValidationError

from organisation import services
from organisation.models import Position, Unit
from tests.core.notices import public_page_notices
from tests.factories import PositionFactory, UnitFactory

pytestmark = pytest.mark.django_db


def names_under(parent):
    """The English names of the units under `parent`, in order, with their positions."""
    units = Unit.objects.filter(parent=parent).order_by("position")
    return [(unit.name_en, unit.position) for unit in units]


def new_unit(name, parent=None, position=None):
    return services.unit_create(
        parent=parent,
        position=position,
        name_fr=name,
        name_en=name,
        name_es=name,
        slug=name.lower().replace(" ", "-"),
    )


@pytest.fixture
def office():
    """An office with divisions A, B and C, and a sub-unit A1 under A."""
    office = new_unit("Office")
    a, _b, _c = (new_unit(name, office) for name in ("A", "B", "C"))
    new_unit("A1", a)
    return office


def unit(name):
    return Unit.objects.get(name_en=name)


class TestPlacingUnits:
    def test_a_new_unit_goes_last_among_its_siblings(self, office):
        assert names_under(office) == [("A", 1), ("B", 2), ("C", 3)]

    def test_a_new_unit_can_be_put_in_any_place(self, office):
        new_unit("First", office, position=1)
        assert names_under(office) == [("First", 1), ("A", 2), ("B", 3), ("C", 4)]

    def test_a_place_beyond_the_end_means_last(self, office):
        new_unit("Far", office, position=99)
        assert names_under(office)[-1] == ("Far", 4)

    def test_moving_a_unit_within_its_siblings_renumbers_them(self, office):
        services.unit_move(unit=unit("C"), new_parent=office, position=1)
        assert names_under(office) == [("C", 1), ("A", 2), ("B", 3)]

    def test_moving_to_another_parent_closes_the_gap_it_leaves(self, office):
        moved = services.unit_move(unit=unit("B"), new_parent=unit("A"))
        assert moved.parent == unit("A")
        assert names_under(office) == [("A", 1), ("C", 2)]
        assert names_under(unit("A")) == [("A1", 1), ("B", 2)]

    def test_a_sub_unit_moves_with_its_parent(self, office):
        services.unit_move(unit=unit("A"), new_parent=unit("C"))
        assert unit("A1").parent == unit("A")
        assert unit("A").parent == unit("C")

    def test_a_unit_can_move_to_the_top(self, office):
        services.unit_move(unit=unit("B"), new_parent=None)
        assert names_under(None) == [("Office", 1), ("B", 2)]

    def test_a_move_saves_the_units_other_changes(self, office):
        b = unit("B")
        b.name_en = "B renamed"
        services.unit_move(unit=b, new_parent=office)
        assert names_under(office) == [("A", 1), ("B renamed", 2), ("C", 3)]

    @pytest.mark.parametrize(
        ("moving", "target"),
        [("Office", "Office"), ("Office", "A"), ("Office", "A1"), ("A", "A1")],
    )
    def test_a_unit_cannot_move_under_itself_or_its_sub_units(self, office, moving, target):
        with pytest.raises(ValidationError) as error:
            services.unit_move(unit=unit(moving), new_parent=unit(target))
        assert error.value.message_dict["parent"] == [
            "Une unité ne peut relever ni d'elle-même ni de l'une de ses propres sous-unités."
        ]
        assert names_under(None) == [("Office", 1)]
        assert names_under(office) == [("A", 1), ("B", 2), ("C", 3)]
        assert unit("A1").parent == unit("A")

    def test_a_refused_move_changes_nothing(self, office):
        a = unit("A")
        a.slug = "not a slug!"  # invalid: full_clean() refuses it inside the transaction
        with pytest.raises(ValidationError):
            services.unit_move(unit=a, new_parent=unit("C"), position=1)
        assert names_under(office) == [("A", 1), ("B", 2), ("C", 3)]
        assert unit("A").parent == office

    def test_numbers_left_with_gaps_are_tidied_by_the_next_move(self):
        top = UnitFactory(name_en="Top")
        for position, name in [(10, "Ten"), (20, "Twenty"), (30, "Thirty")]:
            UnitFactory(parent=top, position=position, name_en=name)
        services.unit_move(unit=unit("Thirty"), new_parent=top, position=2)
        assert names_under(top) == [("Ten", 1), ("Thirty", 2), ("Twenty", 3)]


class TestShifting:
    def test_a_unit_moves_up_and_down_one_place(self, office):
        services.unit_shift(unit=unit("B"), by=-1)
        assert names_under(office) == [("B", 1), ("A", 2), ("C", 3)]
        services.unit_shift(unit=unit("B"), by=1)
        services.unit_shift(unit=unit("B"), by=1)
        assert names_under(office) == [("A", 1), ("C", 2), ("B", 3)]

    def test_shifting_past_either_end_leaves_it_there(self, office):
        services.unit_shift(unit=unit("A"), by=-1)
        services.unit_shift(unit=unit("C"), by=1)
        assert names_under(office) == [("A", 1), ("B", 2), ("C", 3)]


class TestPlacingPosts:
    def titles(self, unit):
        return list(
            Position.objects.filter(unit=unit).order_by("order").values_list("title_en", "order")
        )

    def new_post(self, unit, title, order=None):
        post = Position(title_fr=title, title_en=title, title_es=title)
        return services.position_move(position=post, new_unit=unit, order=order)

    def test_posts_are_numbered_in_their_unit_and_can_be_reordered(self):
        office = UnitFactory()
        for title in ("Director", "Deputy", "Adviser"):
            self.new_post(office, title)
        assert self.titles(office) == [("Director", 1), ("Deputy", 2), ("Adviser", 3)]
        services.position_shift(position=Position.objects.get(title_en="Adviser"), by=-1)
        assert self.titles(office) == [("Director", 1), ("Adviser", 2), ("Deputy", 3)]

    def test_a_post_moved_to_another_unit_goes_last_there(self):
        first, second = UnitFactory(), UnitFactory()
        self.new_post(first, "Director")
        moving = self.new_post(first, "Adviser")
        PositionFactory(unit=second, title_en="Head", order=1)
        services.position_move(position=moving, new_unit=second)
        assert self.titles(first) == [("Director", 1)]
        assert self.titles(second) == [("Head", 1), ("Adviser", 2)]


def test_each_move_tells_the_caches_of_public_pages_once(office):
    a, c = Unit.objects.get(name_en="A"), Unit.objects.get(name_en="C")
    post = PositionFactory(unit=a)
    calls = {
        "unit_create": lambda: new_unit("D", parent=office, position=1),
        "unit_move": lambda: services.unit_move(unit=c, new_parent=a),
        "unit_shift": lambda: services.unit_shift(unit=a, by=1),
        "position_move": lambda: services.position_move(position=post, new_unit=c),
        "position_shift": lambda: services.position_shift(position=post, by=-1),
    }
    counts = {}
    for name, call in calls.items():
        with public_page_notices() as notices:
            call()
        counts[name] = len(notices)
    assert counts == dict.fromkeys(calls, 1)

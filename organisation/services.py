"""Writes that span rows: a unit's place in the tree, a post's place among the posts of its unit.

Every change of parent or order goes through here (the admin included), so that siblings stay
numbered 1, 2, 3… and no move ever makes a cycle. Plain edits of names and texts are ordinary
saves. Each move tells the caches of public pages once (`core.public_pages.changed()`), as any
change in the admin does; the admins that call these do not tell them again
(`clears_public_pages_on_save = False`). A unit is named on release pages (issued by), so its
moves and edits change every page (ALL); a post only lists, organisation and people pages (LISTS).
"""

from typing import Any, TypeVar

from django.db import transaction
from django.db.models import QuerySet

from core import public_pages

from .models import Position, Unit

# A row numbered among its siblings: a unit (`position`) or a post (`order`).
Numbered = TypeVar("Numbered", Unit, Position)


@transaction.atomic
def unit_move(*, unit: Unit, new_parent: Unit | None, position: int | None = None) -> Unit:
    """Put `unit` under `new_parent` (None: at the top) and save it, with its other changes.

    `position` is its place among its new siblings, 1 first; None keeps its place when the
    parent does not change and puts it last otherwise. An unsaved unit is placed the same way.
    Raises ValidationError (on `parent`) when `new_parent` is the unit or one of its sub-units.
    """
    _lock_tree()
    moved = unit.pk is not None
    old_parent_id = (
        Unit.objects.filter(pk=unit.pk).values_list("parent_id", flat=True).first()
        if moved
        else None
    )
    unit.parent = new_parent
    _save_in_place(
        unit, field="position", place=position, group=Unit.objects.filter(parent=new_parent)
    )  # full_clean() checks cycles
    if moved and old_parent_id != unit.parent_id:
        _renumber(
            list(Unit.objects.filter(parent_id=old_parent_id).order_by("position", "pk")),
            "position",
        )
    public_pages.changed()
    return unit


def unit_create(*, parent: Unit | None = None, position: int | None = None, **fields: Any) -> Unit:
    """A new unit under `parent`, at `position` among its siblings (None: last)."""
    return unit_move(unit=Unit(**fields), new_parent=parent, position=position)


@transaction.atomic
def unit_shift(*, unit: Unit, by: int) -> Unit:
    """Move `unit` `by` places among its siblings: -1 is up one, 1 is down one."""
    _lock_tree()
    siblings = list(
        Unit.objects.filter(parent_id=unit.parent_id)
        .order_by("position", "pk")
        .values_list("pk", flat=True)
    )
    place = siblings.index(unit.pk) + 1 + by
    return unit_move(unit=unit, new_parent=unit.parent, position=max(place, 1))


@transaction.atomic
def position_move(*, position: Position, new_unit: Unit, order: int | None = None) -> Position:
    """Put the post `position` in `new_unit` at `order` among its posts, and save it.

    `order` works like unit_move's `position`; an unsaved post is placed the same way.
    """
    old_unit_id = (
        Position.objects.filter(pk=position.pk).values_list("unit_id", flat=True).first()
        if position.pk
        else None
    )
    _lock_units(new_unit.pk, old_unit_id)
    position.unit = new_unit
    _save_in_place(
        position, field="order", place=order, group=Position.objects.filter(unit=new_unit)
    )
    if old_unit_id is not None and old_unit_id != new_unit.pk:
        _renumber(
            list(Position.objects.filter(unit_id=old_unit_id).order_by("order", "pk")), "order"
        )
    # A post shows on organisation and people pages only (a release names people, not posts).
    public_pages.changed(public_pages.LISTS)
    return position


@transaction.atomic
def position_shift(*, position: Position, by: int) -> Position:
    """Move the post `by` places among the posts of its unit: -1 is up one, 1 is down one."""
    _lock_units(position.unit_id)
    posts = list(
        Position.objects.filter(unit_id=position.unit_id)
        .order_by("order", "pk")
        .values_list("pk", flat=True)
    )
    place = posts.index(position.pk) + 1 + by
    return position_move(position=position, new_unit=position.unit, order=max(place, 1))


def _lock_tree() -> None:
    """Lock every unit. Moves are rare; made one at a time, two of them cannot build a cycle
    together (each one alone passes the check when neither sees the other)."""
    list(Unit.objects.select_for_update().values_list("pk"))


def _lock_units(*pks: int | None) -> None:
    """Lock the units whose posts are renumbered, so that two saves never take the same number."""
    list(Unit.objects.select_for_update().filter(pk__in=[pk for pk in pks if pk]).values_list("pk"))


def _save_in_place(
    obj: Numbered, *, field: str, place: int | None, group: QuerySet[Numbered]
) -> None:
    """Validate and save `obj` as number `place` of `group` (its siblings), then renumber them."""
    members = list(group.order_by(field, "pk"))
    pks = [member.pk for member in members]
    index = pks.index(obj.pk) if obj.pk in pks else len(members)
    members = [member for member in members if member.pk != obj.pk]
    if place is not None:
        index = min(max(place, 1), len(members) + 1) - 1
    # Saved first under a number no sibling holds; _renumber() then puts it in its place.
    setattr(obj, field, max((getattr(member, field) for member in members), default=0) + 1)
    obj.full_clean()
    obj.save()
    members.insert(index, obj)
    _renumber(members, field)


def _renumber(objects: list[Numbered], field: str) -> None:
    """Number `objects` (a whole group of siblings, in order) 1, 2, 3…

    PostgreSQL checks a unique constraint row by row, even within one UPDATE, so the numbers
    move in two steps: first above every number in use, then into place.
    """
    if [getattr(obj, field) for obj in objects] == list(range(1, len(objects) + 1)):
        return
    model = type(objects[0])
    top = max(getattr(obj, field) for obj in objects)
    for number, obj in enumerate(objects, start=top + 1):
        setattr(obj, field, number)
    model._default_manager.bulk_update(objects, [field])
    for number, obj in enumerate(objects, start=1):
        setattr(obj, field, number)
    model._default_manager.bulk_update(objects, [field])

"""The unit tree in Python: nest rows read in one query, walk them, check a move for cycles.

Nothing here queries the database; callers hand in the rows (any objects with `pk` and
`parent_id`), so a page costs one query for the whole tree whatever its depth and size. Walking
is iterative, so a deep tree cannot exhaust Python's recursion limit.
"""

from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

CYCLE_MESSAGE = _("A unit cannot report to itself or to one of its own sub-units.")


def nest(units):
    """Give each unit `subunits` (in the order given) and `depth`; return the roots.

    A unit whose parent is not among `units` is a root, so a subset nests as a forest.
    """
    units = list(units)
    by_pk = {unit.pk: unit for unit in units}
    roots = []
    for unit in units:
        unit.subunits = []
    for unit in units:
        parent = by_pk.get(unit.parent_id)
        (parent.subunits if parent is not None else roots).append(unit)
    list(walk(roots))  # sets the depths
    return roots


def walk(roots):
    """The units in tree order (a parent, then its sub-units), each with `depth` set."""
    stack = [(unit, 0) for unit in reversed(roots)]
    while stack:
        unit, depth = stack.pop()
        unit.depth = depth
        yield unit
        stack.extend((child, depth + 1) for child in reversed(unit.subunits))


def as_nested_list(roots):
    """The units in tree order, ready for a template to write nested lists without recursion.

    Each unit gets `closes`: how many levels of lists end after its item, i.e. `</ul></li>`
    pairs to write after a unit without sub-units (its own depth minus the next unit's).
    """
    units = list(walk(roots))
    for unit, following in zip(units, [*units[1:], None], strict=False):
        next_depth = following.depth if following is not None else 0
        unit.closes = range(unit.depth - next_depth) if not unit.subunits else range(0)
    return units


def ancestors(unit, by_pk):
    """The unit's ancestors from the top down, given every unit by primary key."""
    chain = []
    parent = by_pk.get(unit.parent_id)
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = by_pk.get(parent.parent_id)
    return chain[::-1]


def check_no_cycle(pk, new_parent_pk, parents):
    """Raise a ValidationError on `parent` when `new_parent_pk` is the unit or below it.

    `parents` maps every unit's primary key to its parent's.
    """
    seen = set()
    current = new_parent_pk
    while current is not None and current not in seen:
        if current == pk:
            raise ValidationError({"parent": CYCLE_MESSAGE}, code="cycle")
        seen.add(current)
        current = parents.get(current)


def lookup_expression(values, field="pk"):
    """A SQL CASE that maps each primary key in `values` (a dict) to its integer value.

    How the tree order, computed here, reaches SQL's ORDER BY. Several hundred units make a
    long statement but a quick one; keys not in `values` map to -1.
    """
    whens = [When(**{field: pk}, then=Value(value)) for pk, value in values.items()]
    if not whens:
        return Value(-1, output_field=IntegerField())
    return Case(*whens, default=Value(-1), output_field=IntegerField())

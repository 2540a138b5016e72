"""Demo content for the organisation, loaded by `manage.py load_demo` before the press room's.

The structure of IOM's headquarters (demo_data/units.toml, with the posts of the Director General,
her deputies and the Chief of Staff), the Director General, Amy Pope, as the holder of her post
(people.toml), and the organisation's profile (profile.toml); the data files say where each text
comes from. Posts whose holders the seed does not name are shown vacant. One fictional member of
staff, who holds no post, speaks at the fictional events, with a drawn placeholder portrait.

Loading is idempotent: units and people are looked up by slug, the profile is the single row,
and a unit gets its demo post only while it has none. What exists is left as editors left it.
"""

import sys

from django.core.files.base import ContentFile
from django.db import transaction

from core import demo_images
from core.demo_data import read, texts
from core.translated import LANGUAGE_CODES

from . import services
from .models import Appointment, Person, Position, Profile, Unit

UNITS = read(__file__, "units")["unit"]
PEOPLE = read(__file__, "people")["person"]
PROFILE = read(__file__, "profile")


@transaction.atomic
def load(*, stdout=None):
    stdout = stdout or sys.stdout
    units, units_created = _ensure_units()
    posts = [(units[item["slug"]], item["post"]) for item in UNITS if "post" in item]
    posts_created = sum(_ensure_post(unit, post) for unit, post in posts)
    people_created = sum(_ensure_person(person) for person in PEOPLE)
    figures = {key: value for key, value in PROFILE.items() if not isinstance(value, dict)}
    _profile, profile_created = Profile.objects.get_or_create(
        pk=1, defaults=figures | texts(PROFILE)
    )
    stdout.write(
        f"Units: {len(units)}, {units_created} created. Posts: {len(posts)}, {posts_created} "
        f"created. People: {len(PEOPLE)}, {people_created} created. "
        f"Profile: {'created' if profile_created else 'unchanged'}.\n"
    )


def _ensure_units():
    units, created = {}, 0
    for item in UNITS:
        unit = Unit.objects.filter(slug=item["slug"]).first()
        if unit is None:
            no_short_name = {f"short_name_{code}": "" for code in LANGUAGE_CODES}  # not NULL
            unit = services.unit_create(
                parent=units[item["parent"]] if "parent" in item else None,
                slug=item["slug"],
                kind=item["kind"],
                **no_short_name | texts(item),
            )
            created += 1
        units[item["slug"]] = unit
    return units, created


def _ensure_post(unit, post):
    if unit.positions.exists():
        return False
    position = Position(in_leadership_team=post["in_leadership_team"], **texts(post))
    services.position_move(position=position, new_unit=unit)
    return True


def _ensure_person(person):
    """Create the person unless the slug exists, and the appointments that are missing."""
    person_row, created = Person.objects.get_or_create(
        slug=person["slug"],
        defaults={"name": person["name"], "title_form": person.get("title_form", "neutral")},
    )
    if created and person.get("placeholder_portrait"):
        portrait = demo_images.placeholder_portrait(person["slug"])
        person_row.photo.save(f"{person['slug']}.png", ContentFile(portrait), save=False)
        for field, value in texts(person).items():
            setattr(person_row, field, value)
        person_row.save()
    for appointment in person.get("appointment", []):
        position = Position.objects.filter(unit__slug=appointment["unit"]).order_by("order").first()
        if position and not person_row.appointments.filter(position=position).exists():
            row = Appointment(
                person=person_row, position=position, start_date=appointment["start_date"]
            )
            row.full_clean()
            row.save()
    return created

"""Demo content for events, loaded by `manage.py load_demo` before the press releases.

The International Dialogue on Migration (demo_data/series.toml), its two 2024 sessions and three
fictional events, dated from the day of the first load (events.toml), and their speakers
(speakers.toml); the data files say where each text comes from.

Loading is idempotent: a series or an event is looked up by its slug, a speaker by name; what
exists is left as it is, including editors' changes.
"""

import datetime
import sys
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from core.demo_data import read, texts
from organisation.models import Person

from .models import Event, Participation, Series, Session, Speaker

SERIES = read(__file__, "series")["series"]
EVENTS = read(__file__, "events")["event"]
SPEAKERS = read(__file__, "speakers")
IDM_NEW_YORK_SLUG = "idm-2024-new-york"  # in events.toml; the IDM release and the home page link it
# The values an event takes from its data file as they are.
EVENT_FIELDS = (
    "slug",
    "status",
    "format",
    "time_zone",
    "period_start",
    "period_end",
    "webcast_url",
    "registration_url",
)


@transaction.atomic
def load(*, stdout=None):
    """Create the demo series, events, sessions and speakers that are missing; print counts."""
    stdout = stdout or sys.stdout
    series, series_created = {}, 0
    for item in SERIES:
        series[item["slug"]], created = Series.objects.get_or_create(
            slug=item["slug"], defaults={"founded_year": item["founded_year"], **texts(item)}
        )
        series_created += created
    today = timezone.localdate()
    created = sum(_ensure_event(item, series, today) for item in EVENTS)
    drafts = sum(item["status"] == Event.Status.DRAFT for item in EVENTS)
    stdout.write(
        f"Events: {len(EVENTS)} ({drafts} draft), {created} created. "
        f"Series: {len(SERIES)}, {series_created} created.\n"
    )


def _ensure_event(item, series, today):
    """Create the event, its sessions and speakers unless its slug exists; True when created."""
    if Event.objects.filter(slug=item["slug"]).exists():
        return False
    event = Event(**{name: item[name] for name in EVENT_FIELDS if name in item}, **texts(item))
    if "series" in item:
        event.series = series[item["series"]]
    first_day = item.get("first_day") or today + datetime.timedelta(
        days=item.get("days_after_load", 0)
    )

    def at(day, time):
        """The local `time` of the event's `day` (1 is its first)."""
        date = first_day + datetime.timedelta(days=day - 1)
        return datetime.datetime.combine(date, time, tzinfo=ZoneInfo(item["time_zone"]))

    if "start" in item:  # else it has a period, without dates
        event.start, event.end = at(1, item["start"]), at(item.get("days", 1), item["end"])
    event.full_clean()
    event.save()
    for spec in item.get("session", []):
        day = spec["day"]
        session = Session(
            event=event, start=at(day, spec["start"]), end=at(day, spec["end"]), **texts(spec)
        )
        session.full_clean()
        session.save()
        for position, participant in enumerate(spec.get("speaker", [])):
            speaker = _speaker(participant["name"])
            Participation.objects.create(
                session=session, speaker=speaker, role=participant["role"], position=position
            )
    return True


def _speaker(name):
    """The speaker called `name`: the member of staff it names when the organisation's demo is
    loaded (organisation first), else an external speaker of that name."""
    spec = SPEAKERS[name]
    person = Person.objects.filter(slug=spec.get("staff", "")).first()
    if person is not None:
        speaker, _created = Speaker.objects.get_or_create(person=person, defaults=texts(spec))
    else:
        speaker, _created = Speaker.objects.get_or_create(name=name, defaults=texts(spec))
    return speaker

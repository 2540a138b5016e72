"""Events: series (the IDM), events with exact dates or an approximate period, their agenda of
sessions and speakers, and their documents. One module per part; all importable from here."""

from .agenda import Participation, ParticipationRole, Session, Speaker
from .common import GENEVA, time_zone_names, validate_time_zone
from .documents import Document, DocumentKind
from .event import Event, EventFormat, EventQuerySet, EventStatus
from .series import Series

__all__ = [
    "GENEVA",
    "Document",
    "DocumentKind",
    "Event",
    "EventFormat",
    "EventQuerySet",
    "EventStatus",
    "Participation",
    "ParticipationRole",
    "Series",
    "Session",
    "Speaker",
    "time_zone_names",
    "validate_time_zone",
]

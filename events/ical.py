"""iCalendar (RFC 5545) files: one event's "Add to calendar" file and the feed of upcoming events.

Built with the `icalendar` package, which escapes text values, so that a title containing a line
break cannot add a property of its own, and writes the VTIMEZONE of every zone used: calendar
clients show the event at its local time, in the reader's own zone.

Only events with exact dates go into a calendar: an approximate period is not an appointment.
"""

import datetime

import icalendar
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.translation import gettext as _

PRODUCT_ID = "-//International Organization for Migration//iom-cms events//EN"


def calendar_file(events, *, request, name, uid, refresh=None):
    """The .ics text (bytes, lines ending in CRLF) of `events`, for the current language."""
    calendar = icalendar.Calendar.new(
        prodid=PRODUCT_ID,
        name=_one_line(name),
        uid=uid,
        method="PUBLISH",
        language=translation.get_language(),
        refresh_interval=refresh,
    )
    if refresh:
        # Outlook reads the older, non-standard name of REFRESH-INTERVAL.
        calendar.add("X-PUBLISHED-TTL", refresh)
    for event in events:
        calendar.add_component(_vevent(event, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_uid(event, request):
    """Stable across languages and edits, so that clients update the event they already have."""
    return f"event-{event.pk}@{site_domain(request)}"


def site_domain(request):
    return split_domain_port(request.get_host())[0]


def _vevent(event, request):
    content = event.in_language(translation.get_language())
    url = request.build_absolute_uri(event.get_absolute_url())
    zone = event.zone
    vevent = icalendar.Event.new(
        uid=event_uid(event, request),
        summary=_one_line(content.title),
        start=event.start.astimezone(zone),
        end=event.end.astimezone(zone),
        stamp=event.updated_at.astimezone(datetime.UTC),
        last_modified=event.updated_at.astimezone(datetime.UTC),
        location=_location(event, content),
        description=f"{content.summary}\n\n{url}".strip(),
        url=url,
    )
    if content.language != translation.get_language():
        vevent["SUMMARY"].params["LANGUAGE"] = content.language
    return vevent


def _location(event, content):
    place = ", ".join(part for part in (content.venue, content.city, content.country) if part)
    if event.format == event.Format.ONLINE:
        return event.webcast_url or _("Online")
    return place


def _one_line(text):
    """A summary is one line: line breaks that slipped into a title become spaces."""
    return " ".join(text.split())

from zoneinfo import ZoneInfo

from django import template

from ..models import Event

register = template.Library()


@register.inclusion_tag("events/includes/speaking_events.html")
def events_with_speaker(person):
    """`{% events_with_speaker person %}`: the public events a member of staff speaks at, the
    latest first (on their page: the organisation app does not import events)."""
    events = Event.objects.published().with_speaker(person).select_related("series")
    return {"events": events.with_sort_date().order_by("-sort_date", "-pk")}


@register.filter
def utc_offset(moment, zone):
    """`event.start|utc_offset:event.time_zone`: "UTC−4", "UTC+5:30" or "UTC" at that moment."""
    offset = moment.astimezone(ZoneInfo(zone)).utcoffset()
    minutes = int(offset.total_seconds()) // 60
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "\N{MINUS SIGN}"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")

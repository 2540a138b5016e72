from zoneinfo import ZoneInfo

from django import template

register = template.Library()


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

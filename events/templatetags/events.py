from zoneinfo import ZoneInfo

from django import template
from django.utils import translation

register = template.Library()


@register.filter
def in_language(obj, language=None):
    """`event|in_language:LANGUAGE_CODE`: the translated fields to show a reader of that language.

    Works for anything with `in_language()`: events, series, sessions, documents, releases.
    """
    return obj.in_language(language or translation.get_language())


@register.filter
def language_name(code):
    """A language's name in the reader's language: `fr` is `French` to an English reader."""
    return translation.get_language_info(code)["name_translated"]


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

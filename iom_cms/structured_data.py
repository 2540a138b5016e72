"""schema.org descriptions of pages as JSON-LD: NewsArticle, Event, and the Organization on the
home page. Built as dicts and serialised by json, with <, > and & escaped (as Django's
json_script does; ' as well), so no text an editor types can close the <script> element."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from events.models import Event
from pressroom.models import PressRelease

LOGO = "img/iom-logo.png"
# The organisation's official profiles elsewhere, for search engines' knowledge panels.
SAME_AS = [
    "https://www.iom.int/",
    "https://en.wikipedia.org/wiki/International_Organization_for_Migration",
    "https://x.com/UNmigration",
    "https://www.facebook.com/IOM",
    "https://www.youtube.com/user/IOMMigration",
    "https://www.linkedin.com/company/international-organization-for-migration-iom-",
]
ATTENDANCE_MODES = {
    Event.Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Event.Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
# Quotes too, though harmless in a data block, so that no page shows an editor's quote raw.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026", ord("'"): "\\u0027"}


def dumps(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES)


def organisation(request):
    return {
        "@type": "Organization",
        "name": _("International Organization for Migration"),
        "alternateName": _("IOM"),
        "url": request.build_absolute_uri(reverse("home")),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(LOGO)),
            "width": 512,
            "height": 512,
        },
        "sameAs": SAME_AS,
    }


def news_article(request, release, language):
    version = release.in_language(language)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": version.title,
        "description": version.lead,
        "url": request.build_absolute_uri(release.get_absolute_url(version.language)),
        "mainEntityOfPage": request.build_absolute_uri(release.get_absolute_url(version.language)),
        "datePublished": release.published_at.isoformat(),
        "dateModified": max(release.updated_at, release.published_at).isoformat(),
        "inLanguage": version.language,
        "author": organisation(request),
        "publisher": organisation(request),
    }
    if release.image:
        image = {"@type": "ImageObject", "url": request.build_absolute_uri(release.image.url)}
        if version.image_alt:
            image["description"] = version.image_alt
        data["image"] = [image]
    if version.dateline:
        data["dateline"] = version.dateline
    return data


def _event_dates(event):
    """Exact times with the offset of the event's own zone; approximate periods as dates."""
    if event.start:
        return event.start.astimezone(event.zone).isoformat(), (
            event.end.astimezone(event.zone).isoformat()
        )
    return event.period_start.isoformat(), event.period_end.isoformat()


def _event_location(request, event, version):
    place = {
        "@type": "Place",
        "name": version.venue or version.city or version.title,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": version.city,
            "addressCountry": version.country,
        },
    }
    online = {
        "@type": "VirtualLocation",
        "url": event.webcast_url
        or event.registration_url
        or request.build_absolute_uri(event.get_absolute_url()),
    }
    return {
        Event.Format.IN_PERSON: place,
        Event.Format.ONLINE: online,
        Event.Format.HYBRID: [place, online],
    }[event.format]


def event(request, event, language):
    version = event.in_language(language)
    start, end = _event_dates(event)
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": version.title,
        "description": version.summary,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[event.format],
        "location": _event_location(request, event, version),
        "organizer": organisation(request),
        "inLanguage": version.language,
    }


def for_page(request, item, *, language):
    """The description of the page showing `item` (None on pages without one)."""
    if isinstance(item, PressRelease):
        return news_article(request, item, language)
    if isinstance(item, Event):
        return event(request, item, language)
    match = getattr(request, "resolver_match", None)
    if match and match.url_name == "home":
        return {"@context": "https://schema.org", **organisation(request)}
    return None

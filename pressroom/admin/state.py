"""How the admin tells an editor where a release stands: draft, scheduled (when, in UTC and in
Geneva time) or published, and which language versions are ready."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..models import PressRelease

GENEVA = ZoneInfo("Europe/Zurich")


def moment(value, zone, format="DATETIME_FORMAT"):
    return formats.date_format(timezone.localtime(value, zone), format)


def state_label(release, at=None):
    """The state at `at` (now), with the publication time of a scheduled release in UTC and in
    Geneva time: an embargo is usually agreed in one and entered in the other."""
    state = release.state(at)
    if state != PressRelease.State.SCHEDULED:
        return format_html('<span class="release-state-{}">{}</span>', state, state.label)
    return format_html(
        '<span class="release-state-scheduled">{}</span><br>{} UTC<br>{} ({})',
        state.label,
        moment(release.published_at, datetime.UTC, "SHORT_DATETIME_FORMAT"),
        moment(release.published_at, GENEVA, "SHORT_DATETIME_FORMAT"),
        _("Geneva time"),
    )


def picker_label(release, at=None):
    """A release as the pickers of other forms list it (plain text): its title, then its state
    and date, and its number, e.g. “Essai — Draft, 3 May 2024, 10:00 (no. 12)”."""
    return _("%(title)s — %(state)s, %(date)s (no. %(id)s)") % {
        "title": release,
        "state": release.state(at).label,
        "date": moment(release.published_at, GENEVA, "SHORT_DATETIME_FORMAT"),
        "id": release.pk,
    }


def ready_label(release):
    ready = release.ready_languages
    if not ready:
        return "—"
    return " ".join(code.upper() for code in ready)

"""The signed links of email alerts: confirm, manage, unsubscribe (django.core.signing).

Each carries the id of its row and the address's `key`, signed with SECRET_KEY and a salt per
kind of link: a link cannot be forged, turned into another kind, or used after the address was
deleted (a new row gets a new key). A confirmation link expires (ALERTS["CONFIRM_DAYS"]); the
others last as long as the subscription, since every email carries them.
"""

import datetime
import re

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .models import Address, Subscription

# A token as `token()` makes it (JSON "[...", base64 "Wz...", a timestamp, a signature) in any
# form, taken out of every log line (core/redaction.py; apps.py registers it).
TOKEN = re.compile(r"Wz[A-Za-z0-9_-]{4,}(?::|%3[Aa])[0-9A-Za-z]{4,}(?::|%3[Aa])[A-Za-z0-9_-]+")

SALTS = {"confirm": "alerts.confirm", "manage": "alerts.manage", "unsubscribe": "alerts.leave"}


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


class LinkGone(LinkInvalid):
    """A genuine link whose subscription or address no longer exists."""


def token(kind, obj):
    address = obj if isinstance(obj, Address) else obj.address
    return signing.dumps([obj.pk, address.key], salt=SALTS[kind], compress=False)


def url(kind, obj, language):
    """The absolute address of the `kind` page for `obj`, in `language`."""
    with translation.override(language):
        path = reverse(f"alerts:{kind}", kwargs={"token": token(kind, obj)})
    return settings.SITE_URL + path


def read(kind, value):
    """The Subscription (confirm, unsubscribe) or Address (manage) a link names.

    Raises LinkExpired (a confirmation link too old), LinkInvalid (not one of ours) or LinkGone
    (ours, but its row was deleted since)."""
    max_age = None
    if kind == "confirm":
        max_age = datetime.timedelta(days=settings.ALERTS["CONFIRM_DAYS"])
    try:
        pk, key = signing.loads(value, salt=SALTS[kind], max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise LinkInvalid from error
    model = Address if kind == "manage" else Subscription
    rows = model.objects.filter(pk=pk) if isinstance(pk, int) else model.objects.none()
    if model is Subscription:
        rows = rows.select_related("address").filter(address__key=key)
    else:
        rows = rows.filter(key=key)
    found = rows.first()
    if found is None:
        raise LinkGone
    return found

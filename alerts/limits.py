"""Rate limits of the subscribe form: small counters in Django's cache, per hour.

Per visitor address (ALERTS["LIMIT_PER_IP"]) and per email address asked for
(ALERTS["LIMIT_PER_EMAIL"], counted on a hash: the cache never holds the address). With
double opt-in, this is what stops the form from being used to flood a stranger's inbox:
at most a few confirmation emails an hour, whoever asks.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

HOUR = 3600


def allow(kind, value):
    """Count one request for `value`; False once the hour's limit is reached."""
    limit = settings.ALERTS[{"ip": "LIMIT_PER_IP", "email": "LIMIT_PER_EMAIL"}[kind]]
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    key = f"alerts:limit:{kind}:{digest}"
    cache.add(key, 0, HOUR)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, HOUR)
        count = 1
    return count <= limit

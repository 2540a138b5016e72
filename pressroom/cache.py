"""The page cache for anonymous readers of the finder's list, feed and API.

A cached page can never show a draft nor hide a release past its embargo:
- it expires no later than the next scheduled publication (`seconds_to_live`), so a release
  appears at its minute as it would without the cache;
- every change an editor makes (save, delete, publish, unpublish, a topic renamed) sends the
  notice `core.public_pages.changed()`, and `clear()` follows it (connected in apps.py).

`clear()` does not delete anything: it changes the generation that every key includes, so old
pages are never read again and expire on their own. With several processes, the cache must be
shared by all of them (CACHE_URL: a file cache on one machine, Redis beyond), or a process would
keep serving what another one cleared.
"""

import math
import uuid
from functools import wraps
from hashlib import sha256

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

from .models import PressRelease

GENERATION_KEY = "pressroom:page-cache:generation"


def clear():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def clear_on_notice(sender, **kwargs):
    """Receiver of `core.public_pages.public_pages_changed`."""
    clear()


def seconds_to_live(now):
    """Whole seconds a page made at `now` may be kept: at most PAGE_CACHE_SECONDS, and never
    past the next scheduled publication (0: do not keep it)."""
    longest = settings.PAGE_CACHE_SECONDS
    scheduled = PressRelease.objects.scheduled(at=now).aggregate(next=Min("published_at"))["next"]
    if scheduled is None:
        return longest
    return max(0, min(longest, math.floor((scheduled - timezone.now()).total_seconds())))


def cache_public_page(view):
    """Serve anonymous GET requests from the cache; keep the 200 answers that may be kept."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if (
            not settings.PAGE_CACHE_SECONDS
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return view(request, *args, **kwargs)
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            generation = uuid.uuid4().hex
            cache.add(GENERATION_KEY, generation, timeout=None)
            generation = cache.get(GENERATION_KEY, generation)
        address = request.build_absolute_uri().encode("utf-8", "surrogateescape")
        key = f"pressroom:page-cache:{generation}:{sha256(address).hexdigest()}"
        response = cache.get(key)
        if response is not None:
            return response
        made_at = timezone.now()
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:

            def keep(response):
                timeout = seconds_to_live(made_at)
                if timeout > 0:
                    cache.set(key, response, timeout)

            if hasattr(response, "render") and not response.is_rendered:
                response.add_post_render_callback(keep)
            else:
                keep(response)
        return response

    return cached_view

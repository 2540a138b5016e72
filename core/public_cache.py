"""The one caching rule for public pages: Django's page cache, the edge (Varnish) and browsers.

An anonymous GET (no session cookie) answered 200 is public. It is kept no later than the next
change that nobody announces: the next scheduled publication, which the apps that schedule
anything tell here (`register_next_change`, the press room's in its AppConfig.ready), capped at
PAGE_CACHE_SECONDS. So an embargoed release appears at its second everywhere, with no cron and no
purge. Every announced change (`core.public_pages.changed()`) clears the page cache and purges the
edge (core/edge.py). The answer says so in its headers:

    Cache-Control: public, max-age=<min(BROWSER_CACHE_SECONDS, ttl)>, s-maxage=<ttl>
    xkey: all lists ...        (surrogate keys, read and removed by Varnish)
    ETag                       (ConditionalGetMiddleware answers 304 from it)

Everything else that a view did not mark itself (staff, forms with errors, error pages, redirects,
POST) gets `private, no-store`; previews mark themselves so (pressroom/previews.py), as the admin
and health checks do.

The page cache is shared by every process (CACHE_URL: Redis with several nodes). `clear()` does not
delete anything: it changes the generation, and a kept page holds the generation it was made in,
so old pages are never served again and are replaced or expire on their own. A hit is one round
trip: the generation and the page are read together (`get_many`). The generation is stored with
no expiry: with Redis's `maxmemory-policy volatile-lru` (README, "Running several nodes") only
keys with an expiry, the pages, are ever evicted. A cache that fails (Redis down) is logged and
skipped: pages are made afresh, never a 5xx.
"""

import contextvars
import datetime
import logging
import math
import uuid
from collections.abc import Callable, Iterable
from functools import wraps
from hashlib import sha256
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

from .public_pages import ALL, LISTS

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-pages:generation"
KEYS_HEADER = "xkey"

NextChange = Callable[[datetime.datetime], datetime.datetime | None]
_next_change_sources: list[NextChange] = []


def register_next_change(source: NextChange) -> None:
    """`source(at)` answers when the public pages next change on their own after `at` (the next
    scheduled publication), or None."""
    if source not in _next_change_sources:
        _next_change_sources.append(source)


def seconds_to_live(now: datetime.datetime | None = None) -> int:
    """Whole seconds a page made at `now` may be kept: at most PAGE_CACHE_SECONDS, and never past
    the next change that nobody announces (0: do not keep it)."""
    now = now or timezone.now()
    longest: int = settings.PAGE_CACHE_SECONDS
    if longest <= 0:
        return 0
    moments = [moment for source in _next_change_sources if (moment := source(now))]
    if not moments:
        return longest
    return max(0, min(longest, math.floor((min(moments) - timezone.now()).total_seconds())))


def tag(response: HttpResponseBase, *keys: str) -> HttpResponseBase:
    """Declare the surrogate keys of a page about one item (its own key and those of what it
    names), instead of LISTS. ALL is always added."""
    response.surrogate_keys = set(keys)  # type: ignore[attr-defined]
    return response


def mark_public(
    response: HttpResponseBase, *keys: str, longest: int | None = None
) -> HttpResponseBase:
    """For an answer the middleware leaves alone (an upload handed to nginx, or a redirect to
    object storage): the same rule as a public page, now, with its surrogate keys (ALL added),
    and never kept longer than `longest` seconds when given (the life of a presigned URL)."""
    response[KEYS_HEADER] = _keys_header(keys)
    ttl = seconds_to_live()
    _write_headers(response, ttl if longest is None else max(0, min(ttl, longest)))
    return response


FAILED = object()  # what _cache_call answers when the cache itself failed


def _cache_call(name: str, *args: Any) -> Any:
    try:
        return getattr(cache, name)(*args)
    except Exception as error:  # a cache down (Redis) must never turn a page into an error
        logger.warning("page cache unavailable, serving without it: %s %r", name, error)
        return FAILED


def clear() -> None:
    """Make every page kept so far unreachable (see the module's docstring)."""
    new = uuid.uuid4().hex
    try:
        cache.set(GENERATION_KEY, new, None)
        if _request_generation.get() is not None:
            _request_generation.set([new])  # the rest of this request follows its own change
    except Exception:
        # Kept pages then live out their time (at most PAGE_CACHE_SECONDS); a Redis restarted
        # empty (compose runs it without persistence) has lost them anyway.
        logger.exception("page cache not cleared: kept pages expire on their own")


def clear_on_notice(sender: object, **kwargs: Any) -> None:
    """Receiver of `core.public_pages.public_pages_changed`: whatever the keys, the page cache is
    cleared whole (it keeps no keys; edits are rare next to reads)."""
    clear()


# The generation read by the request being handled: a list holding it once read, None outside
# a request. The page cache and every piece of the page (core/site_pieces.py) ask for it, and
# with Redis each read is a round trip: one per request is enough.
_request_generation: contextvars.ContextVar[list[str | None] | None] = contextvars.ContextVar(
    "public_pages_generation", default=None
)


def request_started(**kwargs: Any) -> None:
    """Receiver of Django's request_started: the next read of the generation is kept until the
    request finishes."""
    _request_generation.set([])


def request_finished(**kwargs: Any) -> None:
    _request_generation.set(None)


def generation() -> str | None:
    """The current generation, made if there is none; None if the cache is out of reach. Pieces
    of pages kept in each process follow it too (core/site_pieces.py). Read once per request;
    outside one (commands, tasks) at every call."""
    kept = _request_generation.get()
    if kept:
        return kept[0]
    current = _read_generation()
    if kept is not None:
        kept.append(current)
    return current


def _generation_and(key: str) -> tuple[str | None, Any]:
    """The current generation and the value kept under `key`, in one round trip to the cache
    (the page cache's read: a kept page holds the generation it was made in); the generation is
    then the request's, as `generation()` would have read it."""
    kept = _request_generation.get()
    if kept:
        return kept[0], _cache_call("get", key)
    found = _cache_call("get_many", [GENERATION_KEY, key])
    if found is FAILED:
        return None, None
    current = found.get(GENERATION_KEY)
    current = current if isinstance(current, str) else _read_generation()
    if kept is not None:
        kept.append(current)
    return current, found.get(key)


def _read_generation() -> str | None:
    generation = _cache_call("get", GENERATION_KEY)
    if generation is None:
        _cache_call("add", GENERATION_KEY, uuid.uuid4().hex, None)
        generation = _cache_call("get", GENERATION_KEY)
    return generation if isinstance(generation, str) else None


def _is_anonymous_read(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith("/" + settings.ADMIN_URL)
    )


def _is_public(response: HttpResponseBase) -> bool:
    """200 and not marked by the view: no Cache-Control of its own, no cookie, not a file."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.has_header("Cache-Control")
        and not response.cookies
        and not response.has_header("X-Accel-Redirect")
    )


def _write_headers(response: HttpResponseBase, ttl: int) -> None:
    del response["Cache-Control"]
    patch_cache_control(
        response, public=True, max_age=min(settings.BROWSER_CACHE_SECONDS, ttl), s_maxage=ttl
    )


def _seconds_until(moment: datetime.datetime) -> int:
    return max(0, math.floor((moment - timezone.now()).total_seconds()))


def _keys_header(keys: Iterable[str]) -> str:
    return " ".join(sorted({ALL, *keys}))


def same_in_every_language(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """For a view outside the language prefixes whose answer does not depend on the language
    negotiated from Accept-Language (sitemap.xml, robots.txt): no `Vary: Accept-Language`, which
    would keep one copy per browser language in every cache."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        response.same_in_every_language = True  # type: ignore[attr-defined]
        return response

    return wrapped


def _trim_vary(response: HttpResponseBase) -> None:
    # A request with a session cookie never reaches a public answer (here and in the VCL), so the
    # Vary: Cookie that a read session adds would only split every cache by visitor.
    dropped = {"cookie"}
    if getattr(response, "same_in_every_language", False):
        dropped.add("accept-language")
    if response.has_header("Vary"):
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() not in dropped]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


class PublicCacheMiddleware:
    """Serves anonymous GETs from the page cache, and writes the caching rule into every answer.

    Sits outside django-csp's middleware, so that a kept page keeps its own policy header, and
    inside ConditionalGetMiddleware, which answers 304 from the ETag of kept pages too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _is_anonymous_read(request):
            return self._private_unless_marked(self.get_response(request))
        try:
            address = request.build_absolute_uri().encode("utf-8", "surrogateescape")
        except DisallowedHost:
            # Not a host of ours: the view's own 400 answers it, and nothing is kept.
            return self._private_unless_marked(self.get_response(request))
        current = None
        if settings.PAGE_CACHE_SECONDS > 0:
            key = f"public-pages:page:{sha256(address).hexdigest()}"
            current, kept = _generation_and(key)
            if current and isinstance(kept, tuple) and kept[0] == current:
                _made_in, response, expires = kept
                _write_headers(response, _seconds_until(expires))
                return response  # type: ignore[no-any-return]
        made_at = timezone.now()
        response = self.get_response(request)
        if not _is_public(response):
            return self._private_unless_marked(response)
        ttl = seconds_to_live(made_at)
        expires = timezone.now() + datetime.timedelta(seconds=ttl)
        response[KEYS_HEADER] = _keys_header(getattr(response, "surrogate_keys", {LISTS}))
        _trim_vary(response)
        _write_headers(response, ttl)
        if isinstance(response, HttpResponse):
            set_response_etag(response)
            if current and ttl > 0:
                _cache_call("set", key, (current, response, expires), ttl)
        return response

    @staticmethod
    def _private_unless_marked(response: HttpResponseBase) -> HttpResponseBase:
        if not response.has_header("Cache-Control") and not response.streaming:
            patch_cache_control(response, private=True, no_store=True)
        return response

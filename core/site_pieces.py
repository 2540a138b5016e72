"""Pieces of public pages built once per language and kept until the public pages change.

The main menu, the finder's offices, events and topic names are the same for every reader until an
editor changes something, yet each page would build them again (queries, instances, addresses).
`kept(name, build)` builds a piece once per process and language and keeps it under the public
pages' *generation*: a value in the shared cache (CACHE_URL) that every
`core.public_pages.changed()` replaces (`renew`, connected in core/apps.py). The notice fires only
in the process that made the change, so each process compares the generation it built a piece under
with the shared one at every use, and builds again when it moved: a change made anywhere reaches
every process at its next request. A piece that also changes on its own (at the next scheduled
publication) says until when it holds (`until`).

When the cache fails (Redis down) pieces are built afresh for each page, as without this module.
"""

import datetime
import logging
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-pages:pieces-generation"

T = TypeVar("T")

# (name, language) -> (generation, until, piece)
_kept: dict[tuple[str, str], tuple[str, datetime.datetime | None, Any]] = {}


def generation() -> str | None:
    """The public pages' current generation (made on first use), or None if the cache fails."""
    try:
        current: str | None = cache.get(GENERATION_KEY)
        if current is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            current = cache.get(GENERATION_KEY)
    except Exception:
        logger.warning("The cache failed: site pieces are built for this page.", exc_info=True)
        return None
    return current


def renew(**kwargs: Any) -> None:
    """Receiver of `core.public_pages.public_pages_changed`: every process builds its pieces
    again."""
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        logger.exception("The cache failed: site pieces may stay out of date until it is back.")


def kept(
    name: str,
    build: Callable[[], T],
    until: Callable[[T], datetime.datetime | None] | None = None,
    again: bool = False,
) -> T:
    """The piece `name` in the active language: `build()` once per generation, then kept.

    `until(piece)`, asked when the piece is built, says when it stops being true on its own
    (None: only at the next change). `again`: build it again now (the caller found it lacking).
    `build()` may raise (a database error): nothing is kept then.
    """
    current = generation()
    key = (name, translation.get_language())
    found = _kept.get(key)
    now = timezone.now()
    if (
        found
        and not again
        and current is not None
        and found[0] == current
        and (found[1] is None or now < found[1])
    ):
        piece: T = found[2]
        return piece
    piece = build()
    if current is not None:
        _kept[key] = (current, until(piece) if until else None, piece)
    return piece

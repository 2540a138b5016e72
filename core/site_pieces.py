"""Pieces of public pages built once per language and kept until the public pages change.

The main menu, the featured items, the finder's offices, events and topic names are the same for
every reader until an editor changes something, yet each page would build them again (queries,
instances, addresses). `kept(name, build)` builds a piece once per process and language and keeps
it under the public pages' *generation*: the value in the shared cache (CACHE_URL) that every
`core.public_pages.changed()` replaces (core/public_cache.py, which keys whole pages with it). The
notice fires only in the process that made the change, so each process compares the generation it
built a piece under with the shared one at every use, and builds again when it moved: a change
made anywhere reaches every process at its next request. A piece that also changes on its own
keeps what it needs to follow the clock (the finder's sources and the featured items keep when
each becomes public).

When the cache fails (Redis down) pieces are built afresh for each page, as without this module.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.utils import translation

from . import public_cache

T = TypeVar("T")

# (name, language) -> (generation, piece)
_kept: dict[tuple[str, str], tuple[str, Any]] = {}


def kept(
    name: str,
    build: Callable[[], T],
    again: bool = False,
) -> T:
    """The piece `name` in the active language: `build()` once per generation, then kept.

    `again`: build it again now (the caller found it lacking). `build()` may raise (a database
    error): nothing is kept then.
    """
    current = public_cache.generation()
    key = (name, translation.get_language())
    found = _kept.get(key)
    if found and not again and current is not None and found[0] == current:
        piece: T = found[1]
        return piece
    piece = build()
    if current is not None:
        _kept[key] = (current, piece)
    return piece

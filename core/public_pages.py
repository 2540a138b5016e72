"""The one notice that public pages changed, and the caches that follow it.

A write that changes what a public page shows (publish, unpublish, an edit, a deletion, a renamed
office or a menu entry) calls `changed()` once, naming the surrogate keys of the pages it changes:
`changed(key_for(release), LISTS)` for a release; `changed()` with no key means every page (ALL).
Every cache of public pages follows `public_pages_changed` (connected in core/apps.py): the page
cache of the nodes (core/public_cache.py, cleared whole whatever the keys) and the edge caches
(core/edge.py, purged by key). The notice is sent after the transaction commits, so a write that
rolls back clears nothing, and a reader never fills a cache with the old page between the clear
and the commit. The calls made in one transaction are gathered into one notice with the union of
their keys (an admin list of 50 pages saved at once: one purge, not 50); the calls made in a
savepoint that rolls back are dropped with it.

Keys, as every public page carries them (core/public_cache.py writes them in the `xkey` header):
- ALL on every page (the menu, the footer, the settings show on all of them);
- a page about one item carries that item's key (`key_for(item)`) and the keys of what it shows
  by name (a release page: its topics), and declares them with `public_cache.tag()`;
- every other page (home, lists, feeds, API, sitemap, organisation, events, simple pages) carries
  LISTS: any release may appear there.
"""

import functools

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.dispatch import Signal

ALL = "all"
LISTS = "lists"

# Sent with `keys`: a frozenset of surrogate keys, ALL among them when everything changed.
public_pages_changed = Signal()


def key_for(item: Model) -> str:
    """The surrogate key of one item's pages, e.g. "pressroom.pressrelease-12"."""
    return f"{item._meta.label_lower}-{item.pk}"


def changed(*keys: str) -> None:
    """Tell every cache of public pages, once the current transaction commits (or now, outside
    one), that the pages carrying `keys` (no key: every page) have changed."""
    told = frozenset(keys) or frozenset({ALL})
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _send(told)
        return
    notice = _Notice.pending(connection)
    # Each call's keys are added by a callback of their own, which Django drops if the
    # savepoint it was registered in rolls back; the notice is sent after the last of them.
    transaction.on_commit(functools.partial(notice.keys.update, told))
    notice.send_last(connection)


def _send(keys: frozenset[str]) -> None:
    public_pages_changed.send(sender=None, keys=frozenset({ALL}) if ALL in keys else keys)


class _Notice:
    """The one notice of a transaction: the keys its callbacks gathered, sent after them.

    Each call adds, after its keys' callback, a trigger to Django's list of on-commit callbacks
    (`connection.run_on_commit`, entries `(savepoint ids, callback, robust)`) with no savepoint
    id, so that only the rollback of the whole transaction drops it; only the last trigger sends.
    """

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.last: _Trigger | None = None
        self.sent = False

    @classmethod
    def pending(cls, connection: BaseDatabaseWrapper) -> "_Notice":
        for entry in connection.run_on_commit:
            callback = entry[1]
            if isinstance(callback, _Trigger) and not callback.notice.sent:
                return callback.notice
        return cls()

    def send_last(self, connection: BaseDatabaseWrapper) -> None:
        self.last = _Trigger(self)
        # django-stubs still types the entries as Django 4.1's (savepoint ids, callback).
        connection.run_on_commit.append((set(), self.last, False))  # type: ignore[arg-type]

    def send(self, trigger: "_Trigger") -> None:
        if trigger is not self.last:
            return
        self.sent = True
        if self.keys:  # empty when every call rolled back with its savepoint
            _send(frozenset(self.keys))


class _Trigger:
    def __init__(self, notice: _Notice) -> None:
        self.notice = notice

    def __call__(self) -> None:
        self.notice.send(self)

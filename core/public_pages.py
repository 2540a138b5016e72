"""The one notice that public pages changed, and the caches that follow it.

A write that changes what a public page shows (publish, unpublish, an edit, a deletion, a renamed
office or a menu entry) calls `changed()` once, naming the surrogate keys of the pages it changes:
`changed(key_for(release), LISTS)` for a release; `changed()` with no key means every page (ALL).
Every cache of public pages follows `public_pages_changed` (connected in core/apps.py): the page
cache of the nodes (core/public_cache.py, cleared whole whatever the keys) and the edge caches
(core/edge.py, purged by key). The notice is sent after the transaction commits, so a write that
rolls back clears nothing, and a reader never fills a cache with the old page between the clear
and the commit.

Keys, as every public page carries them (core/public_cache.py writes them in the `xkey` header):
- ALL on every page (the menu, the footer, the settings show on all of them);
- a page about one item carries that item's key (`key_for(item)`) and the keys of what it shows
  by name (a release page: its topics), and declares them with `public_cache.tag()`;
- every other page (home, lists, feeds, API, sitemap, organisation, events, simple pages) carries
  LISTS: any release may appear there.
"""

from django.db import transaction
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
    transaction.on_commit(lambda: public_pages_changed.send(sender=None, keys=told))

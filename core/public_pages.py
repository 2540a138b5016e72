"""The one notice that public pages changed, and the caches that follow it.

A write that changes what a public page shows (publish, unpublish, an edit, a deletion, a renamed
office or a menu entry) calls `changed()` once. Every cache of public pages connects a receiver
to `public_pages_changed` in its app's `ready()`: today the page cache of the press room. The
notice is sent after the transaction commits, so a write that rolls back clears nothing, and a
reader never fills a cache with the old page between the clear and the commit.
"""

from django.db import transaction
from django.dispatch import Signal

public_pages_changed = Signal()


def changed() -> None:
    """Tell every cache of public pages, once the current transaction commits (or now, outside
    one), that what the public sees has changed."""
    transaction.on_commit(lambda: public_pages_changed.send(sender=None))

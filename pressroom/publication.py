"""The notice that a release is to become public: now, or at its (embargoed) minute.

`services.py` calls `planned()` explicitly, inside the transaction that publishes or schedules
the release, whenever a published release was not public before or its time changed. Apps above
the press room that act at the minute a release becomes public (email alerts: alerts/) connect a
receiver to `release_publication_planned` in their `ready()`; the receiver runs in the same
transaction, so a publication that rolls back plans nothing. The receiver must decide again, at
that minute, whether the release is still public: it may be unpublished or moved before then.

Not folded into one core registry with `core.public_pages.changed()`: that notice is sent once
after the commit to caches that only need surrogate keys, while this one must run inside the
transaction (so that a rollback plans nothing) and carries a release and a moment that core
cannot know; a registry serving both would be two mechanisms under one name.
"""

from django.dispatch import Signal

from .models import PressRelease

# Sent with `release_id` and `at` (the release's publication time).
release_publication_planned = Signal()


def planned(release: PressRelease) -> None:
    release_publication_planned.send(
        sender=PressRelease, release_id=release.pk, at=release.published_at
    )

"""Who may do what in the editorial workflow. The writes themselves are in services.py.

Writers (group "Writers") write and correct releases; only Publishers (group "Publishers",
permission `pressroom.publish_pressrelease`) and superusers make one public, take it down or move
the publication time of a published one. The admin hides the fields from writers, and
`services.release_save()` applies `keep_publication()` to whatever reaches the database from a
writer (a crafted form, a restored revision), so nothing a writer does makes a release public.
The groups are made by migration 0006_editorial_roles_history.
"""

from django.contrib.auth.models import AnonymousUser, User

from .models import PressRelease

PUBLISH_PERMISSION = "pressroom.publish_pressrelease"
WRITERS = "Writers"
PUBLISHERS = "Publishers"


def can_publish(user: User | AnonymousUser) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def keep_publication(release: PressRelease, *, stored: PressRelease | None) -> None:
    """Undo, on a release a writer is about to save, any change a writer may not make: a new
    release (`stored` is None) is a draft; an existing one keeps the status of its `stored` row,
    and a published one its time."""
    if stored is None:
        release.status = PressRelease.Status.DRAFT
        return
    release.status = stored.status
    if stored.status == PressRelease.Status.PUBLISHED:
        release.published_at = stored.published_at

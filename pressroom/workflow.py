"""The editorial workflow: who may make a release public, and the writes that change its status.

Writers (group "Writers") write and correct releases; only Publishers (group "Publishers",
permission `pressroom.publish_pressrelease`) and superusers make one public, take it down or move
the publication time of a published one. The admin hides the fields from writers, and
`keep_publication()` enforces the rule on whatever reaches the database from a writer (a crafted
form, a restored revision), so nothing a writer does makes a release public.
"""

from django.db import transaction

from core import public_pages

from .models import PressRelease

PUBLISH_PERMISSION = "pressroom.publish_pressrelease"
WRITERS = "Writers"
PUBLISHERS = "Publishers"


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def keep_publication(release):
    """Undo, on a release a writer is about to save, any change a writer may not make: a new
    release is a draft; an existing one keeps its status, and a published one its time."""
    if release._state.adding or release.pk is None:
        release.status = PressRelease.Status.DRAFT
        return
    current = PressRelease.objects.only("status", "published_at").get(pk=release.pk)
    release.status = current.status
    if current.status == PressRelease.Status.PUBLISHED:
        release.published_at = current.published_at


@transaction.atomic
def release_set_status(*, releases, status, user):
    """Publish or unpublish `releases` (a QuerySet) on behalf of `user`; returns how many.

    Each release is saved on its own, so that each change keeps a revision in its history with
    the user's name, and its version is raised: a form opened before is then refused as stale.
    The rows stay locked until the end of the transaction, so the version is raised in Python.
    """
    count = 0
    for release in releases.select_for_update().order_by("pk"):
        release.status = status
        release.version += 1
        release._history_user = user
        release.save(update_fields=["status", "version", "updated_at"])
        count += 1
    # No admin log entry is written for these saves: the public page cache is cleared here.
    public_pages.changed()
    return count


# The lists kept in a release's history (translation.py registers them with simple-history).
RECORDED_LISTS = ("contacts", "quoted_people")


def record_lists(release):
    """Write the release's current contacts and people quoted into its latest revision.

    The admin saves a release before its lists: the revision written at the save holds the old
    lists, and simple-history would add one more revision for every list set afterwards. The
    admin sets those lists without history, then calls this: one revision per save.
    """
    revision = release.history.first()
    for name in RECORDED_LISTS:
        kept = getattr(revision, name).model  # the historical rows of this list
        through = PressRelease._meta.get_field(name).remote_field.through
        columns = [field.attname for field in through._meta.fields]
        kept.objects.filter(history=revision).delete()
        kept.objects.bulk_create(
            kept(history=revision, **{column: getattr(row, column) for column in columns})
            for row in through.objects.filter(pressrelease=release)
        )

"""Writes of the editorial workflow that touch more than one row, called by the admin.

Each is explicit (never a save() override or a signal) and clears the page cache once the
transaction is committed, since corrections and addresses appear on cached pages.
"""

from django.db import transaction
from django.utils import timezone

from core import public_pages
from core.translated import LANGUAGE_CODES

from .models import OldSlug, PressRelease


@transaction.atomic
def correction_save(*, correction, user=None):
    """Add or edit a correction of a public release; the release counts as changed then
    (`updated_at`, the “updated” date of feeds and the sitemap), its publication date never."""
    if correction._state.adding:
        correction.created_by = user
    correction.full_clean()  # also refuses a release that is not public (Correction.clean)
    correction.save()
    PressRelease.objects.filter(pk=correction.release_id).update(updated_at=timezone.now())
    public_pages.changed()
    return correction


@transaction.atomic
def record_slug_changes(*, release, previous_slugs, was_public):
    """Keep the old address of each language whose slug changed while the release was public.

    `previous_slugs` maps a language to the slug before the change. A slug the release takes
    back is no longer an old one.
    """
    for code in LANGUAGE_CODES:
        current = getattr(release, f"slug_{code}") or ""
        OldSlug.objects.filter(release=release, language=code, slug=current).delete()
        previous = previous_slugs.get(code) or ""
        if was_public and previous and previous != current:
            OldSlug.objects.update_or_create(
                language=code, slug=previous, defaults={"release": release}
            )
    public_pages.changed()


@transaction.atomic
def preview_link_create(*, link, user):
    link.created_by = user
    link.full_clean()
    link.save()
    return link


def preview_link_revoke(*, links):
    """Revoke the given links (a QuerySet) at once; a revoked link stays revoked."""
    return links.filter(revoked_at=None).update(revoked_at=timezone.now())

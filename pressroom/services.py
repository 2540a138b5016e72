"""The press room's writes: everything that spans rows or tells the caches goes through here.

- `release_save()`          a release from the admin's form: the writers' rule, its version, the
                            user in its history and the old addresses of changed slugs
- `release_record_lists()`  its contacts and people quoted, into the revision of that save
- `release_set_status()`    publish or unpublish a selection of releases
- `correction_save()`       add or edit a correction of a public release
- `preview_link_create()`, `preview_link_revoke()`

Each is called explicitly (never a save() override or a signal) and runs in one transaction. A
write that changes what a public page shows calls `core.public_pages.changed()` once, with the
keys of the pages it changes (the release's own and the lists), and the caches hear of it when
the transaction commits; the admins that call these set
`clears_public_pages_on_save = False`, so that one save is told once (core/admin_mixins.py). A
release published or scheduled calls `publication.planned()`: email alerts act on it in the same
transaction (publication.py).
Who may publish is decided in roles.py.
"""

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from core import public_pages
from core.translated import LANGUAGE_CODES

from . import publication
from .models import Correction, OldSlug, PressRelease, PreviewLink
from .roles import can_publish, keep_publication

SLUG_FIELDS = [f"slug_{code}" for code in LANGUAGE_CODES]

# The lists kept in a release's history (translation.py registers them with simple-history).
RECORDED_LISTS = ("contacts", "quoted_people")


@transaction.atomic
def release_save(*, release: PressRelease, user: User) -> PressRelease:
    """Save `release` as `user` changed it, new or not.

    A writer cannot change whether or when it is public (roles.keep_publication). An existing
    release gets the next version number, so that a form opened before is refused as stale; its
    row is locked until the end of the transaction (the admin's form has locked it already, when
    it compared versions). A slug changed while the release was public keeps its old address.
    """
    stored = (
        None
        if release._state.adding or release.pk is None
        else PressRelease.objects.select_for_update()
        .only("status", "published_at", "version", *SLUG_FIELDS)
        .get(pk=release.pk)
    )
    if not can_publish(user):
        keep_publication(release, stored=stored)
    if stored is not None:
        release.version = stored.version + 1
    release._history_user = user  # type: ignore[attr-defined]  # read by simple-history
    release.save()
    if _going_public(release, stored):
        publication.planned(release)
    if stored is not None:
        _record_old_slugs(
            release=release,
            was_public=stored.is_published(),
            previous_slugs={code: getattr(stored, f"slug_{code}") for code in LANGUAGE_CODES},
        )
    public_pages.changed(public_pages.key_for(release), public_pages.LISTS)
    return release


def _going_public(release: PressRelease, stored: PressRelease | None) -> bool:
    """Published, and either not public before or public from another time now."""
    if release.status != PressRelease.Status.PUBLISHED:
        return False
    return (
        stored is None or not stored.is_published() or stored.published_at != release.published_at
    )


def _record_old_slugs(
    *, release: PressRelease, previous_slugs: dict[str, str | None], was_public: bool
) -> None:
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


@transaction.atomic
def release_record_lists(*, release: PressRelease) -> None:
    """Write the release's current contacts and people quoted into its latest revision.

    The admin saves a release before its lists: the revision written at the save holds the old
    lists, and simple-history would add one more revision for every list set afterwards. The
    admin sets those lists without history, then calls this: one revision per save. (The save
    has told the caches already: they hear of it when the transaction commits, lists included.)
    """
    revision = release.history.first()  # type: ignore[attr-defined]  # simple-history's manager
    for name in RECORDED_LISTS:
        kept = getattr(revision, name).model  # the historical rows of this list
        through = PressRelease._meta.get_field(name).remote_field.through  # type: ignore[union-attr]
        columns = [field.attname for field in through._meta.fields]
        kept.objects.filter(history=revision).delete()
        kept.objects.bulk_create(
            kept(history=revision, **{column: getattr(row, column) for column in columns})
            for row in through.objects.filter(pressrelease=release)
        )


@transaction.atomic
def release_set_status(*, releases: QuerySet[PressRelease], status: str, user: User) -> int:
    """Publish or unpublish `releases` on behalf of `user`; returns how many.

    Each release is saved on its own, so that each change keeps a revision in its history with
    the user's name, and its version is raised: a form opened before is then refused as stale.
    The rows stay locked until the end of the transaction, so the version is raised in Python.
    """
    count = 0
    keys = []
    for release in releases.select_for_update().order_by("pk"):
        was_public = release.is_published()
        release.status = status
        release.version += 1
        release._history_user = user  # type: ignore[attr-defined]  # read by simple-history
        release.save(update_fields=["status", "version", "updated_at"])
        if status == PressRelease.Status.PUBLISHED and not was_public:
            publication.planned(release)
        count += 1
        keys.append(public_pages.key_for(release))
    public_pages.changed(*keys, public_pages.LISTS)
    return count


@transaction.atomic
def correction_save(*, correction: Correction, user: User | None = None) -> Correction:
    """Add or edit a correction of a public release; the release counts as changed then
    (`updated_at`, the “updated” date of feeds and the sitemap), its publication date never."""
    if correction._state.adding:
        correction.created_by = user
    correction.full_clean()  # also refuses a release that is not public (Correction.clean)
    correction.save()
    PressRelease.objects.filter(pk=correction.release_id).update(updated_at=timezone.now())
    public_pages.changed(public_pages.key_for(correction.release), public_pages.LISTS)
    return correction


# Preview links are on no public page (their own is never cached): the caches are not told.


@transaction.atomic
def preview_link_create(*, link: PreviewLink, user: User) -> PreviewLink:
    link.created_by = user
    link.full_clean()
    link.save()
    return link


def preview_link_revoke(*, links: QuerySet[PreviewLink]) -> int:
    """Revoke the given links at once (one UPDATE); a revoked link stays revoked."""
    return links.filter(revoked_at=None).update(revoked_at=timezone.now())

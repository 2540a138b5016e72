"""The read model of the release page: what a release's public page shows in one language, kept
as plain data (JSON) in `ReleasePage` and read in one indexed query, as GOV.UK's pages are
rendered from its content store. Issue 17: the ORM's work per page (a 130-column lookup, four
more querysets) was the floor of the page's CPU.

- **What builds it.** `build(release, language)` reads the ORM once, the same data the page has
  always shown, and returns the dict: the release's own columns (those the page reads: titles and
  slugs in every language, its text in this one) and, as plain values, its corrections, contacts,
  topics, office, people quoted, event and image download. Previews and preview links render from
  the same dict, built afresh and never stored (pressroom/previews.py), so there is one way to
  make a release's page. The public view stores it on the first read (`store()`: an upsert on the
  page's address, so two first readers at once both succeed and the last one wins); it is derived
  data, the ORM stays the truth. Only a page at its canonical address is kept (the release's slug
  in the reader's language, or in the language it is shown in when it lacks the reader's): an
  old address or another language's slug goes through the ORM and its redirect as before.
- **Reading.** `read(language, slug)`: one query on the (language, slug) index, with `.values()`.
  The release is joined and must pass `public_at()`, the rule of `published()` (a draft or an
  embargoed release is never read from here) and still have the `updated_at` the data was read
  from; the row must be of the current generation. A page shown in another language than the
  reader's takes one more query: whether a release now public would take its address (one with
  this slug in this language, or a later one with it in another), as the ORM's lookup would.
  The view turns the columns back into a `PressRelease` with `Model.from_db()` (the ORM's own
  constructor for rows, no query), so the template, the head metadata and the JSON-LD read it as
  they read the ORM's; a column not stored is deferred, so a field read by mistake is a query
  (the page's query count test catches it), never a wrong value.
- **Staleness.** Every write that shows on the page either changes the release's `updated_at` (an
  edit, its topics, contacts and people saved with it, publishing, unpublishing, a correction:
  pressroom/services.py) or sends `core.public_pages.changed()` with ALL or with the changed row's
  own key (offices, people, events, topics, contacts, deleted corrections: core/admin_mixins.py).
  `drop_on_notice()` follows the notice: named releases lose their rows; ALL, or any key that is
  not a release's or LISTS (a topic's: its releases' pages name it, so all are dropped), raises
  the generation (the older rows, never read again, are deleted by the task queue:
  `prune_older_generations`). The generation is read before the ORM when a page is built, so a
  page built from data read before a change and stored after the notice is of an old generation
  (or an old `updated_at`) and never shown. A deleted release's rows go with it
  (CASCADE). The related releases change whenever any release is published: they are a live
  query of their own, not kept here.
- What it does not follow: a write that bypasses both (`QuerySet.update()` on a release's
  columns without `updated_at`, a shell without the notice) is seen at the next notice.
"""

import datetime

from django.db.models import F, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django_tasks import task

from core import public_pages
from core.translated import LANGUAGE_CODES, in_any_language

from . import images, pieces
from .models import (
    PressRelease,
    PressReleaseQuerySet,
    ReleasePage,
    ReleasePageGeneration,
    public_at,
)

RELEASE_KEY = f"{PressRelease._meta.label_lower}-"
# The release's columns that do not depend on the language, and the version's in each language.
TRANSLATED = {
    column
    for name in PressRelease.version_fields
    for column in (name, *[f"{name}_{code}" for code in LANGUAGE_CODES])
}
SHARED_COLUMNS = [
    field.attname for field in PressRelease._meta.concrete_fields if field.attname not in TRANSLATED
]
ALL_LANGUAGES = ("title", "slug")  # the page links to every version: their titles and slugs


def build(release: PressRelease, language: str) -> dict:
    """The page of `release` for a reader of `language`, as JSON-ready data (see above)."""
    content = release.in_language(language)
    unit, event = release.issuing_unit, release.event
    topics = pieces.topics_of(release)
    return {
        "release": _columns(release, content.language),
        "keys": release.surrogate_keys(topics=topics),
        "corrections": [
            [moment.isoformat(), text]
            for moment, text in release.corrections.all().notes(content.language)
        ],
        "contacts": [
            {name: getattr(contact, name) for name in ("name", "role", "office", "email", "phone")}
            for contact in release.contacts.all()
        ],
        "topics": [{"slug": topic.slug, "name": topic.name, "id": topic.pk} for topic in topics],
        "issuing_unit": unit and {"name": unit.name, "url": unit.get_absolute_url()},
        "quoted_people": [
            {"name": person.name, "url": person.get_absolute_url()}
            for person in release.quoted_people.all()
        ],
        "event": _event(event, content.language) if event and event.is_published() else None,
        "download": images.download_details(release) if release.image else None,
    }


def _columns(release, language):
    names = [
        *SHARED_COLUMNS,
        *[f"{name}_{code}" for name in ALL_LANGUAGES for code in LANGUAGE_CODES],
        *[
            f"{name}_{language}"
            for name in PressRelease.version_fields
            if name not in ALL_LANGUAGES
        ],
    ]
    fields = {field.attname: field for field in PressRelease._meta.concrete_fields}
    return {name: _plain(fields[name], release) for name in names}


def _plain(field, instance):
    value = field.value_from_object(instance)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return field.value_to_string(instance)  # dates in full (microseconds), a file as its name


def _event(event, language):
    """The event's link in the reader's language, and its series' About text in the release's."""
    about = event.series.in_language(language) if event.series_id else None
    text = event.in_language(translation.get_language())
    return {
        "url": event.get_absolute_url(),
        "title": text.title,
        "language": text.language,
        "about": (
            {
                "heading": about.about_heading or about.name,
                "text": about.about,
                "language": about.language,
            }
            if about and about.about
            else None
        ),
    }


def release_from(data: dict) -> PressRelease:
    """The release as the page reads it, from its stored columns (no query)."""
    columns = data["release"]
    fields = [field for field in PressRelease._meta.concrete_fields if field.attname in columns]
    values = [
        None if columns[f.attname] is None else f.to_python(columns[f.attname]) for f in fields
    ]
    return PressRelease.from_db(None, [f.attname for f in fields], values)


def context(release: PressRelease, data: dict, language: str) -> dict:
    """The template's context besides the release (the public page, previews, preview links)."""
    return {
        "content": release.in_language(language),
        "corrections": [(parse_datetime(moment), text) for moment, text in data["corrections"]],
        "contacts": data["contacts"],
        "release_topics": data["topics"],
        "issuing_unit": data["issuing_unit"],
        "quoted_people": data["quoted_people"],
        "event": data["event"],
        "download": data["download"],
    }


def _generation():
    return Coalesce(Subquery(ReleasePageGeneration.objects.values("value")[:1]), Value(0))


def generation() -> int:
    """The current generation: read before the ORM when a page is to be built and stored."""
    return ReleasePageGeneration.objects.values_list("value", flat=True).first() or 0


def read(language: str, slug: str, at: datetime.datetime | None = None) -> dict | None:
    """The stored page at this address, if it may be shown (see above): one query, and for a page
    shown in another language one more, for a release that would take its address."""
    at = at or timezone.now()
    found = ReleasePage.objects.filter(
        public_at(at, through="release__"),
        language=language,
        slug=slug,
        generation=_generation(),
        built_from=F("release__updated_at"),
    ).values("data", "fallback", "release_id", "release__published_at")[:1]
    if not found or found[0]["fallback"] and _taken(found[0], language, slug, at):
        return None
    return found[0]["data"]


def _taken(found, language, slug, at):
    """Whether the ORM's lookup (views.ReleaseDetailView.get_object) would now choose another
    release at this address: one with this slug in this language, or a later one with it in
    another. The press room's own QuerySet: modeltranslation's rewrites every filter."""
    release, published_at = found["release_id"], found["release__published_at"]
    return (
        PressReleaseQuerySet(PressRelease)
        .published(at)
        .filter(in_any_language("slug", slug))
        .exclude(pk=release)
        .filter(
            Q(**{f"slug_{language}": slug})
            | Q(published_at__gt=published_at)
            | Q(published_at=published_at, pk__gt=release)
        )
        .exists()
    )


def store(release: PressRelease, language: str, data: dict, generation: int) -> None:
    """Keep the page at the release's own address in `language` (a concurrent writer's row of the
    same address is replaced: both were read from the same release)."""
    page = ReleasePage(
        language=language,
        slug=release.in_language(language).slug,
        release=release,
        data=data,
        built_from=release.updated_at,
        fallback=release.in_language(language).is_fallback,
        generation=generation,
    )
    ReleasePage.objects.bulk_create(
        [page],
        update_conflicts=True,
        unique_fields=["language", "slug"],
        update_fields=["release", "data", "built_from", "fallback", "generation"],
    )


def drop_on_notice(sender: object, *, keys: frozenset[str], **kwargs: object) -> None:
    """Receiver of `core.public_pages.public_pages_changed` (see above)."""
    releases = {int(key.removeprefix(RELEASE_KEY)) for key in keys if key.startswith(RELEASE_KEY)}
    others = keys - {public_pages.LISTS} - {f"{RELEASE_KEY}{pk}" for pk in releases}
    if others:
        raised = ReleasePageGeneration.objects.filter(pk=1).update(value=F("value") + 1)
        if not raised:
            ReleasePageGeneration.objects.get_or_create(pk=1, defaults={"value": 1})
        # The older rows are never read again; deleting them (up to a row per release and
        # language) is left to the task queue, not to the request that made the change.
        prune_older_generations.enqueue()
    elif releases:
        ReleasePage.objects.filter(release_id__in=releases).delete()


@task()
def prune_older_generations() -> None:
    """Delete the pages stored before the current generation (`drop_on_notice`): never read again
    (`read()` asks for the current one), replaced one by one as readers come back."""
    ReleasePage.objects.filter(generation__lt=generation()).delete()

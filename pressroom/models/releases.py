from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from core import public_pages
from core.images import SafeImageField
from core.richtext import RichTextField
from core.translated import (
    LANGUAGE_CODES,
    TranslatedContent,
    filled,
    original_version_present,
)
from core.uploads import RandomName

from ..images import rendition
from .contacts import MediaContact
from .topics import TaggedRelease

# How many of the latest releases sharing a topic are ranked for "related releases".
RELATED_WINDOW = 50


@cache
def detail_prefix(language):
    """The start of a release's address in `language`, before its slug: `reverse()` once per
    process (slugs are ASCII: nothing in them is quoted)."""
    with translation.override(language):
        return reverse("pressroom:detail", kwargs={"slug": "-"})[:-2]


def public_at(at=None, *, through=""):
    """The one rule for what the public sees, as a condition: published, and its publication time
    passed. `through` names the relation to a release from another model ("release__")."""
    at = at or timezone.now()
    return models.Q(
        **{f"{through}status": PressRelease.Status.PUBLISHED, f"{through}published_at__lte": at}
    )


class PressReleaseQuerySet(models.QuerySet):
    def published(self, at=None):
        """The one rule for what the public sees (`public_at`)."""
        return self.filter(public_at(at))

    def scheduled(self, at=None):
        """Published, but not public yet: embargoed until a later time."""
        at = at or timezone.now()
        return self.filter(status=PressRelease.Status.PUBLISHED, published_at__gt=at)

    def available_in(self, language):
        return self.filter(filled(f"title_{language}"))

    def related_to(self, release, topic_ids):
        """Other releases that share topics with `release` (whose topics are `topic_ids`): among
        the latest RELATED_WINDOW that share one, the most topics shared first, then the latest.
        A release without topics has none.

        The window keeps the cost bounded whatever the archive's size: counting the shared topics
        of every release that shares one was a sequential scan with two subplans per row, 700 ms
        at 100,000 releases (bench/README.md, the edge at 100,000 releases). On PostgreSQL the
        latest sharing ones are read newest first on the public order's index, checking the topic
        ids each row keeps (`topic_ids`, pressroom/finder/topic_ids.py) until the window is full:
        about 2 ms there. The ids are given as values, not a subquery, so that the planner sees
        how common they are. Elsewhere the candidates come through taggit's rows."""
        topic_ids = list(topic_ids)
        if connection.vendor == "postgresql":
            sharing = RawSQL(
                "topic_ids && %s::bigint[]", [topic_ids], output_field=models.BooleanField()
            )
        else:
            sharing = models.Q(
                pk__in=TaggedRelease.objects.filter(tag__in=topic_ids).values("content_object")
            )
        latest_sharing = (
            self.exclude(pk=release.pk)
            .filter(sharing)
            .order_by("-published_at", "-pk")
            .values("pk")[:RELATED_WINDOW]
        )
        shared = (
            TaggedRelease.objects.filter(content_object=models.OuterRef("pk"), tag__in=topic_ids)
            .order_by()
            .values("content_object")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return (
            self.filter(pk__in=latest_sharing)
            .annotate(shared_topics=models.Subquery(shared))
            .order_by("-shared_topics", "-published_at", "-pk")
        )

    def listed(self, limit=None):
        """The first `limit` (or all), read for a list: what a summary shows, in two queries
        (pressroom/finder/listing.py), for `{% release_summaries %}`."""
        from ..finder.listing import page_rows  # the finder stands on the models

        return page_rows(self, limit=limit)


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ReleaseKind(models.TextChoices):
    PRESS_RELEASE = "press-release", _("Press release")
    STATEMENT = "statement", _("Statement")
    BRIEFING_NOTE = "briefing-note", _("Briefing note")
    MEDIA_ADVISORY = "media-advisory", _("Media advisory")


class ReleaseState(models.TextChoices):
    """What the public sees of a release at a given time (status and publication time together)."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


class PressRelease(TranslatedContent, models.Model):
    Status = ReleaseStatus
    Kind = ReleaseKind
    State = ReleaseState
    version_fields = (
        "title",
        "slug",
        "lead",
        "dateline",
        "body",
        "image_caption",
        "image_alt",
        "note_to_editors",
    )
    # A language version is complete (ready) when all of these are filled: see clean().
    complete_fields = ("title", "slug", "lead", "dateline", "body")

    # Translated (see translation.py): one column per language. Which languages must be filled
    # is decided in clean() (each version complete or empty, the original one present), so the
    # fields themselves are blank=True: a release may exist in English only.
    title = models.CharField(_("title"), max_length=255, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        db_index=False,
        blank=True,
        help_text=_("The last part of the address. Unique in each language."),
    )
    lead = models.TextField(
        _("lead"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences: the news, as it appears in lists and feeds."),
    )
    dateline = models.CharField(
        _("dateline city"),
        max_length=100,
        blank=True,
        help_text=_("Where the news comes from, e.g. New York."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        help_text=_("Scripts, event attributes and unsafe links are removed when saved."),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_alt = models.CharField(
        _("image alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    note_to_editors = RichTextField(_("note to editors"), blank=True)

    # Shared by all languages.
    published_at = models.DateTimeField(
        _("publication date and time"),
        default=timezone.now,
        help_text=_(
            "A published release is public from this moment; set a later time to embargo it."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.PRESS_RELEASE,
        help_text=_(
            "A statement gives IOM's position; a briefing note sums up what was said at a press "
            "briefing; a media advisory invites journalists to an event."
        ),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Readers who ask for a language the release is not in see this version."),
    )
    image = SafeImageField(
        _("image"),
        upload_to=RandomName("releases"),
        original_name_field="image_original_name",
        db_index=True,  # core.media finds the release of a requested file by it
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_(
            "JPEG, PNG, WebP or GIF, at most 10 MB and 40 megapixels. Location and camera data "
            "are removed when it is saved; journalists can download the file as stored."
        ),
    )
    # Kept by the image field, so that pages never open the file to learn its size.
    image_width = models.PositiveIntegerField(
        _("image width"), null=True, blank=True, editable=False
    )
    image_height = models.PositiveIntegerField(
        _("image height"), null=True, blank=True, editable=False
    )
    # The name the file had on the editor's computer: the download's name (core/uploads.py).
    image_original_name = models.CharField(
        _("image's original file name"), max_length=150, blank=True, editable=False
    )
    # Smaller WebP copies for srcset, made once when the image is saved (pressroom/images.py).
    image_480 = rendition(480)
    image_960 = rendition(960)
    image_1600 = rendition(1600)
    image_credit = models.CharField(
        _("image credit"), max_length=200, blank=True, help_text=_("e.g. © IOM 2024/Jane Doe")
    )
    topics = TaggableManager(
        verbose_name=_("topics"), through=TaggedRelease, blank=True, help_text=""
    )
    contacts = models.ManyToManyField(
        MediaContact, verbose_name=_("media contacts"), blank=True, related_name="releases"
    )
    # Who speaks in the release (organisation app): the office that issued it, the people quoted.
    issuing_unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_releases",
        help_text=_("The office or division that issued the release; its page lists it."),
    )
    quoted_people = models.ManyToManyField(
        "organisation.Person",
        verbose_name=_("people quoted"),
        blank=True,
        related_name="quoted_in",
        help_text=_("Their pages list the releases that quote them."),
    )
    # The event the release is about (events app): the event's page lists the release, and the
    # release shows the About text of the event's series.
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_releases",
        help_text=_("The release page then shows the About text of the event's series."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Raised by one at every save from the admin and by the publish actions: a form that carries
    # an older number was opened before someone else's save (pressroom/admin/forms.py).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        # Given to the Publishers group (migration 0006); Writers have add/change/view only.
        permissions = [("publish_pressrelease", _("Can publish and unpublish press releases"))]
        # The finder's pages are read on this index alone (pressroom/finder/). The per-language
        # full-text search columns and their GIN indexes are made by hand: migration 0004.
        indexes = [
            models.Index(
                fields=["status", "-published_at", "-id"],
                include=["kind"],
                name="release_public_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ReleaseStatus.values), name="release_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ReleaseKind.values), name="release_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(original_language__in=LANGUAGE_CODES),
                name="release_original_language_valid",
            ),
            models.CheckConstraint(
                condition=original_version_present(),
                name="release_has_original_language_version",
                violation_error_message=_("The release needs a title in its original language."),
            ),
            *[
                models.CheckConstraint(
                    condition=~filled(f"title_{c}") | filled(f"slug_{c}"),
                    name=f"release_slug_{c}_with_title",
                )
                for c in LANGUAGE_CODES
            ],
            *[
                models.UniqueConstraint(
                    fields=[f"slug_{c}"],
                    condition=filled(f"slug_{c}"),
                    name=f"release_slug_{c}_unique",
                    violation_error_code=f"slug_{c}_taken",
                    violation_error_message=_("Another release already uses this slug."),
                )
                for c in LANGUAGE_CODES
            ],
        ]

    def __str__(self):
        return self.in_language(translation.get_language()).title

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        slug = self.in_language(language).slug
        if not slug:  # no address: let reverse() say so
            with translation.override(language):
                return reverse("pressroom:detail", kwargs={"slug": slug})
        return f"{detail_prefix(language)}{slug}/"

    def clean(self):
        """Each language is complete or empty, so a reader never meets half a translation."""
        errors = {}
        for code in LANGUAGE_CODES:
            values = {name: getattr(self, f"{name}_{code}") for name in self.complete_fields}
            if any(values.values()):
                for name, value in values.items():
                    if not value:
                        errors[f"{name}_{code}"] = _(
                            "Required when the release has a version in this language."
                        )
        if not getattr(self, f"title_{self.original_language}", None):
            errors.setdefault(
                f"title_{self.original_language}",
                _("The release needs a title in its original language."),
            )
        if self.image:
            # Every version of the release shows the image: each needs its own description.
            shown_in = {self.original_language, *self.languages}
            for code in LANGUAGE_CODES:
                if code in shown_in and not getattr(self, f"image_alt_{code}", None):
                    errors.setdefault(
                        f"image_alt_{code}",
                        _("Describe the image for people who cannot see it."),
                    )
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        """Show a taken slug next to the slug field (in its language tab), not above the form."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = {}
            for field, messages in error.error_dict.items():
                for message in messages:
                    taken = (message.code or "").removesuffix("_taken")
                    errors.setdefault(taken if taken != message.code else field, []).append(message)
            raise ValidationError(errors) from error

    def is_published(self, at=None):
        at = at or timezone.now()
        return self.status == self.Status.PUBLISHED and self.published_at <= at

    def surrogate_keys(self, topics=None):
        """The keys its page carries in the caches (core/public_pages.py): its own and those of
        the topics it names (`topics`, when the caller has read them)."""
        topics = self.topics.all() if topics is None else topics
        return [public_pages.key_for(self), *map(public_pages.key_for, topics)]

    is_published.boolean = True

    def state(self, at=None):
        """Draft, scheduled or published at `at` (now): the same rule as published(at)."""
        if self.status == self.Status.DRAFT:
            return self.State.DRAFT
        return self.State.PUBLISHED if self.is_published(at) else self.State.SCHEDULED

    @property
    def ready_languages(self):
        """The languages whose version is complete, in the site's order."""
        return [
            code
            for code in LANGUAGE_CODES
            if all(getattr(self, f"{name}_{code}") for name in self.complete_fields)
        ]

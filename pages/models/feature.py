"""Featured content: what editors put first on the home page.

A feature points to exactly one press release, event or simple page (a CHECK constraint says so)
and may give its own heading and blurb in each language. It is shown only while its target is
public by the target's own rule (`published()`), so featuring a draft or an embargoed release
shows nothing until the release itself is public.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.models import Event
from pressroom.models import PressRelease

from .page import Page

TARGETS = ("release", "event", "page")


def exactly_one_target():
    """A CHECK condition: one of the target columns is set, the others are NULL."""
    return models.Q.create(
        [models.Q(**{f"{name}__isnull": name != chosen for name in TARGETS}) for chosen in TARGETS],
        connector=models.Q.OR,
    )


class FeatureQuerySet(models.QuerySet):
    def public(self, at=None):
        """Features whose target the public may see at `at` (now by default), in their order."""
        public_pages = Page.objects.public()
        return self.filter(
            models.Q(release__in=PressRelease.objects.published(at=at))
            | models.Q(event__in=Event.objects.published())
            | models.Q(page__in=public_pages)
        ).order_by("order", "pk")

    def public_or_scheduled(self):
        """`public()` at any time to come: also the features of releases still under embargo
        (each shown from the release's `published_at`, the release's own rule)."""
        return self.public(at=datetime.datetime.max.replace(tzinfo=datetime.UTC))


class Feature(models.Model):
    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Translated (see translation.py); empty: the target's own title and summary are shown.
    heading = models.CharField(
        _("heading"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to show the title of what is featured."),
    )
    blurb = models.TextField(
        _("blurb"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences. Leave empty to show the lead or the summary."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first on the home page.")
    )

    objects = FeatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_target(),
                name="feature_has_exactly_one_target",
                violation_error_message=_(
                    "Choose exactly one press release, event or page to feature."
                ),
            ),
        ]

    def __str__(self):
        return str(self.target) if self.target else "–"

    def get_absolute_url(self):
        return self.target.get_absolute_url()

    @property
    def public_from(self):
        """When a feature of `public_or_scheduled()` becomes public: its release's publication
        time (None: as soon as its target is)."""
        return self.release.published_at if self.release else None

    @property
    def target(self):
        return self.release or self.event or self.page

    def card(self, language):
        """What the home page shows, each text with the language it is written in."""
        return FeatureCard(self, language)


class FeatureCard:
    """A feature as shown to a reader of `language`: the editors' heading and blurb in that
    language when they wrote them, else the target's own title and lead or summary."""

    KINDS = {"release": _("Press release"), "event": _("Event"), "page": _("Page")}

    def __init__(self, feature, language):
        target = feature.target
        version = target.in_language(language)
        self.kind_name = next(self.KINDS[name] for name in TARGETS if getattr(feature, name))
        self.url = target.get_absolute_url()
        own_heading = getattr(feature, f"heading_{language}", "")
        own_blurb = getattr(feature, f"blurb_{language}", "")
        self.heading = own_heading or version.title
        self.heading_language = language if own_heading else version.language
        default_blurb = getattr(version, "lead", "") or getattr(version, "summary", "")
        self.blurb = own_blurb or default_blurb
        self.blurb_language = language if own_blurb else version.language
        release = feature.release
        self.image = release.image if release and release.image else None
        self.image_alt = version.image_alt if self.image else ""
        # Stored with the release: reading image.width would open the file on every page.
        self.image_size = (release.image_width, release.image_height) if self.image else None

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.translated import LANGUAGE_CODES

from .releases import PressRelease


class OldSlug(models.Model):
    """A slug a public release had in one language before it was changed: its old address
    redirects (301) to the current one. Recorded by pressroom.services.release_save().

    One row per (language, slug): when a slug is retired twice, the latest release to give it
    up gets the redirect. A release that uses the slug now always wins over an old slug.
    """

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="old_slugs",
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    slug = models.SlugField(_("slug"), max_length=255, db_index=False)
    retired_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("old slug")
        verbose_name_plural = _("old slugs")
        ordering = ["-retired_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "language"], name="old_slug_unique"),
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES), name="old_slug_language_valid"
            ),
        ]

    def __str__(self):
        return f"{self.language}/{self.slug}"

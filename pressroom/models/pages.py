from django.db import models
from django.utils.translation import gettext_lazy as _

from .releases import PressRelease


class ReleasePage(models.Model):
    """A release's public page in one language, as plain data: pressroom/release_pages.py."""

    language = models.CharField(_("language"), max_length=5)
    slug = models.CharField(_("slug"), max_length=255)
    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(_("page data"))
    # The release's `updated_at` when the data was read: the page is shown only while they match.
    built_from = models.DateTimeField(_("built from the release changed at"))
    # Shown in another language than the reader's: another release may take its address.
    fallback = models.BooleanField(_("shown in another language"))
    generation = models.PositiveBigIntegerField(_("generation"))

    class Meta:
        verbose_name = _("release page (read model)")
        verbose_name_plural = _("release pages (read model)")
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="releasepage_one_per_address")
        ]

    def __str__(self):
        return f"{self.language}/{self.slug}"


class ReleasePageGeneration(models.Model):
    """One row: raised when every release page must be built again (a notice naming ALL)."""

    value = models.PositiveBigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("generation of the release pages")
        verbose_name_plural = _("generation of the release pages")

    def __str__(self):
        return str(self.value)

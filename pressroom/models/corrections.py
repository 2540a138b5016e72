from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .releases import PressRelease


class CorrectionQuerySet(models.QuerySet):
    def notes(self, language):
        """[(corrected_at, text)] in `language`, oldest first: what the page and feeds show."""
        return [(c.corrected_at, c.text_in(language)) for c in self]


class Correction(models.Model):
    """A dated note added to a published release; shown on its page and in the feeds.

    Added through pressroom.services.correction_save(), which also marks the release as
    changed (its `updated_at`, never its `published_at`).
    """

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    # Translated (see translation.py); required in every language the release exists in.
    text = models.TextField(
        _("correction"),
        max_length=1000,
        blank=True,
        help_text=_(
            "What was wrong and what is right, e.g. “The number of participants was "
            "1,200, not 12,000.” Write it in every language the release exists in."
        ),
    )
    corrected_at = models.DateTimeField(_("corrected on"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["corrected_at", "pk"]

    def __str__(self):
        return f"{self.release} – {self.corrected_at:%Y-%m-%d}"

    def text_in(self, language):
        return getattr(self, f"text_{language}", "") or ""

    def clean(self):
        if not self.release_id:
            return
        if self._state.adding and not self.release.is_published():
            raise ValidationError({"release": _("Only a published release can be corrected.")})
        missing = {
            f"text_{code}": _("Required: the release has a version in this language.")
            for code in self.release.languages
            if not getattr(self, f"text_{code}", "")
        }
        if missing:
            raise ValidationError(missing)

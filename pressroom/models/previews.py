"""Preview links: a draft or embargoed release shown to someone outside, until a set time.

The token in the address is a random key signed with django.core.signing (salted Signer):
- the random key (128 bits, stored as is) makes a link unguessable even to someone who knows
  SECRET_KEY, and ties it to one row, which can be revoked or given a shorter life;
- the signature lets the view refuse a made-up or altered token without touching the database;
- the key is stored, not only its hash, so that the admin can show the link again to copy:
  the links open embargoed text, not accounts, and a database reader already sees the releases.
Expiry is the row's `expires_at` (editable, and checked at every request), not the signature's
timestamp. Rotating SECRET_KEY ends every link unless the old key stays in SECRET_KEY_FALLBACKS.
"""

import datetime
import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.translated import LANGUAGE_CODES

from .releases import PressRelease

SALT = "pressroom.preview-link"


def new_key():
    return secrets.token_hex(16)


def in_a_week():
    return timezone.now() + datetime.timedelta(days=7)


class PreviewLinkQuerySet(models.QuerySet):
    def for_token(self, token):
        """The link a token names, or None when the signature does not match."""
        try:
            key = signing.Signer(salt=SALT).unsign(token)
        except signing.BadSignature:
            return None
        return (
            self.select_related("release__issuing_unit", "release__event__series")
            .filter(key=key)
            .first()
        )


class PreviewLink(models.Model):
    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        help_text=_("The link shows the release in this language only."),
    )
    note = models.CharField(
        _("for whom"),
        max_length=200,
        help_text=_(
            "Who receives the link and why, e.g. Jane Doe, Le Monde, embargo of 24 May. "
            "Only staff see this note."
        ),
    )
    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(
        _("expires"),
        default=in_a_week,
        help_text=_("The link stops working at this time (Geneva time)."),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES), name="preview_link_language_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="preview_link_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"{self.release} ({self.language}) – {self.note}"

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("pressroom:preview", kwargs={"token": self.token})

    def clean(self):
        errors = {}
        if self._state.adding and self.expires_at and self.expires_at <= timezone.now():
            errors["expires_at"] = _("Choose a time in the future.")
        if self.release_id and self.language not in self.release.languages:
            errors["language"] = _("The release has no version in this language.")
        if errors:
            raise ValidationError(errors)

    @property
    def token(self):
        return signing.Signer(salt=SALT).sign(self.key)

    def is_valid(self, at=None):
        at = at or timezone.now()
        return self.revoked_at is None and at < self.expires_at

    is_valid.boolean = True

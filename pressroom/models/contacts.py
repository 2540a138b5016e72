from django.db import models
from django.utils.translation import gettext_lazy as _


class MediaContact(models.Model):
    """A press officer, reused across releases."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    office = models.CharField(
        _("office or city"),
        max_length=200,
        blank=True,
        help_text=_("As it should appear after the name, e.g. “New York” or “Geneva HQ”."),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=50,
        blank=True,
        help_text=_("International format, e.g. +41 22 717 91 11."),
    )

    class Meta:
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(phone=""),
                name="mediacontact_reachable",
                violation_error_message=_("Give an email address or a phone number."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.office})" if self.office else self.name

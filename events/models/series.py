from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.richtext import RichTextField
from core.translated import TranslatedContent

from .common import filled_in_any_language


class Series(TranslatedContent, models.Model):
    """A recurring event, such as the International Dialogue on Migration, and its About text."""

    presence_field = "name"
    version_fields = ("name", "acronym", "description", "about_heading", "about")
    # Series are few and institutional: written in French first, like the site.
    original_language = settings.LANGUAGE_CODE

    name = models.CharField(_("name"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True, help_text=_("e.g. IDM"))
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The last part of the address, the same in every language."),
    )
    description = models.TextField(
        _("description"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences, shown at the top of the series page."),
    )
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    about_heading = models.CharField(
        _("heading of the About text"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “About the International Dialogue on Migration”."),
    )
    about = RichTextField(
        _("About text"),
        blank=True,
        help_text=_(
            "Shown on the series page and under every press release about one of its events."
        ),
    )

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=filled_in_any_language("name"),
                name="series_has_a_name",
                violation_error_message=_("Give the series a name in at least one language."),
            ),
        ]

    def __str__(self):
        return self.in_language(translation.get_language()).name

    def get_absolute_url(self, language=None):
        with translation.override(language or translation.get_language()):
            return reverse("events:series", kwargs={"slug": self.slug})

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.translated import LANGUAGE_CODES, TranslatedContent
from core.uploads import RandomName, UploadField

from .common import filled_in_any_language
from .event import Event


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    CONCEPT_NOTE = "concept_note", _("Concept note")
    FINAL_REPORT = "final_report", _("Final report")
    STATEMENT = "statement", _("Statement")


class Document(TranslatedContent, models.Model):
    """A file about an event, in one language."""

    Kind = DocumentKind
    version_fields = ("title",)

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(
        _("language of the document"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    file = UploadField(
        _("file"),
        upload_to=RandomName("events/documents"),
        original_name_field="file_original_name",
        db_index=True,  # core.media finds the document of a requested file by it
    )
    # The name the file had on the editor's computer: the download's name (core/uploads.py).
    file_original_name = models.CharField(
        _("original file name"), max_length=150, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["event", "kind", "language", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=filled_in_any_language("title"), name="document_has_a_title"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=DocumentKind.values), name="document_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES), name="document_language_valid"
            ),
        ]

    def __str__(self):
        return self.in_language(translation.get_language()).title

    @property
    def original_language(self):
        return self.language

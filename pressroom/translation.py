from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from core.translated import LANGUAGE_CODES

from .models import Correction, MediaContact, PressRelease, Topic


@register(PressRelease)
class PressReleaseTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "lead",
        "dateline",
        "body",
        "image_caption",
        "image_alt",
        "note_to_editors",
    )
    # A missing translation is NULL, so that the per-language unique slugs allow many of them.
    empty_values = {"slug": None}


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = LANGUAGE_CODES
    empty_values = None


@register(MediaContact)
class MediaContactTranslationOptions(TranslationOptions):
    fields = ("role", "office")


# The release's history (django-simple-history) is registered here, after its translation: the
# historical model copies the model's fields when it is made, and the per-language columns
# (title_fr, title_en, …) exist only once modeltranslation has added them above. Declared in
# models.py, the history would keep the untranslated `title` column alone.
register_history(
    PressRelease,
    m2m_fields=["contacts", "quoted_people"],
)


@register(Correction)
class CorrectionTranslationOptions(TranslationOptions):
    fields = ("text",)

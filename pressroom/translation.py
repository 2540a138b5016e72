from modeltranslation.translator import TranslationOptions, register

from .models import Correction, MediaContact, PressRelease, Topic


@register(PressRelease)
class PressReleaseTranslationOptions(TranslationOptions):
    fields = (
        "title", "slug", "lead", "dateline", "body", "image_caption", "image_alt",
        "note_to_editors",
    )
    # A missing translation is NULL, so that the per-language unique slugs allow many of them.
    empty_values = {"slug": None}


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fr", "en", "es")
    empty_values = None


@register(MediaContact)
class MediaContactTranslationOptions(TranslationOptions):
    fields = ("role", "office")


@register(Correction)
class CorrectionTranslationOptions(TranslationOptions):
    fields = ("text",)

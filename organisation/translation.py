from modeltranslation.translator import TranslationOptions, register

from core.translated import LANGUAGE_CODES

from .models import Person, Position, Profile, Unit


@register(Unit)
class UnitTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "mandate")
    required_languages = {"default": ("name",)}  # in every language; the rest may be empty


@register(Position)
class PositionTranslationOptions(TranslationOptions):
    fields = ("title", "title_feminine", "title_masculine")
    required_languages = {"default": ("title",)}  # in every language; the forms may be empty


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("photo_alt", "biography")


@register(Profile)
class ProfileTranslationOptions(TranslationOptions):
    fields = ("mission_statement",)
    required_languages = LANGUAGE_CODES

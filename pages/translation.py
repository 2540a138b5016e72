from modeltranslation.translator import TranslationOptions, register

from .models import Feature, Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "body")
    # Missing translations are NULL, so the per-language unique slugs allow many of them.
    empty_values = {"slug": None}


@register(Feature)
class FeatureTranslationOptions(TranslationOptions):
    fields = ("heading", "blurb")

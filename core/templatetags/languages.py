"""`item|in_language:LANGUAGE_CODE`, available in every template (a builtin): the version of a
release, page, event… to show a reader (see core.translated). To name a language in the
reader's language, use Django's own `code|language_name_translated` (i18n library).
"""

from django import template
from django.utils import translation

from core.translated import TranslatedContent, Version

register = template.Library()


@register.filter
def in_language(item: TranslatedContent, language: str | None = None) -> Version:
    """The translated fields of a release, page, event, series… to show a reader of `language`."""
    return item.in_language(language or translation.get_language())

from types import SimpleNamespace

from django import template
from django.utils import translation

from core.translated import LANGUAGE_CODES

register = template.Library()


@register.filter
def translated(obj, field):
    """`unit|translated:"mandate"`: an optional translated text in the reader's language, else in
    the first language that has it (French first), with that `language` for the lang attribute."""
    wanted = translation.get_language()
    for code in [wanted, *LANGUAGE_CODES]:
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return SimpleNamespace(text=value, language=code, is_fallback=code != wanted)
    return SimpleNamespace(text="", language=wanted, is_fallback=False)

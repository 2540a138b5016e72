from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

register = template.Library()


@lru_cache(maxsize=2048)
def _translated(path, language, code):
    """`path` (read in `language`) in the language `code`: the address depends on nothing but the
    URLconf, so it is kept (a bounded number of addresses, in each process)."""
    with translation.override(language):
        return translate_url(path, code)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language; a view may give exact addresses."""
    request = context["request"]
    exact = context.get("language_urls") or {}
    current = translation.get_language()
    path = request.get_full_path()
    return {
        "links": [
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": exact.get(code) or _translated(path, current, code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]
    }

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils import translation

from iom_cms.metadata import translated_url

register = template.Library()


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
                "url": exact.get(code) or translated_url(path, code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]
    }


@register.simple_tag(takes_context=True)
def page_address(context):
    """The page's full address, for print; only its path when the request named a host that is
    not ours (the 400 page answering it must still render)."""
    request = context["request"]
    try:
        return request.build_absolute_uri()
    except DisallowedHost:
        return request.get_full_path()

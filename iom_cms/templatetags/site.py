from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils import translation

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language; a view may give exact addresses."""
    request = context["request"]
    exact = context.get("language_urls") or {}
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = exact.get(code) or translate_url(request.get_full_path(), code)
        name = translation.get_language_info(code)["name_local"]  # the same in every language
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.simple_tag(takes_context=True)
def page_address(context):
    """The page's full address, for print; only its path when the request named a host that is
    not ours (the 400 page answering it must still render)."""
    request = context["request"]
    try:
        return request.build_absolute_uri()
    except DisallowedHost:
        return request.get_full_path()

from django import template
from django.conf import settings
from django.db import DatabaseError
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from iom_cms.models import SECTIONS, Page

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


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu: the pages staff put in it (one query), or the press releases alone.

    Without the database (the 500 page may be shown because of it) the site's sections stand in.
    """
    request = context["request"]
    try:
        entries = [
            {"title": str(page), "url": page.get_absolute_url()} for page in Page.objects.menu()
        ]
    except DatabaseError:
        entries = [{"title": str(title), "url": reverse(name)} for name, title in SECTIONS.items()]
    if not entries:
        entries = [{"title": _("Press releases"), "url": reverse("pressroom:list")}]
    for entry in entries:
        entry["current"] = request.path.startswith(entry["url"])
    return {"entries": entries}

from django import template
from django.db import DatabaseError
from django.urls import reverse
from django.utils.translation import gettext as _

from core.site_pieces import kept
from pages.models import SECTIONS, Page

register = template.Library()


def menu_entries():
    """[(title, address)]: the pages staff put in the menu (one query), or the press releases
    alone."""
    entries = [(str(page), page.get_absolute_url()) for page in Page.objects.menu()]
    return entries or [(_("Press releases"), reverse("pressroom:list"))]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu, built once per language until the public pages change (core/site_pieces.py).

    Without the database (the 500 page may be shown because of it) the site's sections stand in.
    """
    try:
        entries = kept("main-menu", menu_entries)
    except DatabaseError:
        entries = [(str(title), reverse(name)) for name, title in SECTIONS.items()]
    path = context["request"].path
    return {
        "entries": [
            {"title": title, "url": url, "current": path.startswith(url)} for title, url in entries
        ]
    }

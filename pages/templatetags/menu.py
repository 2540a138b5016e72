from django import template
from django.db import DatabaseError
from django.urls import reverse
from django.utils.translation import gettext as _

from pages.models import SECTIONS, Page

register = template.Library()


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

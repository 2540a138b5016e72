"""Demo content of the site itself: the seed page's menu as simple pages (demo_data/pages.toml).

"Qui sommes nous", the press releases and the events lead to their parts of the site (`section`).
The home page features the IDM 2024 release and its event.
"""

from django.db import transaction

from core.demo_data import read, texts
from events.demo import IDM_NEW_YORK_SLUG
from events.models import Event
from pressroom import demo as pressroom_demo

from .models import Feature, Page

PAGES = read(__file__, "pages")


@transaction.atomic
def load(*, stdout=None):
    """Create the demo pages once; existing ones (by original slug) stay as editors left them."""
    original = PAGES["original_language"]
    pages, created = {}, 0
    for order, item in enumerate(PAGES["page"], start=1):
        parent = pages.get(item.get("parent"))
        page = Page.objects.filter(
            **{f"slug_{original}": item[original]["slug"]}, parent=parent
        ).first()
        if page is None:
            page = Page(
                parent=parent,
                order=order,
                in_menu=True,
                is_published=True,
                section=item.get("section", ""),
                original_language=original,
                **texts(item),
            )
            page.full_clean()
            page.save()
            created += 1
        pages[item["key"]] = page
    features = _feature_idm()
    if stdout:
        stdout.write(f"Pages: {len(pages)}, {created} created. Featured items: {features}.")


def _feature_idm():
    """The IDM release and the IDM event first on the home page, once each."""
    targets = [
        {"release": pressroom_demo.idm_release()},
        {"event": Event.objects.filter(slug=IDM_NEW_YORK_SLUG).first()},
    ]
    for order, target in enumerate(targets, start=1):
        if None not in target.values():
            Feature.objects.get_or_create(**target, defaults={"order": order})
    return Feature.objects.count()

"""The home page's featured items, built once per language and kept until the public pages change
(core/site_pieces.py)."""

from django.utils import timezone, translation

from core.site_pieces import kept

from .models import Feature


def feature_cards(limit, at=None):
    """The cards of the first `limit` features public at `at` (now), in their order.

    Features of releases under embargo are kept with the moment their release becomes public,
    so an embargo ending needs no expiry."""
    at = at or timezone.now()
    cards = kept("home-features", _cards)
    return [card for public_from, card in cards if public_from is None or public_from <= at][:limit]


def _cards():
    language = translation.get_language()
    features = Feature.objects.public_or_scheduled().select_related(
        "release", "event", "page__parent"
    )
    return [(feature.public_from, feature.card(language)) for feature in features]

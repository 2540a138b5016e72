from django.contrib.sitemaps import Sitemap

from core.translated import LANGUAGE_CODES

from .models import PressRelease


class ReleaseSitemap(Sitemap):
    """Public releases, each under the languages it exists in, with the others as alternates."""

    i18n = True
    alternates = True
    limit = 5000

    def items(self):
        return (
            PressRelease.objects.published()
            .only(
                *[f"{name}_{code}" for name in ("title", "slug") for code in LANGUAGE_CODES],
                "original_language",
                "updated_at",
                "published_at",
                "status",
            )
            .order_by("-published_at", "-pk")
        )

    def get_languages_for_item(self, release):
        return release.languages

    def lastmod(self, release):
        return release.updated_at

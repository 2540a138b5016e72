"""sitemap.xml: every public page in each language it exists in, with hreflang alternates.

Each app's section reuses its public QuerySet (`published()`), so a draft or an embargoed
release can never be listed.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.sitemaps import EventSitemap, SeriesSitemap
from organisation.sitemaps import PersonSitemap, UnitSitemap
from pages.sitemaps import PageSitemap
from pressroom.sitemaps import ReleaseSitemap


class SectionSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return [
            "home",
            "pressroom:list",
            "events:list",
            "organisation:who-we-are",
            "organisation:structure",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "sections": SectionSitemap,
    "pages": PageSitemap,
    "releases": ReleaseSitemap,
    "events": EventSitemap,
    "series": SeriesSitemap,
    "units": UnitSitemap,
    "people": PersonSitemap,
}

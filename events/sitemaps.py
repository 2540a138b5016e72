from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef

from .models import Event, Series


class EventSitemap(Sitemap):
    """Published events, each under the languages it exists in."""

    i18n = True
    alternates = True

    def items(self):
        return Event.objects.published().order_by("pk")

    def get_languages_for_item(self, event):
        return event.languages

    def lastmod(self, event):
        return event.updated_at


class SeriesSitemap(Sitemap):
    """Series with at least one published edition."""

    i18n = True
    alternates = True

    def items(self):
        editions = Event.objects.published().filter(series=OuterRef("pk"))
        return Series.objects.filter(Exists(editions)).order_by("pk")

    def get_languages_for_item(self, series):
        return series.languages

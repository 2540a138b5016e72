from django.contrib.sitemaps import Sitemap

from .models import Person, Unit


class UnitSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return Unit.objects.order_by("pk")


class PersonSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return Person.objects.order_by("pk")

from django.contrib.sitemaps import Sitemap

from .models import Page


class PageSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        pages = Page.objects.public().filter(section="").select_related("parent")
        return pages.order_by("pk")

    def get_languages_for_item(self, page):
        return page.languages

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from core import media
from core.public_cache import same_in_every_language

from . import health, views
from .sitemaps import SITEMAPS

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Outside the language prefixes, and the same in every language.
    path("sitemap.xml", same_in_every_language(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", same_in_every_language(views.robots_txt), name="robots"),
    # Every upload is asked of Django first: is its page public, or may this request preview it?
    # Then nginx sends it (X-Accel-Redirect), or object storage (core/media.py).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media.serve, name="media"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("pressroom.urls")),
    path("", include("organisation.urls")),
    path("", include("events.urls")),
    path("", include("alerts.urls")),
    # Simple pages take whatever address is left: keep this last.
    path("", include("pages.urls")),
)

# 503 while the database is unreachable, else the standalone 500 page.
handler500 = "iom_cms.errors.server_error"

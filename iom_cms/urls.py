from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from . import views

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("pressroom.urls")),
)

if settings.DEBUG:
    urlpatterns += [
        path(f"{settings.MEDIA_URL}<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

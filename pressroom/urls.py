from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import api, feeds, previews, views

app_name = "pressroom"

LIST = _("press-releases/")

urlpatterns = [
    path(LIST, views.ReleaseListView.as_view(), name="list"),
    # Before the release pages: "feed" and "api" are not slugs of releases.
    path(format_lazy("{}feed/", LIST), feeds.ReleaseFeed(), name="feed"),
    path(format_lazy("{}api/", LIST), api.release_list, name="api"),
    path(format_lazy("{}api/schema.json", LIST), api.schema, name="api-schema"),
    # Never cached (private, no-store): each answer depends on the link's state.
    path(
        format_lazy("{}{}<str:token>/", LIST, previews.ADDRESS_WORD),
        previews.preview_link,
        name="preview",
    ),
    path(format_lazy("{}<slug:slug>/", LIST), views.ReleaseDetailView.as_view(), name="detail"),
]

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "pressroom"

urlpatterns = [
    path(_("press-releases/"), views.ReleaseListView.as_view(), name="list"),
    path(_("press-releases/<slug:slug>/"), views.ReleaseDetailView.as_view(), name="detail"),
]

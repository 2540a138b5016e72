from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "organisation"

urlpatterns = [
    path(_("who-we-are/"), views.WhoWeAreView.as_view(), name="who-we-are"),
    path(_("who-we-are/structure/"), views.StructureView.as_view(), name="structure"),
    path(_("who-we-are/structure/<slug:slug>/"), views.UnitView.as_view(), name="unit"),
    path(_("who-we-are/people/<slug:slug>/"), views.PersonView.as_view(), name="person"),
]

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "events"

urlpatterns = [
    path(_("events/"), views.EventListView.as_view(), name="list"),
    path(_("events/calendar.ics"), views.CalendarFeedView.as_view(), name="feed"),
    path(_("events/series/<slug:slug>/"), views.SeriesDetailView.as_view(), name="series"),
    path(_("events/<slug:slug>/"), views.EventDetailView.as_view(), name="detail"),
    path(_("events/<slug:slug>/calendar.ics"), views.EventCalendarView.as_view(), name="calendar"),
]

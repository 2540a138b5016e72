import datetime

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View

from core.privacy import keep_private, may_preview

from . import ical
from .forms import EventFilterForm
from .models import Event, Participation, Series, Session


class EventListView(ListView):
    """Upcoming events, soonest first, then past events, latest first, 20 a page."""

    paginate_by = 20
    template_name = "events/event_list.html"
    context_object_name = "past_events"

    def get(self, request, *args, **kwargs):
        self.form = EventFilterForm(request.GET or None)
        if self.form.is_bound and not self.form.is_valid():
            self.object_list = Event.objects.none()
            context = self.get_context_data(upcoming_events=Event.objects.none())
            return self.render_to_response(context, status=400)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.form.filter(Event.objects.published().past().select_related("series"))

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "upcoming_events",
            self.form.filter(Event.objects.published().upcoming().select_related("series")),
        )
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["years"] = self.form.year_choices()
        if context["is_paginated"]:
            page = context["page_obj"]
            context["page_range"] = page.paginator.get_elided_page_range(page.number)
        return context


class SeriesDetailView(DetailView):
    """A series, its About text and all its public editions, latest first."""

    model = Series
    template_name = "events/series_detail.html"
    context_object_name = "series"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["content"] = self.object.in_language(translation.get_language())
        context["editions"] = (
            self.object.events.published().with_sort_date().order_by("-sort_date", "-pk")
        )
        return context


class EventDetailView(DetailView):
    """An event: when and where, agenda by day, speakers, documents and press releases.

    A fixed number of queries however long the agenda: sessions, their speakers, the documents
    and the releases are each fetched once.
    """

    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        # Staff who may edit events see drafts, marked as a preview.
        if may_preview(self.request.user, "events.change_event"):
            events = Event.objects.all()
        else:
            events = Event.objects.published()
        participations = Participation.objects.select_related("speaker__person")
        sessions = Session.objects.prefetch_related(
            Prefetch("participations", queryset=participations)
        )
        return events.select_related("series").prefetch_related(
            Prefetch("sessions", queryset=sessions), "documents"
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        return response if self.object.is_published() else keep_private(response)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        context["content"] = event.in_language(translation.get_language())
        context["is_preview"] = not event.is_published()
        context["agenda"] = event.agenda()
        context["speakers"] = event.speakers()
        # Releases come through the reverse relation, filtered by their own public rule: the
        # events app does not import the press room.
        context["press_releases"] = event.press_releases.published()
        return context


class EventCalendarView(View):
    """The "Add to calendar" file of a public event with exact dates."""

    def get(self, request, slug):
        event = get_object_or_404(Event.objects.published(), slug=slug)
        if event.is_approximate:
            return render(request, "events/calendar_unavailable.html", {"event": event}, status=404)
        body = ical.calendar_file(
            [event], request=request, name=str(event), uid=ical.event_uid(event, request)
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
        return response


class CalendarFeedView(View):
    """The upcoming public events with exact dates, as a calendar to subscribe to."""

    def get(self, request):
        events = Event.objects.published().upcoming().filter(start__isnull=False)
        body = ical.calendar_file(
            events,
            request=request,
            name=_("IOM events"),
            uid=f"events-{translation.get_language()}@{ical.site_domain(request)}",
            refresh=datetime.timedelta(hours=12),
        )
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")

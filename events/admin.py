import zoneinfo

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from core.public_pages import LISTS
from core.translated import LANGUAGE_CODES

from .models import Document, Event, Participation, Series, Session, Speaker, time_zone_names


class EventTimeZoneMixin:
    """Dates and times on the form are in the event's time zone, not in Geneva's.

    An editor types 10:00 for a session at 10:00 in New York; the form is shown and read in
    that zone (the one just chosen, when the form is sent), and the database keeps UTC.
    """

    def event_time_zone(self, request, object_id):
        raise NotImplementedError

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        name = self.event_time_zone(request, object_id)
        zone = zoneinfo.ZoneInfo(name) if name in time_zone_names() else None
        with timezone.override(zone or timezone.get_default_timezone()):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()  # inside the zone: the widgets format their values then
        return response


class SessionInline(TranslationStackedInline):
    model = Session
    fields = ("title", "start", "end", "description")
    extra = 0
    show_change_link = True  # the session's own page lists its speakers


class DocumentInline(TranslationStackedInline):
    model = Document
    fields = ("title", "kind", "language", "file")
    extra = 0


@admin.register(Event)
class EventAdmin(EventTimeZoneMixin, TabbedTranslationAdmin):
    list_display = ("headline", "when", "city", "series", "status")
    list_filter = ("status", "format", "series")
    search_fields = [
        f"{name}_{code}" for name in ("title", "summary", "city") for code in LANGUAGE_CODES
    ] + ["slug"]
    autocomplete_fields = ("series",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (SessionInline, DocumentInline)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("series", "title", "slug", "summary", "body")}),
        (
            _("When"),
            {
                "fields": (
                    "time_zone",
                    "start",
                    "end",
                    "period_label",
                    "period_start",
                    "period_end",
                ),
                "description": _(
                    "Give the exact start and end, in the event's time zone; or, while they are "
                    "not announced, an approximate period in words and its first and last possible "
                    "day."
                ),
            },
        ),
        (_("Where"), {"fields": ("format", "venue", "city", "country")}),
        (_("Links"), {"fields": ("registration_url", "webcast_url", "recording_url")}),
        (_("Publication"), {"fields": ("status", "original_language")}),
        (_("History"), {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def get_prepopulated_fields(self, request, obj=None):
        # The slug is in addresses and calendar files: it is suggested once, never changed.
        return {} if obj else {"slug": ("title_fr",)}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "time_zone":
            return forms.ChoiceField(
                label=db_field.verbose_name.capitalize(),
                help_text=db_field.help_text,
                choices=[(name, name) for name in sorted(time_zone_names())],
                initial=db_field.default,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def event_time_zone(self, request, object_id):
        if request.method == "POST":
            return request.POST.get("time_zone")
        if object_id:
            event = self.get_object(request, unquote(object_id))
            return event.time_zone if event else None
        return None

    @admin.display(description=_("title"))
    def headline(self, event):
        return str(event) or event.slug

    @admin.display(description=_("when"), ordering="start")
    def when(self, event):
        if event.is_approximate:
            return event.period_label or "—"
        start = event.start.astimezone(event.zone)
        return f"{start:%Y-%m-%d %H:%M} ({event.time_zone})"


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ("speaker", "role", "position")
    autocomplete_fields = ("speaker",)
    extra = 1


@admin.register(Session)
class SessionAdmin(EventTimeZoneMixin, TabbedTranslationAdmin):
    list_display = ("__str__", "event", "start")
    list_select_related = ("event",)
    search_fields = [f"title_{code}" for code in LANGUAGE_CODES]
    autocomplete_fields = ("event",)
    fields = ("event", "title", "start", "end", "description")
    inlines = (ParticipationInline,)
    shown_on_public_pages = (LISTS,)  # its event's page and .ics (a release names the event only)

    def event_time_zone(self, request, object_id):
        event_id = request.POST.get("event") or request.GET.get("event")
        if not event_id and object_id:
            session = self.get_object(request, unquote(object_id))
            event_id = session.event_id if session else None
        if event_id and str(event_id).isdigit():
            return Event.objects.filter(pk=event_id).values_list("time_zone", flat=True).first()
        return None


@admin.register(Speaker)
class SpeakerAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "person", "affiliation")
    list_select_related = ("person",)
    search_fields = ["name", "person__name"] + [f"affiliation_{code}" for code in LANGUAGE_CODES]
    autocomplete_fields = ("person",)
    fields = ("person", "name", "affiliation")
    shown_on_public_pages = (LISTS,)  # event and people pages

    def get_search_results(self, request, queryset, search_term):
        # The autocomplete of a session's speakers shows staff by their name.
        return super().get_search_results(request, queryset.select_related("person"), search_term)


@admin.register(Series)
class SeriesAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "acronym", "founded_year", "slug")
    search_fields = [f"name_{code}" for code in LANGUAGE_CODES] + ["slug"]
    fields = ("name", "acronym", "slug", "founded_year", "description", "about_heading", "about")

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("name_fr",)}

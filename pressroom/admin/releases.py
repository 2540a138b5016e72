from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from iom_cms.translated import LANGUAGE_CODES

from .. import cache as page_cache
from ..models import PressRelease, Topic
from ..workflow import can_publish, keep_publication, release_set_status
from .filters import LanguageAvailableFilter, TopicFilter
from .forms import PressReleaseAdminForm
from .history import changed_fields, revision_diff
from .state import ready_label, state_label


@admin.register(PressRelease)
class PressReleaseAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    form = PressReleaseAdminForm
    list_display = ("headline", "state", "published_at", "language_codes", "thumbnail")
    list_filter = ("status", "kind", TopicFilter, LanguageAvailableFilter, "original_language")
    date_hierarchy = "published_at"
    search_fields = [
        f"{name}_{code}" for name in ("title", "lead", "body") for code in LANGUAGE_CODES
    ]
    autocomplete_fields = ("contacts", "issuing_unit", "quoted_people", "event")
    prepopulated_fields = {f"slug_{code}": (f"title_{code}",) for code in LANGUAGE_CODES}
    readonly_fields = ("current_state", "thumbnail", "created_at", "updated_at")
    actions = ("publish", "unpublish")
    list_per_page = 50
    save_on_top = True
    object_history_list_template = "admin/pressroom/pressrelease/history_list.html"
    fieldsets = (
        (None, {"fields": ("title", "slug", "dateline", "lead", "body")}),
        (gettext_lazy("Publication"), {"fields": (
            "current_state", "kind", "status", "published_at", "original_language",
            "loaded_version",
        )}),
        (gettext_lazy("Image"), {
            "fields": ("image", "thumbnail", "image_caption", "image_alt", "image_credit"),
        }),
        (gettext_lazy("Topics and contacts"), {
            "fields": ("topics", "contacts", "note_to_editors"),
        }),
        (gettext_lazy("Office and people quoted"), {"fields": ("issuing_unit", "quoted_people")}),
        (gettext_lazy("Event"), {"fields": ("event",)}),
        (gettext_lazy("History"), {
            "fields": ("created_at", "updated_at"), "classes": ("collapse",),
        }),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "topics":
            # Topics are chosen from the translated list (Topic admin), with the admin's own
            # autocomplete; taggit's free-text field would create untranslated topics.
            return forms.ModelMultipleChoiceField(
                label=gettext_lazy("Topics"), queryset=Topic.objects.all(), required=False,
                widget=AutocompleteSelectMultiple(db_field, self.admin_site),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        """Writers see the status, and a published release's time, without changing them."""
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            fields.append("status")
            if obj is not None and obj.status == PressRelease.Status.PUBLISHED:
                fields.append("published_at")
        return fields

    def save_model(self, request, obj, form, change):
        if not can_publish(request.user):
            keep_publication(obj)  # whatever the form held: a crafted POST, a restored revision
        if change:
            obj.version = form.current_version + 1  # the row is locked since the form's check
        super().save_model(request, obj, form, change)
        # Public pages may be cached (pressroom/cache.py): every change clears them once committed.
        page_cache.clear_on_commit()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        page_cache.clear_on_commit()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        page_cache.clear_on_commit()

    @admin.display(description=gettext_lazy("title"))
    def headline(self, release):
        # In the editor's language when it exists, else the original: never an empty link.
        return str(release)

    @admin.display(description=gettext_lazy("state"), ordering="status")
    def state(self, release):
        return state_label(release)

    @admin.display(description=gettext_lazy("state"))
    def current_state(self, release):
        if release is None or release.pk is None:
            return _("Draft")
        return format_html(
            "{}<br>{} {}", state_label(release), _("Languages ready:"), ready_label(release)
        )

    @admin.display(description=gettext_lazy("languages ready"))
    def language_codes(self, release):
        return ready_label(release)

    @admin.display(description=gettext_lazy("preview"))
    def thumbnail(self, release):
        if not release.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="100" loading="lazy">', release.image.url
        )

    def has_publish_permission(self, request):
        return can_publish(request.user)

    @admin.action(
        description=gettext_lazy("Publish the selected releases"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        count = self._set_status(request, queryset, PressRelease.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%d release published.", "%d releases published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(
        description=gettext_lazy("Unpublish the selected releases"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        count = self._set_status(request, queryset, PressRelease.Status.DRAFT)
        self.message_user(
            request,
            ngettext("%d release unpublished.", "%d releases unpublished.", count) % count,
            messages.SUCCESS,
        )

    def _set_status(self, request, queryset, status):
        # Each release saved (so "last changed" moves, for feeds and the sitemap) with a revision.
        count = release_set_status(releases=queryset, status=status, user=request.user)
        page_cache.clear_on_commit()
        return count

    # History (django-simple-history): the list, a revision restored, two revisions compared.

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="pressroom_pressrelease_compare",
        )
        return [compare, *super().get_urls()]

    @transaction.atomic  # the form's version check locks the release's row until the save
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        return super().history_form_view(request, object_id, version_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        records = list(historical_records)
        for newer, older in zip(records, records[1:], strict=False):
            newer.changed_labels = changed_fields(older, newer)

    def compare_view(self, request, object_id):
        release = self.get_object(request, unquote(object_id))
        if release is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, release):
            raise PermissionDenied
        history_url = reverse("admin:pressroom_pressrelease_history", args=[release.pk])
        wanted = [request.GET.get("old", ""), request.GET.get("new", "")]
        if not all(value.isdigit() for value in wanted):
            messages.error(request, _("Choose two revisions to compare."))
            return redirect(history_url)
        revisions = {r.pk: r for r in release.history.filter(history_id__in=wanted)}
        if len(revisions) != len(set(wanted)) or len(set(wanted)) != 2:
            messages.error(request, _("Choose two different revisions of this release."))
            return redirect(history_url)
        old, new = sorted(revisions.values(), key=lambda r: (r.history_date, r.pk))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Changes to “%s”") % release,
            "opts": self.opts,
            "original": release,
            "old": old,
            "new": new,
            "sections": revision_diff(old, new),
            "history_url": history_url,
        }
        return TemplateResponse(request, "admin/pressroom/pressrelease/compare.html", context)

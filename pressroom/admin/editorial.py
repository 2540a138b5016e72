"""Corrections in the admin, and what the release form adds for the editorial workflow.

Kept apart from admin.py: PressReleaseAdmin only mixes in `EditorialReleaseAdmin`.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .. import services
from ..models import Correction
from ..roles import can_publish
from .previews import PublishersOnly, ReleaseFromAddress


@admin.register(Correction)
class CorrectionAdmin(PublishersOnly, ReleaseFromAddress, TabbedTranslationAdmin):
    list_display = ("release", "corrected_at", "created_by")
    list_select_related = ("release", "created_by")
    list_filter = ("corrected_at",)
    autocomplete_fields = ("release",)
    fields = ("release", "text", "corrected_at", "created_by")
    readonly_fields = ("corrected_at", "created_by")

    def get_readonly_fields(self, request, obj=None):
        # A correction belongs to its release for good.
        return self.readonly_fields + (("release",) if obj else ())

    clears_public_pages_on_save = False  # services.correction_save() tells the caches

    def save_model(self, request, obj, form, change):
        services.correction_save(correction=obj, user=request.user)


class EditorialReleaseAdmin:
    """Mixed into PressReleaseAdmin: links to the release's corrections and preview links."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not can_publish(request.user):
            return fieldsets
        return (*fieldsets, (_("Corrections and preview links"), {"fields": ("editorial_links",)}))

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "editorial_links")

    @admin.display(description=_("for publishers"))
    def editorial_links(self, release):
        pairs = [
            (
                "correction_changelist",
                "?release__id__exact",
                _("Corrections (%d)") % release.corrections.count(),
            ),
            (
                "previewlink_changelist",
                "?release__id__exact",
                _("Preview links (%d)") % release.preview_links.count(),
            ),
            ("previewlink_add", "?release", _("Create a preview link")),
        ]
        if release.is_published():  # only a public release can be corrected
            pairs.append(("correction_add", "?release", _("Add a correction")))
        return format_html_join(
            " · ",
            '<a href="{}{}={}">{}</a>',
            [
                (reverse(f"admin:pressroom_{name}"), query, release.pk, label)
                for name, query, label in pairs
            ],
        )

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from taggit.models import Tag

from iom_cms.translated import LANGUAGE_CODES, filled

from . import cache as page_cache
from .admin_editorial import EditorialReleaseAdmin  # also registers corrections, preview links
from .models import MediaContact, PressRelease, TaggedRelease, Topic

# Releases use our translated Topic; taggit's own untranslated tags would only confuse editors.
admin.site.unregister(Tag)


class LanguageAvailableFilter(admin.SimpleListFilter):
    title = _("language available")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, code.upper()) for code in LANGUAGE_CODES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return queryset.filter(filled(f"title_{self.value()}"))
        return queryset


class TopicFilter(admin.SimpleListFilter):
    title = _("topic")
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [(topic.slug, topic.name) for topic in Topic.objects.order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            links = TaggedRelease.objects.filter(
                content_object=OuterRef("pk"), tag__slug=self.value()
            )
            return queryset.filter(Exists(links))
        return queryset


@admin.register(PressRelease)
class PressReleaseAdmin(EditorialReleaseAdmin, TabbedTranslationAdmin):
    list_display = ("headline", "state", "published_at", "language_codes", "thumbnail")
    list_filter = ("status", "kind", TopicFilter, LanguageAvailableFilter, "original_language")
    date_hierarchy = "published_at"
    search_fields = [
        f"{name}_{code}" for name in ("title", "lead", "body") for code in LANGUAGE_CODES
    ]
    autocomplete_fields = ("contacts", "issuing_unit", "quoted_people", "event")
    prepopulated_fields = {f"slug_{code}": (f"title_{code}",) for code in LANGUAGE_CODES}
    readonly_fields = ("thumbnail", "created_at", "updated_at")
    actions = ("publish", "unpublish")
    list_per_page = 50
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("title", "slug", "dateline", "lead", "body")}),
        (_("Publication"), {"fields": ("kind", "status", "published_at", "original_language")}),
        (_("Image"), {
            "fields": ("image", "thumbnail", "image_caption", "image_alt", "image_credit"),
        }),
        (_("Topics and contacts"), {"fields": ("topics", "contacts", "note_to_editors")}),
        (_("Office and people quoted"), {"fields": ("issuing_unit", "quoted_people")}),
        (_("Event"), {"fields": ("event",)}),
        (_("History"), {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "topics":
            # Topics are chosen from the translated list (Topic admin), with the admin's own
            # autocomplete; taggit's free-text field would create untranslated topics.
            return forms.ModelMultipleChoiceField(
                label=_("Topics"), queryset=Topic.objects.all(), required=False,
                widget=AutocompleteSelectMultiple(db_field, self.admin_site),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # Public pages may be cached (pressroom/cache.py): every change clears them once committed.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        page_cache.clear_on_commit()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        page_cache.clear_on_commit()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        page_cache.clear_on_commit()

    @admin.display(description=_("title"))
    def headline(self, release):
        # In the editor's language when it exists, else the original: never an empty link.
        return str(release)

    @admin.display(description=_("state"), ordering="status")
    def state(self, release):
        if release.status == PressRelease.Status.DRAFT:
            return _("Draft")
        if release.published_at > timezone.now():
            return _("Scheduled")
        return _("Published")

    @admin.display(description=_("languages"))
    def language_codes(self, release):
        return " ".join(code.upper() for code in release.languages)

    @admin.display(description=_("preview"))
    def thumbnail(self, release):
        if not release.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="100" loading="lazy">', release.image.url
        )

    @admin.action(description=_("Publish the selected releases"), permissions=["change"])
    def publish(self, request, queryset):
        count = self._set_status(queryset, PressRelease.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%d release published.", "%d releases published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected releases"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = self._set_status(queryset, PressRelease.Status.DRAFT)
        self.message_user(
            request,
            ngettext("%d release unpublished.", "%d releases unpublished.", count) % count,
            messages.SUCCESS,
        )

    def _set_status(self, queryset, status):
        # update() skips auto_now: set "last changed" (feeds, sitemap) ourselves.
        count = queryset.update(status=status, updated_at=timezone.now())
        page_cache.clear_on_commit()
        return count


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = [f"name_{code}" for code in LANGUAGE_CODES] + ["slug"]
    fields = ("name", "slug")
    readonly_fields = ()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        page_cache.clear_on_commit()  # topic names appear on the cached lists

    def get_readonly_fields(self, request, obj=None):
        # The slug is in every filtered address: it never changes once set.
        return ("slug",) if obj else ()

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("name_fr",)}


@admin.register(MediaContact)
class MediaContactAdmin(TabbedTranslationAdmin):
    list_display = ("name", "role", "office", "email", "phone")
    search_fields = ["name", "email"] + [
        f"{name}_{code}" for name in ("role", "office") for code in LANGUAGE_CODES
    ]

"""The release admin: the form, the list, the publish actions and who may use them."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from core.translated import LANGUAGE_CODES

from .. import services
from ..models import PressRelease, Topic
from ..roles import can_publish
from .editorial import EditorialReleaseAdmin  # also registers corrections and preview links
from .filters import LanguageAvailableFilter, TopicFilter
from .forms import PressReleaseAdminForm
from .history_views import ReleaseHistoryAdmin
from .state import picker_label, ready_label, state_label


@admin.register(PressRelease)
class PressReleaseAdmin(EditorialReleaseAdmin, ReleaseHistoryAdmin, TabbedTranslationAdmin):
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
    fieldsets = (
        (None, {"fields": ("title", "slug", "dateline", "lead", "body")}),
        (
            gettext_lazy("Publication"),
            {
                "fields": (
                    "current_state",
                    "kind",
                    "status",
                    "published_at",
                    "original_language",
                    "loaded_version",
                )
            },
        ),
        (
            gettext_lazy("Image"),
            {
                "fields": ("image", "thumbnail", "image_caption", "image_alt", "image_credit"),
            },
        ),
        (
            gettext_lazy("Topics and contacts"),
            {
                "fields": ("topics", "contacts", "note_to_editors"),
            },
        ),
        (gettext_lazy("Office and people quoted"), {"fields": ("issuing_unit", "quoted_people")}),
        (gettext_lazy("Event"), {"fields": ("event",)}),
        (
            gettext_lazy("History"),
            {
                "fields": ("created_at", "updated_at"),
                "classes": ("collapse",),
            },
        ),
    )

    def get_search_results(self, request, queryset, search_term):
        """The pickers of other forms (a preview link's, a correction's release) match the title
        in any language or the number (“#12”: the number only), latest first: words of a body
        would put other releases, embargoed ones too, first. The list of releases searches the
        whole text."""
        if request.resolver_match is None or request.resolver_match.url_name != "autocomplete":
            return super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term.startswith("#") and term[1:].isdigit():
            return queryset.filter(pk=int(term[1:])), False
        if not term:
            return queryset.order_by("-published_at", "-pk"), False
        matches = Q()
        for code in LANGUAGE_CODES:
            matches |= Q(**{f"title_{code}__icontains": term})
        if term.isdigit():
            matches |= Q(pk=int(term))
        return queryset.filter(matches).order_by("-published_at", "-pk"), False

    def autocomplete_label(self, release):
        """What a picker shows for each release (iom_cms.admin_site.AutocompleteView)."""
        return picker_label(release)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "topics":
            # Topics are chosen from the translated list (Topic admin), with the admin's own
            # autocomplete; taggit's free-text field would create untranslated topics.
            return forms.ModelMultipleChoiceField(
                label=gettext_lazy("Topics"),
                queryset=Topic.objects.all(),
                required=False,
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

    clears_public_pages_on_save = False  # services.release_save() tells the caches

    def save_model(self, request, obj, form, change):
        # Whatever the form held (a crafted POST, a restored revision): the service applies the
        # writers' rule, and raises the version of the row the form's check has locked.
        services.release_save(release=obj, user=request.user)

    def save_related(self, request, form, formsets, change):
        release = form.instance
        release.skip_history_when_saving = True  # the lists go into the save's own revision
        try:
            super().save_related(request, form, formsets, change)
        finally:
            del release.skip_history_when_saving
        services.release_record_lists(release=release)

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
        return format_html('<img src="{}" alt="" width="100" loading="lazy">', release.image.url)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    @admin.action(
        description=gettext_lazy("Publish the selected releases"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        count = services.release_set_status(
            releases=queryset, status=PressRelease.Status.PUBLISHED, user=request.user
        )
        self.message_user(
            request,
            ngettext("%d release published.", "%d releases published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(
        description=gettext_lazy("Unpublish the selected releases"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        count = services.release_set_status(
            releases=queryset, status=PressRelease.Status.DRAFT, user=request.user
        )
        self.message_user(
            request,
            ngettext("%d release unpublished.", "%d releases unpublished.", count) % count,
            messages.SUCCESS,
        )

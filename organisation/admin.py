from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from core.public_pages import LISTS

from . import services
from .models import LANGUAGE_CODES, Appointment, Person, Position, Profile, Unit


class TreeOrderedChangeList(ChangeList):
    """Rows in the order of the tree (a unit, then its sub-units), whatever the filters."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return self.model_admin.in_tree_order(queryset)


class ShiftButtonsMixin:
    """Up and down buttons on each row of the changelist, which call a service.

    The buttons submit the changelist's own form (and its CSRF token) to the shift view with
    `formaction`: no JavaScript, and nothing changes on a GET.
    """

    sortable_by = ()  # the order is the tree's, not a column's

    def get_changelist(self, request, **kwargs):
        return TreeOrderedChangeList

    def get_urls(self):
        opts = self.model._meta
        shift = self.admin_site.admin_view(self.shift_view)
        return [
            path(
                "<path:object_id>/shift/<str:direction>/",
                shift,
                name=f"{opts.app_label}_{opts.model_name}_shift",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("move"))
    def shift_buttons(self, obj):
        opts = self.model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}_shift"
        return format_html(
            '<button type="submit" class="button" formaction="{}" aria-label="{}">↑</button> '
            '<button type="submit" class="button" formaction="{}" aria-label="{}">↓</button>',
            reverse(name, args=[obj.pk, "up"]),
            _("Move “%s” up") % obj,
            reverse(name, args=[obj.pk, "down"]),
            _("Move “%s” down") % obj,
        )

    def shift_view(self, request, object_id, direction):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, object_id)
        if obj is None or direction not in ("up", "down"):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        self.shift(obj, by=-1 if direction == "up" else 1)
        back = request.headers.get("referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            opts = self.model._meta
            back = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return HttpResponseRedirect(back)


@admin.register(Unit)
class UnitAdmin(ShiftButtonsMixin, TabbedTranslationAdmin):
    list_display = ("indented_name", "kind", "shift_buttons")
    list_filter = ("kind",)
    search_fields = [f"{name}_{code}" for name in ("name", "short_name") for code in LANGUAGE_CODES]
    autocomplete_fields = ("parent",)
    readonly_fields = ("position",)
    fields = ("name", "short_name", "slug", "kind", "parent", "position", "mandate")
    list_per_page = 500
    clears_public_pages_on_save = False  # services.unit_move() tells the caches

    def in_tree_order(self, queryset):
        return queryset.in_tree_order()

    def get_readonly_fields(self, request, obj=None):
        # The slug is in the page's address in every language: it never changes once set.
        return ("position", "slug") if obj else ("position",)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("name_en",)}

    @admin.display(description=_("name"))
    def indented_name(self, unit):
        # Em spaces, not a style attribute: the Content-Security-Policy refuses inline styles.
        depth = getattr(unit, "depth", 0)
        return format_html("{}{}", "\u2003\u2003" * depth + ("└ " if depth else ""), unit.name)

    def shift(self, unit, by):
        services.unit_shift(unit=unit, by=by)

    def save_model(self, request, obj, form, change):
        # Through the service: it numbers the unit among its new siblings and checks for a
        # cycle again under a lock (the form's validation has already told the editor).
        services.unit_move(unit=obj, new_parent=obj.parent)


class AppointmentFormSet(forms.BaseInlineFormSet):
    def clean(self):
        """A post has one holder on any day, ad interim or not (PostgreSQL checks it too)."""
        super().clean()
        periods = sorted(
            (
                (form.cleaned_data["start_date"], form.cleaned_data.get("end_date"), form)
                for form in self.forms
                if form.cleaned_data.get("start_date") and not form.cleaned_data.get("DELETE")
            ),
            key=lambda period: period[0],
        )
        # Sorted by start, two appointments overlap only if two neighbours do.
        for (_start, end, _form), (next_start, _end, next_form) in zip(
            periods, periods[1:], strict=False
        ):
            if end is None or end >= next_start:
                next_form.add_error(
                    "start_date",
                    _(
                        "This appointment overlaps another one: a post has one holder on any day, "
                        "ad interim or not. End the other one before this one starts."
                    ),
                )


class AppointmentInline(admin.TabularInline):
    model = Appointment
    formset = AppointmentFormSet
    fields = ("person", "start_date", "end_date", "interim")
    autocomplete_fields = ("person",)
    extra = 1


@admin.register(Position)
class PositionAdmin(ShiftButtonsMixin, TabbedTranslationAdmin):
    list_display = ("title", "unit", "in_leadership_team", "current_holder", "shift_buttons")
    list_filter = ("in_leadership_team", ("unit", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("unit",)
    search_fields = [
        f"{name}_{code}"
        for name in ("title", "title_feminine", "title_masculine")
        for code in LANGUAGE_CODES
    ]
    autocomplete_fields = ("unit",)
    fields = ("title", "title_feminine", "title_masculine", "unit", "order", "in_leadership_team")
    readonly_fields = ("order",)
    inlines = (AppointmentInline,)
    list_per_page = 200
    clears_public_pages_on_save = False  # services.position_move() tells the caches
    shown_on_public_pages = (LISTS,)  # organisation and people pages (deletions)

    def in_tree_order(self, queryset):
        return queryset.in_tree_order().with_holders()

    @admin.display(description=_("current holder"))
    def current_holder(self, position):
        holders = getattr(position, "holders", None)
        if holders is None:
            return "—"
        return ", ".join(str(appointment.person) for appointment in holders) or "—"

    def shift(self, position, by):
        services.position_shift(position=position, by=by)

    def save_model(self, request, obj, form, change):
        services.position_move(position=obj, new_unit=obj.unit)


class PostsHeldInline(admin.TabularInline):
    """A person's posts, for reference: they are edited on each position."""

    model = Appointment
    verbose_name_plural = _("posts held (edited on each position)")
    fields = readonly_fields = ("position", "start_date", "end_date", "interim")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("position__unit")


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "title_form")
    search_fields = ["name", "slug"]
    fields = ("name", "slug", "title_form", "photo", "photo_alt", "biography")
    inlines = (PostsHeldInline,)

    def get_readonly_fields(self, request, obj=None):
        return ("slug",) if obj else ()

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("name",)}


@admin.register(Profile)
class ProfileAdmin(TabbedTranslationAdmin):
    """The one profile: the list leads straight to it."""

    fields = (
        "mission_statement",
        "founded_in",
        "member_states",
        "countries_present",
        "figures_checked_on",
    )

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Profile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        profile = Profile.objects.first()
        if profile is not None:
            return HttpResponseRedirect(
                reverse("admin:organisation_profile_change", args=[profile.pk])
            )
        return super().changelist_view(request, extra_context)

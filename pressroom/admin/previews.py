"""Preview links in the admin: publishers create them, copy them, and revoke them."""

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import services
from ..models import PressRelease, PreviewLink
from ..roles import can_publish


class PublishersOnly:
    """Only publishers see, add, change or delete these (pressroom.roles.can_publish)."""

    def has_module_permission(self, request):
        return can_publish(request.user)

    def has_view_permission(self, request, obj=None):
        return can_publish(request.user)

    def has_add_permission(self, request):
        return can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_publish(request.user)


class ReleaseFromAddress:
    """The add form takes its release from the address (?release=<id>), as the release's form
    links to it; an id that names no release is ignored (the autocomplete would fail on it)."""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        release_id = str(initial.pop("release", ""))
        release = release_id.isdigit() and PressRelease.objects.filter(pk=release_id).first()
        if release:
            initial["release"] = release
        return initial


class PreviewLinkForm(forms.ModelForm):
    revoke = forms.BooleanField(
        label=_("Revoke this link"),
        required=False,
        help_text=_("The link stops working at once, for good."),
    )

    class Meta:
        model = PreviewLink
        fields = ("release", "language", "note", "expires_at")


@admin.register(PreviewLink)
class PreviewLinkAdmin(PublishersOnly, ReleaseFromAddress, admin.ModelAdmin):
    form = PreviewLinkForm
    list_display = ("note", "release", "language", "state", "expires_at", "created_by", "open")
    list_filter = ("language",)
    list_select_related = ("release", "created_by")
    search_fields = ("note",)
    autocomplete_fields = ("release",)
    readonly_fields = ("state", "created_by", "created_at", "revoked_at")
    actions = ("revoke_links",)
    clears_public_pages_on_save = False  # preview links are on no public page

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return ((None, {"fields": ("release", "language", "note", "expires_at")}),)
        return (
            (
                None,
                {
                    "fields": (
                        "release",
                        "language",
                        "note",
                        "expires_at",
                        "state",
                        "revoke",
                        "created_by",
                        "created_at",
                        "revoked_at",
                    )
                },
            ),
        )

    def get_readonly_fields(self, request, obj=None):
        # A link names one release in one language for good: a new need is a new link.
        return self.readonly_fields + (("release", "language") if obj else ())

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        release = initial.get("release")
        if release:  # from the release's form (ReleaseFromAddress): its language is likely
            initial.setdefault("language", release.original_language)
        return initial

    def change_view(self, request, object_id, form_url="", extra_context=None):
        link = self.get_object(request, object_id)
        if link is not None:
            address = request.build_absolute_uri(link.get_absolute_url())
            extra_context = {**(extra_context or {}), "preview_address": address}
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            services.preview_link_create(link=obj, user=request.user)
            return
        obj.save()
        if form.cleaned_data.get("revoke"):
            services.preview_link_revoke(links=PreviewLink.objects.filter(pk=obj.pk))

    def response_add(self, request, obj, post_url_continue=None):
        # Straight to the link's page, where the address is ready to copy.
        if "_addanother" in request.POST or "_popup" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        self.message_user(request, _("The preview link was created: copy it below."))
        return redirect(reverse("admin:pressroom_previewlink_change", args=[obj.pk]))

    @admin.display(description=_("state"))
    def state(self, link):
        if link.revoked_at:
            return _("Revoked")
        if link.expires_at <= timezone.now():
            return _("Expired")
        return _("Valid")

    @admin.display(description=_("link"))
    def open(self, link):
        # A plain link: the browser's “copy link” gives the full address.
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            link.get_absolute_url(),
            _("preview"),
        )

    @admin.action(description=_("Revoke the selected links"))
    def revoke_links(self, request, queryset):
        count = services.preview_link_revoke(links=queryset)
        self.message_user(
            request,
            ngettext("%d link revoked.", "%d links revoked.", count) % count,
            messages.SUCCESS,
        )

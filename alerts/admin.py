"""Email alerts in the admin: counts per filter for staff; addresses only with a permission.

A subscriber's alerts are theirs to change (by the links in every email): the admin shows how
many follow each filter, never who, unless the user has “Can see subscribers' addresses”
(alerts.see_subscriber_addresses), given to whoever answers data-subject requests. With it,
one address can be found (by its exact spelling), exported as JSON or deleted with
everything kept about it.
"""

import json

from django.contrib import admin
from django.db.models import Count, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import filters, services
from .models import Address, Subscription

SEE_ADDRESSES = "alerts.see_subscriber_addresses"


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """One line per filter followed: how many confirmed subscriptions, by frequency."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Only with an address deleted in AddressAdmin (a data-subject request).
        return request.user.has_perm(SEE_ADDRESSES)

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        live = Q(confirmed_at__isnull=False)
        rows = (
            Subscription.objects.values("query")
            .annotate(
                confirmed=Count("pk", filter=live),
                pending=Count("pk", filter=~live),
                **{
                    frequency: Count("pk", filter=live & Q(frequency=frequency))
                    for frequency in Subscription.Frequency.values
                },
            )
            .order_by("-confirmed", "query")
        )
        language = translation.get_language()
        filters_followed = [
            {**row, "description": filters.describe(row["query"], language)} for row in rows
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Email alerts: subscriptions per filter"),
            "rows": filters_followed,
            "frequencies": Subscription.Frequency.choices,
        }
        return TemplateResponse(request, "admin/alerts/filter_counts.html", context)


@admin.register(Address)
class AddressAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "paused_at", "bounces"]
    search_fields = ["=email"]
    readonly_fields = ["email", "created_at", "paused_at", "bounces"]
    actions = ["export"]

    def has_module_permission(self, request):
        return request.user.has_perm(SEE_ADDRESSES)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(SEE_ADDRESSES)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(SEE_ADDRESSES) and super().has_delete_permission(request, obj)

    @admin.action(description=_("Export everything kept about the selected addresses (JSON)"))
    def export(self, request, queryset):
        data = [services.address_export(address=address) for address in queryset]
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="email-alerts-export.json"'
        return response

    def delete_model(self, request, obj):
        services.address_delete(address=obj)

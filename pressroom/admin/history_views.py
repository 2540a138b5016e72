"""A release's history in the admin (django-simple-history's pages): the list says who changed
which fields and when; two revisions chosen there are compared; a revision may be restored."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from .history import changed_fields, revision_diff


class ReleaseHistoryAdmin(SimpleHistoryAdmin):
    object_history_list_template = "admin/pressroom/pressrelease/history_list.html"

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="pressroom_pressrelease_compare",
        )
        return [compare, *super().get_urls()]

    # simple-history looks ids up as given: one that is not a number would be a 500, not a 404.
    def history_view(self, request, object_id, extra_context=None):
        if not self._valid_ids(object_id):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return super().history_view(request, object_id, extra_context)

    @transaction.atomic  # the form's version check locks the release's row until the save
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not self._valid_ids(object_id, version_id):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _valid_ids(self, *ids):
        try:
            for value in ids:
                self.opts.pk.to_python(unquote(value))
        except ValidationError:
            return False
        return True

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
        found = release.history.filter(history_id__in=wanted).select_related("history_user")
        revisions = {revision.pk: revision for revision in found}
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

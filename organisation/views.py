"""“Who we are”, the structure, a unit and a person: each page a fixed number of queries.

The tree is read in one query and nested in Python (tree.py), whatever its depth and size.
Releases come through the reverse relations, so only published ones, and without importing the
press room (which depends on this app, not the other way round).
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from . import pieces, tree
from .models import Person, Position, Unit

LATEST_RELEASES = 5
RELEASES_QUOTING = 10


class WhoWeAreView(TemplateView):
    template_name = "organisation/who_we_are.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["profile"] = pieces.profile()
        context["leaders"] = (
            Position.objects.leadership().in_tree_order().select_related("unit").with_holders()
        )
        return context


class HoldersOnForm(forms.Form):
    on = forms.DateField(
        label=_("Who held these posts on"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date such as 2023-05-01.")},
    )


class HoldersOnMixin:
    """Posts shown with their holders today, or `?on=` a date; a malformed date is a 400 that
    says why (and the page shows today's holders)."""

    def get(self, request, *args, **kwargs):
        self.form = HoldersOnForm(request.GET or None)
        response = super().get(request, *args, **kwargs)
        if self.form.is_bound and not self.form.is_valid():
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        on = (self.form.cleaned_data.get("on") if self.form.is_valid() else None) or today
        context.update(form=self.form, on=on, today=today)
        return context


class StructureView(HoldersOnMixin, TemplateView):
    """Every unit under the one it reports to, each with its posts and their holders."""

    template_name = "organisation/structure.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        units = tree.as_nested_list(Unit.objects.without_mandates().tree())
        posts = {}
        positions = Position.objects.order_by("unit_id", "order").with_holders(context["on"])
        for position in positions:
            posts.setdefault(position.unit_id, []).append(position)
        for unit in units:
            unit.posts = posts.get(unit.pk, [])
        context["units"] = units
        return context


class UnitView(HoldersOnMixin, DetailView):
    """A unit: its mandate, its posts and who holds them (today or `?on=` a date), its sub-units
    and its latest releases."""

    model = Unit
    context_object_name = "unit"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        units = {node.pk: node for node in tree.walk(Unit.objects.without_mandates().tree())}
        node = units[unit.pk]
        context["ancestors"] = tree.ancestors(node, units)
        context["subunits"] = tree.as_nested_list(node.subunits)
        context["positions"] = unit.positions.order_by("order").with_holders(context["on"])
        context["releases"] = unit.press_releases.published().listed(limit=LATEST_RELEASES)
        return context


class PersonView(DetailView):
    model = Person
    context_object_name = "person"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        appointments = self.object.appointments.select_related("position__unit")
        context["current"] = appointments.current()
        context["upcoming"] = appointments.upcoming()
        context["past"] = appointments.past()
        releases = self.object.quoted_in.published()
        context["releases"] = releases.listed(limit=RELEASES_QUOTING)
        context["release_count"] = releases.count()
        return context

"""The release form's guard against lost edits.

The form carries the version of the release it was opened on (a hidden field). When it is sent,
the release's row is locked (SELECT … FOR UPDATE, inside the admin's transaction, until the save)
and its version compared: if someone saved in between, the save is refused with a form error that
says who, when and what they changed (from the history), and the editor's text stays in the form.
The refused form then carries the current version, so saving again is a deliberate choice to
replace the other changes.
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import to_historic
from simple_history.utils import get_m2m_reverse_field_name

from ..models import PressRelease
from .history import changed_fields
from .state import GENEVA, moment


class PressReleaseAdminForm(forms.ModelForm):
    loaded_version = forms.IntegerField(
        label=gettext_lazy("version"), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_version = None
        if self.instance.pk is None or self.is_bound:
            return
        # From the database, not the instance: a revision being restored has an old number.
        self.fields["loaded_version"].initial = current_version(self.instance.pk)
        revision = to_historic(self.instance)
        if revision is not None:
            # A revision being restored: its contacts and people quoted, not today's.
            for name in ("contacts", "quoted_people"):
                if name in self.fields:
                    self.initial[name] = revision_links(revision, name)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        loaded = cleaned_data.get("loaded_version")
        self.current_version = current_version(self.instance.pk, lock=True)
        if loaded != self.current_version:
            self.add_error(None, stale_message(self.instance.pk, loaded))
            data = self.data.copy()
            data[self.add_prefix("loaded_version")] = self.current_version
            self.data = data
        return cleaned_data


def revision_links(revision, name):
    target = get_m2m_reverse_field_name(PressRelease._meta.get_field(name))
    return [getattr(row, f"{target}_id") for row in getattr(revision, name).all()]


def current_version(pk, lock=False):
    releases = PressRelease.objects.filter(pk=pk)
    if lock:
        releases = releases.select_for_update()
    return releases.values_list("version", flat=True).first()


def stale_message(pk, loaded):
    history = PressRelease.history.filter(id=pk).select_related("history_user")
    newer = list(history.filter(version__gt=loaded)) if loaded is not None else []
    if not newer:
        return _(
            "Someone else saved this release after you opened it. Your text is still below: "
            "check the release's history, then save again to replace their changes with yours."
        )
    seen = history.filter(version=loaded).first()
    names = sorted({str(record.history_user or _("someone")) for record in newer})
    fields = changed_fields(seen, newer[0]) if seen else []
    return _(
        "%(names)s saved this release at %(time)s (Geneva time) after you opened it, and "
        "changed: %(fields)s. Your text is still below: check their changes in the history, "
        "then save again to replace them with yours."
    ) % {
        "names": ", ".join(names),
        "time": moment(newer[0].history_date, GENEVA),
        "fields": ", ".join(fields) or "—",
    }

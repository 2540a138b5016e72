"""An upload survives a refused form: kept server-side, for that editor and that form only.

When an admin form with a file field is refused (any validation error, a stale save), the file
the editor chose has been checked already; it is stored under `held/` (a random name: the public
/media/ address never serves it, no row refers to it) and the form comes back with a signed
token in a hidden input, the file's name and a preview. Sent again without a new file, the form
takes the held file as if it had just been chosen; choosing another file replaces it.

The token names the file, the editor (user id) and the form (model and object, or "add"), and
lasts HELD_SECONDS: another editor, another release or a later day gets nothing. A held file is
deleted when the form that took it is saved (after the commit); an abandoned one by
`manage.py prune_media --delete` once older than HELD_SECONDS.
"""

import datetime
import functools
from typing import TYPE_CHECKING, Any

from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from . import media
from .uploads import RandomName

if TYPE_CHECKING:
    from django.forms import ModelForm

    _ModelForm = ModelForm[Any]
else:
    _ModelForm = object

FOLDER = "held"
SALT = "core.held-uploads"
HELD_SECONDS = 24 * 3600
SUFFIX = "-held"


def hold(upload: Any, *, user: Any, form_key: str) -> str:
    """Store `upload` under held/ and return the token that gives it back to this editor."""
    upload.seek(0)
    name = default_storage.save(RandomName(FOLDER)(None, upload.name), upload)
    return signing.dumps({"n": name, "o": upload.name, "u": user.pk, "f": form_key}, salt=SALT)


def read(token: str, *, user: Any, form_key: str | None = None) -> tuple[str, str] | None:
    """The token's (stored name, original name), or None when it is not this editor's (and this
    form's, when given), has expired or its file is gone."""
    try:
        data = signing.loads(token, salt=SALT, max_age=HELD_SECONDS)
    except signing.BadSignature:
        return None
    if data["u"] != user.pk or (form_key is not None and data["f"] != form_key):
        return None
    if not default_storage.exists(data["n"]):
        return None
    return str(data["n"]), str(data["o"])


def is_abandoned(name: str, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    age = now - default_storage.get_modified_time(name)
    return name.startswith(FOLDER + "/") and age > datetime.timedelta(seconds=HELD_SECONDS)


class HeldUploadWidget(AdminFileWidget):
    """The admin's file input, plus the held file of a refused form (hidden token, preview)."""

    holder: tuple[Any, str] | None = None  # (user, form key), set by KeepsUploads
    held: tuple[str, str, str] | None = None  # (token, stored name, original name) to show

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        upload = super().value_from_datadict(data, files, name)
        if upload is not None or self.holder is None:
            return upload  # a new file, a cleared one (False), or no editor to hold for
        user, form_key = self.holder
        token = data.get(name + SUFFIX, "")
        found = read(token, user=user, form_key=form_key) if token else None
        if found is None:
            return None
        stored, original = found
        with default_storage.open(stored) as file:
            taken = SimpleUploadedFile(original, file.read())
        self.held = (token, stored, original)  # shown again if the form is refused again
        return taken

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> Any:
        html = super().render(name, value, attrs, renderer)
        if not self.held:
            return html
        token, _stored, original = self.held
        return html + format_html(
            '<input type="hidden" name="{}" value="{}"><p class="held-upload">{} '
            '<img src="{}" alt="" height="120"></p>',
            name + SUFFIX,
            token,
            _("Kept from your last attempt: %(name)s. It is saved with the form.")
            % {"name": original},
            reverse("admin:held_upload", kwargs={"token": token}),
        )


class KeepsUploads(_ModelForm):
    """ModelForm mixin (the admin adds it to every form with a file field: admin_mixins.py)."""

    held_user: Any = None
    held_form_key = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, HeldUploadWidget):
                field.widget.holder = (self.held_user, self.held_form_key)

    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound or self.held_user is None:
            return
        for name, field in self.fields.items():
            upload = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
            if not isinstance(field.widget, HeldUploadWidget) or not hasattr(upload, "read"):
                continue
            taken = field.widget.held
            if not self.errors:
                if taken:  # saved with the form: the held copy goes once that commits
                    transaction.on_commit(functools.partial(default_storage.delete, taken[1]))
                continue
            if taken is None:
                token = hold(upload, user=self.held_user, form_key=self.held_form_key)
                found = read(token, user=self.held_user)
                if found is not None:
                    field.widget.held = (token, *found)


def preview(request: HttpRequest, token: str) -> HttpResponseBase:
    """The held file, to the editor who holds it (admin view: staff only)."""
    found = read(token, user=request.user)
    if found is None:
        raise Http404
    stored, original = found
    return media.hand_out(request, media.Decision(stored, public=False, download_name=original))


def form_class(form: type[Any], *, user: Any, form_key: str) -> type[Any]:
    if not any(isinstance(f.widget, HeldUploadWidget) for f in form.base_fields.values()):
        return form
    attributes = {"held_user": user, "held_form_key": form_key}
    return type(form.__name__, (KeepsUploads, form), attributes)

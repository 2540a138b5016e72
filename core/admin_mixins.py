"""What every ModelAdmin of our admin site does (SiteAdmin.register mixes these in).

KeepsUploads: a refused form keeps the files the editor chose (core/held_uploads.py), and a file
store that fails during a save refuses the form with an error instead of a 500.

CheckedInitialData: initial values from the address of an "add" page (?event=3), checked.
Django's admin copies every query parameter named like a field into the add form's initial
data. A value the field cannot take (`?event=abc`, `?published_at=tomorrow`) then breaks the
widget while the page renders: an autocomplete looks it up as an id, a split date-time widget
expects a datetime, and the editor gets a 500. Here each value goes through its form field's
own clean(), and one the field refuses is dropped: the form opens empty there, as it would
without the parameter.
"""

import contextlib
import logging
from typing import TYPE_CHECKING, Any, cast

from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from core import held_uploads, public_pages
from core.object_storage import STORE_ERRORS

# Mixed into ModelAdmin classes: for the type checker they are ModelAdmins (super() has the
# methods below), at run time plain classes.
if TYPE_CHECKING:
    from django.contrib.admin import ModelAdmin
    from django.forms import ModelForm

    _ModelAdmin = ModelAdmin[Any]
    _ModelForm = ModelForm[Any]
else:
    _ModelAdmin = object
    _ModelForm = object

logger = logging.getLogger(__name__)


class CheckedInitialData(_ModelAdmin):
    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, str | list[str]]:
        initial = super().get_changeform_initial_data(request)
        if not initial:
            return initial
        fields = self.get_form(request).base_fields
        for name in list(initial):
            field = fields.get(name)
            if field is None:
                continue
            try:
                field.clean(initial[name])
            except (ValidationError, TypeError, ValueError):
                del initial[name]
        return initial


class ClearsPublicPages(_ModelAdmin):
    """Any change an editor makes in the admin, to any model, tells the caches of public pages
    (`public_pages.changed()`): cached pages show offices, people, events and topics by name, so
    a renamed office must not wait PAGE_CACHE_SECONDS to be seen. Edits are rare next to reads.

    Which pages: every page (ALL), unless the admin names the pages its rows can show on with
    `shown_on_public_pages`, a tuple of surrogate keys (core/public_pages.py), to which the keys
    of the changed rows themselves are added (the pages about them, and their uploads). Name a
    narrower set only when it is provably complete: a model shown on release pages needs those
    releases' keys; one in the menu or the footer needs ALL. `(LISTS,)` fits a model shown only
    on lists, organisation and event pages (a topic: the release pages that show it carry its
    key); `()` one shown on no public page (only its own key is purged).

    Once per save: an admin whose saves go through a service that tells the caches itself
    (`pressroom.services`, `organisation.services`), or whose saves change no public page, sets
    `clears_public_pages_on_save = False`. Deletions are plain everywhere and always told.
    """

    # Both read from the admin, not declared here: this mixin comes first in the class that
    # SiteAdmin.register() builds, so a default here would hide the admin's own value.
    def _tell(self, row_keys: list[str]) -> None:
        shown_on: tuple[str, ...] | None = getattr(self, "shown_on_public_pages", None)
        if shown_on is None:
            public_pages.changed()
        else:
            public_pages.changed(*shown_on, *row_keys)

    def _tell_on_save(self, obj: Model) -> None:
        if getattr(self, "clears_public_pages_on_save", True):
            self._tell([public_pages.key_for(obj)])

    def log_addition(self, request: HttpRequest, obj: Model, message: Any) -> LogEntry:
        self._tell_on_save(obj)
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Model, message: Any) -> LogEntry:
        self._tell_on_save(obj)
        return super().log_change(request, obj, message)

    # Deletions clear after deleting: the admin logs them first, and the "delete selected"
    # action runs outside a transaction, so a clear at logging time would come too early.
    # The rows' keys are read before, while they have their primary keys.
    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        row_keys = [public_pages.key_for(obj)]
        super().delete_model(request, obj)
        self._tell(row_keys)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        row_keys = [public_pages.key_for(row) for row in queryset.only("pk")]
        super().delete_queryset(request, queryset)
        self._tell(row_keys)


class KeepsUploads(_ModelAdmin):
    """A refused form keeps its files; a file store that fails refuses the form.

    When the store (S3/MinIO, or the disk) fails while a form is saved, the admin's transaction
    has rolled back (no row written; a file written before the failure is deleted by
    core.uploads.DiscardUncommittedUploads, or logged for `prune_media` if the store is still
    down); the same request then runs again with the form
    refused by one error that says so, instead of a 500. That second run keeps nothing in the
    store (it is down): the editor chooses the file again.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # ModelAdmin.__init__ made this dict for the instance, Django's defaults merged in.
        overrides = cast(dict[Any, dict[str, Any]], self.formfield_overrides)
        for field_class in (models.FileField, models.ImageField):
            overrides[field_class] = {
                **overrides.get(field_class, {}),
                "widget": held_uploads.HeldUploadWidget,
            }

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> Any:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except STORE_ERRORS:
            if request.method != "POST" or getattr(request, STORE_FAILED, False):
                raise
            logger.exception("file store failed during an admin save: nothing was saved")
        setattr(request, STORE_FAILED, True)
        for _name, uploads in request.FILES.lists():
            for upload in uploads:
                # Read by the failed save; the form checks it again (if the store's client
                # closed it, the form says the file is missing, beside the store's error).
                with contextlib.suppress(ValueError):
                    upload.seek(0)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> type[Any]:
        form = super().get_form(request, obj, change=change, **kwargs)
        if getattr(request, STORE_FAILED, False):
            return type(form.__name__, (RefusedForStore, form), {})
        key = f"{self.opts.label_lower}:{obj.pk if obj is not None else 'add'}"
        return held_uploads.form_class(form, user=request.user, form_key=key)


STORE_FAILED = "file_store_failed"


class RefusedForStore(_ModelForm):
    def clean(self) -> Any:
        super().clean()
        raise ValidationError(
            _(
                "The file store could not be reached, so nothing was saved. Try again in a few "
                "minutes, choosing the file again."
            ),
            code="file_store_failed",
        )

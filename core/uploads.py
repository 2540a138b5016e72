"""Where uploads are stored: under random names, the original name kept as data.

A stored name says nothing about the upload: `releases/4f0c…9a.jpg` (128 random bits and the
extension of the checked file), so nobody finds a file by guessing `IMG_1234.jpg` or the month
of the upload. The name the editor's file had is kept in a column beside the field (cleaned by
`clean_original_name`), and used only as the download's name (`Content-Disposition`).

Files written by a save that does not commit are removed: `tracking()` (a middleware around each
request) notes every file written meanwhile and, at its end, deletes those no row refers to.
Replaced and deleted files are removed after the commit by django-cleanup (and their renditions
by core.media). `manage.py prune_media` finds any other unreferenced file.
"""

import contextlib
import contextvars
import logging
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils.deconstruct import deconstructible

from .object_storage import STORE_ERRORS

logger = logging.getLogger(__name__)

MAX_ORIGINAL_NAME = 150
# Control characters, quotes, separators: never in a download's name.
UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/:;*?<>|]+')

# Mixed into file fields: for the type checker a FileField, at run time a plain class.
if TYPE_CHECKING:
    _FileField = models.FileField
else:
    _FileField = object


@deconstructible
class RandomName:
    """An `upload_to` that ignores the upload's name but for its (lower-cased) extension."""

    def __init__(self, folder: str) -> None:
        self.folder = folder.strip("/")

    def __call__(self, instance: Any, filename: str) -> str:
        extension = PurePosixPath(filename).suffix.lower()
        if not re.fullmatch(r"\.[a-z0-9]{1,8}", extension):
            extension = ""
        return f"{self.folder}/{secrets.token_hex(16)}{extension}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RandomName) and other.folder == self.folder


def clean_original_name(name: str) -> str:
    """The upload's own name as a download may carry it: its last part, printable, not too long."""
    name = unicodedata.normalize("NFC", PurePosixPath(str(name).replace("\\", "/")).name)
    name = " ".join(UNSAFE.sub(" ", name).split()).strip(". ")
    if len(name) > MAX_ORIGINAL_NAME:
        stem, dot, extension = name.rpartition(".")
        if not dot or len(extension) > 10:
            return name[:MAX_ORIGINAL_NAME]
        name = f"{stem[: MAX_ORIGINAL_NAME - len(extension) - 1]}.{extension}"
    return name


class KeepsOriginalName(_FileField):
    """For a file field: the upload's original name goes to `original_name_field` when a new
    file is stored, and the stored name is noted for `tracking()`.

    The column must come after the file field in the model, since Django reads the values to
    write in field order and this runs in the file field's turn.
    """

    def __init__(self, *args: Any, original_name_field: str | None = None, **kwargs: Any) -> None:
        self.original_name_field = original_name_field
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance: Any, add: bool) -> Any:
        file = getattr(model_instance, self.attname)
        new = bool(file) and not file._committed
        original = str(file.name)
        file = super().pre_save(model_instance, add)
        if new:
            if self.original_name_field:
                setattr(model_instance, self.original_name_field, clean_original_name(original))
            written(file.name)
        return file


class UploadField(KeepsOriginalName, models.FileField):
    """A FileField stored under a random name (see the module's docstring)."""

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs


_written: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "written_files", default=None
)


def written(name: str) -> None:
    names = _written.get()
    if names is not None:
        names.add(name)


@contextlib.contextmanager
def tracking() -> Iterator[set[str]]:
    """Delete, on the way out, every file written inside that no row refers to (its save was
    rolled back, or failed after the file was written)."""
    names: set[str] = set()
    token = _written.set(names)
    try:
        yield names
    finally:
        _written.reset(token)
        from .media import is_referenced, remove  # noqa: PLC0415 (media imports this module)

        for name in names:
            if is_referenced(name):
                continue
            try:
                remove(name, default_storage)
            except STORE_ERRORS:  # the store went down mid-save: never a 500 for the editor
                logger.exception("orphan upload left for `manage.py prune_media`: %s", name)


class DiscardUncommittedUploads:
    """Middleware: `tracking()` around each request."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        with tracking():
            return self.get_response(request)


STORED = re.compile(r"[0-9a-f]{32}(\.[a-z0-9]{1,8})?")


def rename_existing(
    model: Any,
    field: str,
    original_name_field: str,
    history: Any = None,
    storage: Any = default_storage,
) -> None:
    """For a data migration: give every stored file of `model.field` a random name, keeping the
    old one's last part as the original name (and the history's rows pointing at the new name).

    Files are copied; the old ones (and their renditions, which `manage.py generateimages` makes
    again under the new names) are deleted once the migration commits, so a failed migration
    leaves every old name working.
    """
    from . import media  # noqa: PLC0415 (media imports the models' apps at ready())

    upload_to = RandomName(model._meta.get_field(field).upload_to.folder)
    old_names = []
    for pk, old in model.objects.exclude(**{field: ""}).values_list("pk", field):
        if STORED.fullmatch(PurePosixPath(old).name) or not storage.exists(old):
            continue
        with storage.open(old) as content:
            new = storage.save(upload_to(None, old), content)
        model.objects.filter(pk=pk).update(
            **{field: new, original_name_field: clean_original_name(old)}
        )
        if history is not None:
            history.objects.filter(**{field: old}).update(
                **{field: new, original_name_field: clean_original_name(old)}
            )
        old_names.append(old)

    def delete_old() -> None:
        for old in old_names:
            storage.delete(old)
            media.remove_renditions(str(PurePosixPath(old).with_suffix("")), storage)

    transaction.on_commit(delete_old)

"""May this file be served to this request, and how is it handed out: the one decision for uploads.

Every upload belongs to a row (a release's image, a person's photo, an event's document) and is
shown exactly when that row is: each app registers its file fields here (`register()`, in its
`ready()`) with its public rule and its preview rule. A request for `/media/<name>`:

1. `find()` names the owner: the row whose field holds `<name>`, or for a rendition
   (`renditions/<original name>/<digest>.webp`, core/renditions.py) the row whose field holds the
   original. No row, no file: a replaced or orphan file is never served.
2. `decide()` says who may see it: anyone when the row is public now (`public`, the same
   QuerySet as its page, so an embargo lifts at its minute with no cron); else only a request
   that may preview it (staff with the right, a valid preview link's visitor); else 404, as for
   a file that does not exist.
3. `hand_out()` sends it without streaming it through Python in production:
   - local disk behind nginx: an empty answer with `X-Accel-Redirect: /internal-media/<name>`;
     nginx sends the file from its `internal` location, which no client can address;
   - object storage (django-storages' S3 backend, `settings.STORAGES["default"]`): a 302 to a
     presigned URL of the private object, valid `PRESIGNED_SECONDS` (see README, Images);
   - `SERVE_MEDIA` (no web server in front: `make run`, some tests): Django sends the file.
   A public file is cacheable as its page is (core/public_cache.py: until the next scheduled
   publication at most, tagged with its owner's surrogate key, so that unpublishing the page
   purges the file from the edge too); anything else is `private, no-store`, not indexed.
"""

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
)
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from . import public_cache, public_pages
from .privacy import keep_private

INTERNAL_PREFIX = "/internal-media/"
PRESIGNED_SECONDS = 300


@dataclass(frozen=True)
class Surface:
    model: type[models.Model]
    field: str
    original_name_field: str | None
    # The rows the public sees now; the rows this request may see privately.
    public: Callable[[models.QuerySet[Any]], models.QuerySet[Any]]
    previewable: Callable[[Any, models.QuerySet[Any]], models.QuerySet[Any]]

    @property
    def folder(self) -> str:
        field: Any = self.model._meta.get_field(self.field)
        return f"{field.upload_to.folder}/"

    def rows(self, name: str) -> models.QuerySet[Any]:
        return self.model._default_manager.filter(**{self.field: name})


SURFACES: list[Surface] = []


def register(
    model: type[models.Model],
    field: str,
    *,
    public: Callable[[models.QuerySet[Any]], models.QuerySet[Any]],
    previewable: Callable[[Any, models.QuerySet[Any]], models.QuerySet[Any]],
    original_name_field: str | None = None,
) -> None:
    SURFACES.append(Surface(model, field, original_name_field, public, previewable))


@dataclass(frozen=True)
class Decision:
    name: str
    public: bool
    download_name: str
    # The surrogate keys of its owner's pages: a purge of the page purges the file (core/edge.py).
    keys: tuple[str, ...] = ()


def original_of(name: str) -> str:
    """The stored original a name stands for: itself, or the source of a rendition."""
    prefix = settings.IMAGEKIT_CACHEFILE_DIR.strip("/") + "/"
    if name.startswith(prefix):
        return name.removeprefix(prefix).rpartition("/")[0]
    return name


def find(name: str) -> tuple[Surface, str] | None:
    """(surface, original name) of the field that holds `name` or its source, or None."""
    if any(part in ("", ".", "..") for part in name.split("/")) or "\\" in name:
        return None  # only a stored name, as written, can name a file
    original = original_of(name)
    for surface in SURFACES:
        if original.startswith(surface.folder) and surface.rows(original).exists():
            return surface, original
    return None


def is_referenced(name: str) -> bool:
    return find(name) is not None


def decide(request: HttpRequest, name: str) -> Decision | None:
    """What `request` may have of the stored file `name` (see the module's docstring), or None."""
    found = find(name)
    if found is None:
        return None
    surface, original = found
    rows = surface.rows(original)
    public = surface.public(rows).exists()
    if not public and not surface.previewable(request, rows).exists():
        return None
    owner = rows.first()
    download_name = original.rpartition("/")[2]
    if surface.original_name_field and name == original:
        download_name = getattr(owner, surface.original_name_field) or download_name
    return Decision(name, public, download_name, (public_pages.key_for(owner),) if owner else ())


def is_object_storage(storage: Any) -> bool:
    return hasattr(storage, "bucket_name")


def hand_out(
    request: HttpRequest, decision: Decision, storage: Any = default_storage
) -> HttpResponseBase:
    as_attachment = "download" in request.GET
    response: HttpResponseBase
    if is_object_storage(storage):
        disposition = content_disposition_header(as_attachment, decision.download_name)
        url = storage.url(
            decision.name,
            parameters={"ResponseContentDisposition": disposition},
            expire=PRESIGNED_SECONDS,
        )
        response = HttpResponseRedirect(url)
    elif settings.SERVE_MEDIA:
        if not storage.exists(decision.name):
            raise Http404
        response = FileResponse(storage.open(decision.name), as_attachment=as_attachment)
    else:
        # nginx keeps this answer's Content-Type, Content-Disposition and Cache-Control.
        response = HttpResponse(content_type=content_type(decision.name))
        response["X-Accel-Redirect"] = INTERNAL_PREFIX + decision.name
    if as_attachment:
        # The original name is used here only: a download's name, cleaned (core/uploads.py).
        disposition = content_disposition_header(True, decision.download_name)
        response["Content-Disposition"] = disposition or "attachment"
    else:
        response["Content-Disposition"] = "inline"
    if decision.public and not is_object_storage(storage):
        return public_cache.mark_public(response, *decision.keys)
    return keep_private(response)


def content_type(name: str) -> str:
    if name.endswith(".webp"):
        return "image/webp"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


@require_safe
def serve(request: HttpRequest, name: str) -> HttpResponseBase:
    """/media/<name>: the file when `request` may have it, else 404."""
    decision = decide(request, name)
    if decision is None:
        raise Http404
    return hand_out(request, decision)


def remove(name: str, storage: Any = default_storage) -> None:
    """Delete a stored original and its renditions."""
    storage.delete(name)
    remove_renditions(name, storage)


def remove_renditions(name: str, storage: Any = default_storage) -> None:
    folder = f"{settings.IMAGEKIT_CACHEFILE_DIR.strip('/')}/{name}"
    try:
        _directories, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for file in files:
        storage.delete(f"{folder}/{file}")


def renditions_follow(sender: Any, file_name: str, file: Any, success: bool, **kwargs: Any) -> None:
    """Receiver of django-cleanup's `cleanup_post_delete`: a replaced or deleted original's
    renditions go with it."""
    if success:
        remove_renditions(file_name, file.storage)


def referenced_names() -> set[str]:
    """Every stored name a row refers to (originals; their renditions follow them)."""
    names: set[str] = set()
    for surface in SURFACES:
        rows = surface.model._default_manager.exclude(**{surface.field: ""})
        names.update(rows.values_list(surface.field, flat=True))
    return names

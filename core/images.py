"""Uploaded photos: checked before anything is stored, and stored without personal metadata.

An upload is read with Pillow, never trusted by its name: it must be a JPEG, PNG, WebP or GIF
whose content matches its extension, at most MAX_BYTES and MAX_PIXELS, and decode completely
(a truncated file or a decompression bomb is refused). What is stored is a re-encoding of the
pixels, turned upright from the EXIF orientation, so EXIF (with GPS), XMP, IPTC and comments are
gone. The colour profile is kept when it is a valid ICC profile under 1 MB: it carries
colours, not people. An animated GIF or WebP is stored as its first frame: press photos are
stills, and a long animation would make a small upload costly to re-encode.

`SafeImageField` puts these checks on a model's image field in every form (the admin's too).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.forms.widgets import Widget
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .uploads import KeepsOriginalName

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
# A panorama of 10:1 is still a picture; beyond, renditions would be a few pixels high (or a
# zero-pixel side) and the square portrait crop an enormous intermediate image.
MAX_ASPECT_RATIO = 10
MAX_ICC_PROFILE_BYTES = 1024 * 1024  # print (CMYK) profiles reach ~600 KB
# Pillow's format name: the extensions a file of that format may have, and its media type.
FORMATS = {
    "JPEG": ((".jpg", ".jpeg"), "image/jpeg"),
    "PNG": ((".png",), "image/png"),
    "WEBP": ((".webp",), "image/webp"),
    "GIF": ((".gif",), "image/gif"),
}
# Re-encoding quality: high, since the stored file is also the journalists' download.
SAVE_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 90, "optimize": True},
    "WEBP": {"quality": 90},
    "PNG": {"optimize": True},
    "GIF": {},
}

NOT_AN_IMAGE = _("Upload a JPEG, PNG, WebP or GIF image. This file is not one, or it is damaged.")


def _error(message: StrOrPromise, code: str, **params: object) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def open_checked(upload: File[Any]) -> Image.Image:
    """The upload's image, fully decoded, or a ValidationError that says what is wrong."""
    if upload.size > MAX_BYTES:
        raise _error(
            _("The file is larger than %(limit)s. Export a smaller version and upload that."),
            "file_too_big",
            limit=filesizeformat(MAX_BYTES),
        )
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns between 89 and 179 megapixels: refuse those too, before decoding.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload, formats=list(FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _error(
                _("This image is too large to be opened safely."), "decompression_bomb"
            ) from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise _error(NOT_AN_IMAGE, "not_an_image") from error
    extensions = FORMATS[_format(image)][0]
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in extensions:
        raise _error(
            _(
                "This file is a %(format)s image but its name ends in “%(extension)s”. "
                "Rename it to end in “%(expected)s”."
            ),
            "wrong_extension",
            format=image.format,
            extension=extension or "—",
            expected=extensions[0],
        )
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _error(
            _(
                "The image is %(width)d × %(height)d pixels (%(megapixels)d megapixels); the "
                "limit is %(limit)d megapixels. Resize it first."
            ),
            "too_many_pixels",
            width=width,
            height=height,
            megapixels=round(width * height / 1e6),
            limit=MAX_PIXELS // 1_000_000,
        )
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        raise _error(
            _(
                "The image is %(width)d × %(height)d pixels: too narrow for the page (at most "
                "%(ratio)d times as wide as it is high, or as high as it is wide). Crop it first."
            ),
            "extreme_shape",
            width=width,
            height=height,
            ratio=MAX_ASPECT_RATIO,
        )
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise _error(_("The image file is incomplete or damaged."), "damaged") from error
    return image


def _format(image: Image.Image) -> str:
    """Pillow's name for the format of an image open_checked() opened: a key of FORMATS."""
    return cast(str, image.format)  # Image.open(formats=…) opens no image without one


def harmless_icc_profile(image: Image.Image) -> bytes | None:
    """The image's ICC profile if it parses as one and is of ordinary size, else None."""
    profile: bytes | None = image.info.get("icc_profile")
    if not profile or len(profile) > MAX_ICC_PROFILE_BYTES:
        return None
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(profile))
    except (OSError, ImageCms.PyCMSError, TypeError, ValueError):
        return None
    return profile


def stripped_bytes(image: Image.Image) -> bytes:
    """The image re-encoded in its own format, upright, with no metadata but its colour profile."""
    image_format = _format(image)
    options = dict(SAVE_OPTIONS[image_format])
    if icc_profile := harmless_icc_profile(image):
        options["icc_profile"] = icc_profile
    if "transparency" in image.info and image_format in ("PNG", "GIF"):
        options["transparency"] = image.info["transparency"]
    upright = ImageOps.exif_transpose(image)  # a copy; only its pixels and palette are used
    upright.info = {}
    output = io.BytesIO()
    upright.save(output, format=image_format, **options)
    return output.getvalue()


def clean_upload(upload: File[Any]) -> SimpleUploadedFile:
    """A new uploaded file holding the checked image without its metadata."""
    image = open_checked(upload)
    try:
        data = stripped_bytes(image)
    except (OSError, ValueError) as error:
        raise _error(_("The image file is incomplete or damaged."), "damaged") from error
    name = cast(str, upload.name)  # a form field's upload always has one
    return SimpleUploadedFile(name, data, content_type=FORMATS[_format(image)][1])


class SafeImageFormField(forms.ImageField):
    def to_python(self, data: Any) -> SimpleUploadedFile | None:
        # FileField's own checks (no file, empty file, name too long); then ours replace the
        # plain Pillow verify() of forms.ImageField, which lets truncated JPEGs through.
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return clean_upload(upload)

    def widget_attrs(self, widget: Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        if "accept" in attrs:
            attrs["accept"] = ",".join(media_type for _ext, media_type in FORMATS.values())
        return attrs


class SafeImageField(KeepsOriginalName, models.ImageField):
    """An ImageField whose forms check and clean uploads (see the module's docstring), stored
    under a random name with the original name kept as data (core/uploads.py)."""

    # Keyword arguments only, as Django's own fields take them (the stubs name two positional).
    def formfield(self, **kwargs: Any) -> forms.Field | None:  # type: ignore[override]
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def deconstruct(self) -> tuple[str, str, Sequence[Any], dict[str, Any]]:
        # The column is an ImageField's: migrations need not know about the form checks.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs

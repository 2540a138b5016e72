"""Smaller WebP copies of uploaded images, written once when the image is saved.

Each is a django-imagekit spec field: written when a model is saved with a new image (by any
path: admin, shell, demo), its address then computed without touching the storage, so pages never
resize anything and no address takes a size from the visitor. Renditions of images saved before
are made with `manage.py generateimages`.

Why django-imagekit: maintained for current Django, uses Pillow (already ours) and no database
table. easy-thumbnails keeps a row per thumbnail (a query per image on every page); sorl-thumbnail
makes thumbnails while rendering the page, on first use.
"""

import logging
from typing import Any

from django.conf import settings
from django.utils.crypto import salted_hmac
from imagekit.cachefiles.strategies import Optimistic
from imagekit.models import ImageSpecField

logger = logging.getLogger(__name__)


class WrittenOnSave(Optimistic):
    """imagekit's Optimistic strategy, except that a source file missing from the storage is
    logged instead of failing the save (the page then lacks that copy until `generateimages`)."""

    def on_source_saved(self, file: Any) -> None:
        try:
            super().on_source_saved(file)
        except OSError:
            logger.exception("Could not write the rendition %s", file.name)


def webp_rendition(source: str, processor: object, quality: int = 80) -> ImageSpecField:
    return ImageSpecField(
        source=source,
        processors=[processor],
        format="WEBP",
        options={"quality": quality},
        cachefile_strategy=WrittenOnSave,
    )


def private_name(generator: Any) -> str:
    """Where a rendition is stored: `renditions/<original's name>/<digest>.webp`.

    The folder names the original, so that core.media finds the row a rendition belongs to; the
    digest is an HMAC (SECRET_KEY) of imagekit's hash of the source and the processing, so that
    nobody who learns an original's name can compute its renditions' names. (Rotating SECRET_KEY
    renames them: run `manage.py generateimages` then.)
    """
    source = generator.source.name
    digest = salted_hmac("core.renditions", generator.get_hash()).hexdigest()[:32]
    return f"{settings.IMAGEKIT_CACHEFILE_DIR}/{source}/{digest}.{generator.format.lower()}"

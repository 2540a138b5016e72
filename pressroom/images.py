"""A release's image on public pages: WebP renditions for srcset, and the journalists' download.

The renditions (iom_cms/renditions.py) have fixed widths, listed here; none is wider than the
original. The image's width and height are columns, so pages never open the file.
"""

from functools import lru_cache

from django.template.defaultfilters import filesizeformat
from pilkit.processors import ResizeToFit

from core.renditions import webp_rendition

RENDITION_WIDTHS = (480, 960, 1600)
# The release column is 44rem (704 px) at most (--measure in site.css); below, the screen less
# the page's margins.
RELEASE_PAGE_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"
# Thumbnails in lists, beside the title.
SUMMARY_SIZES = "8rem"


def rendition(width):
    return webp_rendition("image", ResizeToFit(width=width, upscale=False))


def renditions(release):
    """(url, width) of the release's renditions, smallest first, none wider than the image."""
    if not release.image or not release.image_width:
        return ()
    return _renditions(release.image.name, release.image_width, release.image_height)


@lru_cache(maxsize=4096)
def _renditions(name, image_width, image_height):
    # A rendition's address depends on the original's name and the processing alone
    # (core.renditions.private_name): imagekit hashes them once per process, not per page.
    from .models import PressRelease  # the models stand on this module

    # With its size given, the image field does not open the file (see the model's columns).
    release = PressRelease(image=name, image_width=image_width, image_height=image_height)
    found = []
    for width in RENDITION_WIDTHS:
        actual = min(width, image_width)
        found.append((getattr(release, f"image_{width}").url, actual))
        if actual < width:
            break  # the image is narrower: larger renditions would be the same file again
    return tuple(found)


def srcset(release, found=None):
    found = renditions(release) if found is None else found
    return ", ".join(f"{url} {width}w" for url, width in found)


def thumbnail(release):
    """The small image beside a release in lists (src, srcset, sizes, width, height), or None."""
    found = renditions(release)
    if not found:
        return None
    return {
        "src": found[0][0],
        "srcset": srcset(release, found),
        "sizes": SUMMARY_SIZES,
        "width": release.image_width,
        "height": release.image_height,
    }


def download_details(release):
    """What the download link says about the stored file: format, pixels and size.

    None when the file is missing from the storage: the page then shows no link, not an error.
    """
    try:
        size = release.image.size
    except OSError:
        return None
    extension = release.image.name.rsplit(".", 1)[-1].upper()
    return {
        "url": release.image.url + "?download",  # named as the editor's file was (core/media.py)
        "format": "JPEG" if extension in ("JPG", "JPEG") else extension,
        "width": release.image_width,
        "height": release.image_height,
        "size": filesizeformat(size),
    }

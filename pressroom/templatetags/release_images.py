from django import template

from .. import images

register = template.Library()


@register.inclusion_tag("pressroom/includes/release_image.html")
def release_image(release, content):
    """The release's image with its srcset, caption and credit."""
    found = images.renditions(release)
    return {
        "release": release,
        "content": content,
        "renditions": found,
        "srcset": images.srcset(release, found),
        "sizes": images.RELEASE_PAGE_SIZES,
    }


@register.inclusion_tag("pressroom/includes/release_download.html")
def release_download(release, download):
    """The journalists' download of the image in full resolution, beside the release
    (`download`: `images.download_details(release)`, read when the page's data is built)."""
    return {"release": release, "download": download}

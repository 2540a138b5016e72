from django import template

from .. import images

register = template.Library()


@register.inclusion_tag("pressroom/includes/release_image.html")
def release_image(release, content):
    """The release's image with its srcset, caption, credit and the high-resolution download."""
    return {
        "release": release,
        "content": content,
        "renditions": images.renditions(release),
        "srcset": images.srcset(release),
        "sizes": images.RELEASE_PAGE_SIZES,
        "download": images.download_details(release),
    }

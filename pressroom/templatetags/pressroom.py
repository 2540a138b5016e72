from django import template

register = template.Library()


@register.simple_tag
def release_url(release, language):
    """The address of a release's version in `language` (under that language's prefix)."""
    return release.get_absolute_url(language)

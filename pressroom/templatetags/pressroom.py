from django import template
from django.utils import translation

register = template.Library()


@register.filter
def in_language(release, language=None):
    """`release|in_language:LANGUAGE_CODE`: the fields to show a reader of that language."""
    return release.in_language(language or translation.get_language())


@register.filter
def language_name(code):
    """A language's name in the reader's language: `fr` is `French` to an English reader."""
    return translation.get_language_info(code)["name_translated"]


@register.simple_tag
def release_url(release, language):
    """The address of a release's version in `language` (under that language's prefix)."""
    return release.get_absolute_url(language)

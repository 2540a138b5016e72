"""Release summaries and topic lists in Django templates, written by pressroom/summaries.py."""

from django import template

from .. import summaries

register = template.Library()


@register.simple_tag
def release_summaries(releases):
    """{% release_summaries releases %}: rows read for a list (`….listed()`), or a QuerySet."""
    return summaries.summaries_html(releases)


@register.simple_tag
def topic_list(topics, label=""):
    return summaries.topic_list_html(topics, label=label)


@register.simple_tag
def topic_choices(options):
    return summaries.topic_choices_html(options)

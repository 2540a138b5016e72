"""Rich text: HTML that editors write, cleaned on the server before it is stored.

`RichTextField` cleans its value every time the model is saved, by any path (admin, shell, demo
command, import), so a template can print it with `|safe`. modeltranslation copies the field for
each language, so every language's body is cleaned the same way.
"""

import nh3
from django import forms
from django.db import models

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "em", "figcaption", "figure", "h2", "h3",
    "h4", "hr", "i", "li", "ol", "p", "q", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "dir"},
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise_html(html: str) -> str:
    """Keep the allowed tags and attributes; drop scripts, event handlers and unsafe links."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


class RichTextFormField(forms.CharField):
    widget = forms.Textarea

    def clean(self, value):
        return sanitise_html(super().clean(value))


class RichTextField(models.TextField):
    def pre_save(self, model_instance, add):
        value = sanitise_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})

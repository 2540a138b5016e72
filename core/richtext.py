"""Rich text: HTML that editors write, cleaned on the server before it is stored.

`EXTENSIONS` is the one definition of what rich text may contain. The admin's editor
(django-prose-editor: ProseMirror/Tiptap, its scripts installed with the package and served as our
static files) offers exactly these, and the server-side allow-list (nh3) is derived from the same
dictionary by django-prose-editor's own mapping, so the editor cannot make what the sanitiser
removes, and a crafted POST cannot store what the editor could not make.

`RichTextField` cleans its value every time the model is saved, by any path (admin, shell, demo
command, import), so a template can print it with `|safe`. modeltranslation copies the field for
each language, so every language's body is cleaned the same way.
"""

from typing import Any

import nh3
from django import forms
from django.db import models
from django.utils.html import strip_tags
from django_prose_editor.config import allowlist_from_extensions
from django_prose_editor.fields import ProseEditorFormField

EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},  # the page's title is the h1
    "Bold": True,
    "Italic": True,
    "Subscript": True,
    "Superscript": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    # Links open in the same tab: no target attribute, and nh3 sets rel itself.
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}


def _allow_list() -> tuple[set[str], dict[str, set[str]], set[str]]:
    allowed = allowlist_from_extensions(EXTENSIONS)
    attributes = {tag: set(names) for tag, names in allowed["attributes"].items()}
    attributes["a"] -= {"rel", "target"}  # nh3 adds rel="noopener noreferrer" to every link
    return allowed["tags"], attributes, allowed["url_schemes"]


ALLOWED_TAGS, ALLOWED_ATTRIBUTES, ALLOWED_URL_SCHEMES = _allow_list()
_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitise_html(html: str) -> str:
    """Keep the allowed tags and attributes; drop scripts, event handlers and unsafe links.

    HTML without any text (the editor's empty paragraph) becomes "", so that a language version
    left empty in the editor stays empty.
    """
    if not html:
        return html
    cleaned = _cleaner.clean(html).strip()
    if not strip_tags(cleaned).strip() and "<hr" not in cleaned:
        return ""
    return cleaned


class RichTextFormField(ProseEditorFormField):
    """The editor with EXTENSIONS; the admin's textarea becomes the admin's editor widget."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.pop("max_length", None)
        super().__init__(*args, extensions=EXTENSIONS, sanitize=sanitise_html, **kwargs)


class RichTextField(models.TextField):
    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = sanitise_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    # Keyword arguments only, as Django's own fields take them (the stubs name two positional).
    def formfield(self, **kwargs: Any) -> forms.Field | None:  # type: ignore[override]
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})

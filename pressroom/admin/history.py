"""A release's history in the admin: what changed between two revisions, field by field and
language by language, in words an editor reads (labels, names, Geneva time, text without tags)."""

import difflib
from dataclasses import dataclass

from django.db import models
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from simple_history.utils import get_m2m_reverse_field_name

from core.translated import LANGUAGE_CODES

from ..models import PressRelease
from .state import GENEVA, moment

# Not compared: bookkeeping, and the untranslated columns modeltranslation keeps beside the
# per-language ones (they repeat whichever language was active when the release was saved).
NOT_COMPARED = ("version", "updated_at", "created_at", *PressRelease.version_fields)


# The model's order (the form's, near enough): each field, then its languages in the site's order.
def field_order():
    order = {}
    for field in PressRelease._meta.get_fields():
        if field.concrete or field.many_to_many:
            order.setdefault(field.name, len(order))
            order.setdefault(getattr(field, "attname", field.name), len(order))
    return order


FIELD_ORDER = field_order()


@dataclass
class Change:
    language: str  # "" for the fields shared by all languages
    label: str
    old: str
    new: str


def split_name(name):
    """("title", "en") for title_en; (name, "") for a field shared by all languages."""
    base, _sep, code = name.rpartition("_")
    if code in LANGUAGE_CODES and base in PressRelease.version_fields:
        return base, code
    return name, ""


def label(name):
    base, code = split_name(name)
    text = str(capfirst(PressRelease._meta.get_field(base).verbose_name))
    return f"{text} ({code.upper()})" if code else text


def changes(old, new):
    """simple-history's changes from `old` to `new`, but an empty text stays empty whether it is
    stored as NULL or as '' (a form saves '' where an import left NULL)."""
    delta = new.diff_against(old, excluded_fields=NOT_COMPARED, foreign_keys_are_objs=True)
    found = [c for c in delta.changes if c.old not in (None, "") or c.new not in (None, "")]
    return sorted(found, key=lambda change: FIELD_ORDER.get(change.field, len(FIELD_ORDER)))


def changed_fields(old, new):
    """The labels of the fields that differ between two revisions, in the form's order."""
    return [label(change.field) for change in changes(old, new)]


def readable(name, value):
    field = PressRelease._meta.get_field(split_name(name)[0])
    if value in (None, ""):
        return ""
    if field.many_to_many:
        target = get_m2m_reverse_field_name(field)
        return ", ".join(sorted(str(row[target]) for row in value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        return f"{moment(value, GENEVA)} ({_('Geneva time')})"
    return strip_tags(str(value)).strip()


def word_diff(old, new):
    """The two texts as HTML, words removed from the old one in <del>, added to the new in <ins>."""
    old_words, new_words = old.split(), new.split()
    before, after = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = escape(" ".join(old_words[a1:a2])), escape(" ".join(new_words[b1:b2]))
        if tag == "equal":
            before.append(removed)
            after.append(added)
            continue
        if removed:
            before.append(format_html("<del>{}</del>", removed))
        if added:
            after.append(format_html("<ins>{}</ins>", added))
    return mark_safe(" ".join(before)), mark_safe(" ".join(after))  # noqa: S308 - escaped above


def revision_diff(old, new):
    """The changes from `old` to `new`, grouped: shared fields first, then each language."""
    rows = []
    for change in changes(old, new):
        before, after = word_diff(
            readable(change.field, change.old), readable(change.field, change.new)
        )
        rows.append(Change(split_name(change.field)[1], label(change.field), before, after))
    sections = []
    for code in ("", *LANGUAGE_CODES):
        section = [row for row in rows if row.language == code]
        if section:
            title = get_language_info(code)["name_translated"] if code else _("All languages")
            sections.append({"title": title, "rows": section})
    return sections

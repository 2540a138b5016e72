"""Content that exists in some of the site's languages, shown in the reader's or in its original.

modeltranslation gives each translated field one column per language (`title_fr`, `title_en`, …).
A model that mixes in `TranslatedContent` says which field tells whether a version exists
(`presence_field`, usually the title) and which fields make up a version (`version_fields`); it has
an `original_language` column. Templates then ask for `obj.in_language(code)`, which never returns
an empty version: the reader's language if it exists, else the original, marked as a fallback.
"""

from typing import Any, cast

from django.conf import settings
from django.db import models

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def filled(field_name: str) -> models.Q:
    """True where a (translated, nullable) text column holds something: neither NULL nor ''.

    The explicit NOT NULL matters in CHECK constraints, where an unknown result passes.
    """
    return models.Q(**{f"{field_name}__isnull": False, f"{field_name}__gt": ""})


def in_any_language(field_name: str, value: str) -> models.Q:
    """Rows whose translated `field_name` equals `value` in at least one language (a slug)."""
    return cast(
        models.Q,
        models.Q.create(
            [models.Q(**{f"{field_name}_{code}": value}) for code in LANGUAGE_CODES],
            connector=models.Q.OR,
        ),
    )


def original_version_present(presence_field: str = "title") -> models.Q:
    """A CHECK condition: the version in the row's original language exists."""
    return cast(
        models.Q,  # Q.create() makes a Q (the stubs say a tree.Node)
        models.Q.create(
            [
                models.Q(original_language=code) & filled(f"{presence_field}_{code}")
                for code in LANGUAGE_CODES
            ],
            connector=models.Q.OR,
        ),
    )


class TranslatedContent:
    presence_field = "title"
    version_fields: tuple[str, ...] = ()
    original_language: str  # a column of the model that mixes this in

    @property
    def languages(self) -> list[str]:
        """The languages this item exists in, in the site's order."""
        return [code for code in LANGUAGE_CODES if getattr(self, f"{self.presence_field}_{code}")]

    def display_language(self, wanted: str) -> str:
        """The language to show a reader who wants `wanted`: that one, or the original."""
        available = self.languages
        if wanted in available:
            return wanted
        if self.original_language in available:
            return self.original_language
        return available[0] if available else wanted

    def in_language(self, wanted: str) -> "Version":
        """The version shown to a reader who wants `wanted`, with its `language` and whether it
        `is_fallback`."""
        code = self.display_language(wanted)
        return Version(self, code, is_fallback=code != wanted)


class Version:
    """One language version of an item. A field is read when asked for, so a list that loaded
    only the fields it shows (`.defer("body_fr", …)`) never reads the others."""

    def __init__(self, item: TranslatedContent, language: str, is_fallback: bool) -> None:
        self._item = item
        self.language = language
        self.is_fallback = is_fallback

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self._item.version_fields:
            raise AttributeError(name)
        return getattr(self._item, f"{name}_{self.language}", None) or ""

"""The tokens of signed links taken out of text bound for a log (iom_cms.middleware uses it):
a log line must never be enough to open an embargoed release's preview or a subscriber's
email alerts.

Each app that puts a token in an address registers it in its AppConfig.ready():

    redaction.register(prefixes=[_("preview/")], shapes=[TOKEN])

- `prefixes`: the address words (translated lazily) after which a path segment is a token,
  matched in every language: whatever follows them is cut, a token cut short or with more path
  after it included;
- `shapes`: regular expressions for the token itself, wherever it appears (an error message, a
  query string, an address of another form).

Imports no app: the logging configuration loads this module before the apps. Until they are
ready (no request is served then), only the shapes registered so far are taken out: the
prefixes need the translations.
"""

import functools
import re
from collections.abc import Iterable

from django.apps import apps
from django.utils import translation
from django.utils.functional import Promise

from core.translated import LANGUAGE_CODES

REPLACEMENT = "<token>"

_prefixes: list[str | Promise] = []
_shapes: list[re.Pattern[str]] = []


def register(
    *, prefixes: Iterable[str | Promise] = (), shapes: Iterable[re.Pattern[str]] = ()
) -> None:
    # By identity: comparing a lazy translation would translate it.
    _prefixes.extend(p for p in prefixes if not any(p is known for known in _prefixes))
    _shapes.extend(shape for shape in shapes if shape not in _shapes)
    _after_prefixes.cache_clear()


@functools.cache
def _after_prefixes() -> re.Pattern[str] | None:
    words: set[str] = set()
    for code in LANGUAGE_CODES:
        with translation.override(code):
            words.update(re.escape(str(prefix).strip("/")) for prefix in _prefixes)
    if not words:
        return None
    alternatives = "|".join(sorted(words))
    return re.compile(rf"(/(?:{alternatives})/)[^/?#\s\"']+")


def redact_tokens(text: str) -> str:
    """`text` with every registered token replaced by `<token>`."""
    for shape in _shapes:
        text = shape.sub(REPLACEMENT, text)
    if not apps.ready:  # translations (the addresses' words) need the apps
        return text
    after_prefixes = _after_prefixes()
    if after_prefixes is None:
        return text
    return after_prefixes.sub(rf"\1{REPLACEMENT}", text)

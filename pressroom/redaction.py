"""Preview-link tokens taken out of text bound for a log (iom_cms.middleware uses it).

Imports no model: the logging configuration loads it before the apps.
"""

import functools
import re

from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.translated import LANGUAGE_CODES

# A token in any text (a log line): its signed form, raw or with the colon percent-encoded, and
# whatever follows a preview address's prefix in any language (a trailing slash missing, more
# path after it, a cut token).
TOKEN = re.compile(r"[0-9a-f]{32}(?::|%3[Aa])[A-Za-z0-9_-]{6,}")


@functools.cache
def _after_preview_prefix():
    words = set()
    for code in LANGUAGE_CODES:
        with translation.override(code):
            words.add(re.escape(str(_("preview/")).strip("/")))
    return re.compile(rf"(/(?:{'|'.join(sorted(words))})/)[^/?#\s\"']+")


def redact_tokens(text):
    """`text` with every preview-link token replaced by `<token>`: for logs, which must never be
    enough to open an embargoed release."""
    text = TOKEN.sub("<token>", text)
    if not apps.ready:  # translations (the addresses' words) need the apps
        return text
    return _after_preview_prefix().sub(r"\1<token>", text)

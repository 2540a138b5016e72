"""The Jinja2 environment of the templates in templates/jinja2/ (Django's own Jinja2 backend).

A few pieces that lists repeat many times are written in Jinja2: twenty release summaries of a
dozen values each cost the finder a millisecond and a half in Django's template language, about
a fifth of that here (bench/README.md). Django templates show them through template tags.

Values are escaped as Django escapes them (`&quot;`, `&#x27;`), so a page reads the same
whichever engine wrote a piece of it; an unknown variable is an error, not an empty string.
`_()` is Django's gettext, and its result is escaped like any value (as `{% translate %}` is).
"""

import html
from typing import Any

from django.utils.translation import gettext
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup


def _django_escaped(value: object) -> object:
    """Before Jinja2's own escaping, which leaves safe strings (Django's or Jinja2's) alone."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))  # noqa: S704 - django.utils.html.escape, inlined


def environment(**options: Any) -> Environment:
    options.update(undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    options.pop("autoescape", None)  # always on, whatever the settings say
    env = Environment(autoescape=True, finalize=_django_escaped, **options)
    env.globals["_"] = gettext
    return env

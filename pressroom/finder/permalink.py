"""The finder's form, submitted, sends every field (`?q=&kind=&from=&…&match=all`): the page
answers with a redirect to the clean permalink, which a journalist can read and share.

Only values that filter nothing are dropped (empty ones, `match=all`, the sort that is the
default anyway); the filters come in the form's order, a topic list sorted, then the page and
any parameter the finder does not know, as they came.
"""

from django import forms
from django.http import QueryDict

from .fields import Sort


def clean_query(form, query):
    """The query string without the values that filter nothing; None when there are none."""
    pairs, dropped = [], False
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        values = query.getlist(key)
        if not isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            values = values[-1:]  # the one that counts (a repeat alone is no reason to redirect)
        for value in sorted(values):
            if _filters_nothing(key, value, query):
                dropped = True
            else:
                pairs.append((key, value))
    known = {form.add_prefix(name) for name in form.fields}
    for key, values in query.lists():
        if key not in known:
            dropped |= any(not value.strip() for value in values)
            pairs += [(key, value) for value in values if value.strip()]
    if not dropped:
        return None
    clean = QueryDict(mutable=True)
    for key, value in pairs:
        clean.appendlist(key, value)
    return clean.urlencode()


def _filters_nothing(key, value, query):
    if not value.strip():
        return True
    if key == "match":
        return value == "all"
    if key == "sort":
        return value == (Sort.RELEVANCE if query.get("q", "").strip() else Sort.NEWEST)
    return False

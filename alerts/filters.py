"""A subscription's filter: the finder's cleaned query, kept as a query string and as columns.

The finder's form (pressroom/finder/forms.py: the page, the feed and the API use it) cleans the
query string of the list the subscriber was reading; a bad filter is refused with the form's
own messages. A subscription keeps what concerns releases to come: the words, the topics (all
or any of them), the type, the office, the event and the language. The dates and the sort are
left out, and the subscribe page says so: an alert is about new releases.

The query string is written in one canonical order, so that the same filter is the same
subscription (a unique constraint per address); its columns are what matching.py compares.
"""

from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from pressroom.finder import ReleaseFilterForm

LEFT_OUT = ("from", "to", "year", "month", "sort", "page")


def finder_form(query):
    """The finder's form, bound to `query` (a QueryDict or a query string), dates left out."""
    if not isinstance(query, QueryDict):
        query = QueryDict(query or "")
    query = query.copy()
    for name in LEFT_OUT:
        query.pop(name, None)
    return ReleaseFilterForm(query)


def has_left_out(query: QueryDict) -> bool:
    return any(query.get(name) for name in LEFT_OUT if name != "page")


def canonical_query(form) -> str:
    """The filter of a valid form as a query string, in one order."""
    data = form.cleaned_data
    params = []
    if form.words:
        params.append(("q", form.words))
    topics = sorted(topic.slug for topic in form.topics)
    params += [("topic", slug) for slug in topics]
    if len(topics) > 1 and form.match_any:
        params.append(("match", "any"))
    if data.get("kind"):
        params.append(("kind", data["kind"]))
    if data.get("office"):
        params.append(("office", data["office"].slug))
    if data.get("event"):
        params.append(("event", data["event"].slug))
    if data.get("language"):
        params.append(("language", data["language"]))
    return urlencode(params)


def columns(form) -> dict:
    """The subscription's columns for the filter of a valid form (topics aside)."""
    data = form.cleaned_data
    return {
        "words": form.words,
        "match_any": len(form.topics) > 1 and form.match_any,
        "topic_count": len(form.topics),
        "kind": data.get("kind") or "",
        "office": data.get("office"),
        "event": data.get("event"),
        "available_in": data.get("language") or "",
    }


def describe(query: str, language: str) -> str:
    """The filter in words in `language`, as the finder says it: “Climate, in Spanish”."""
    with translation.override(language):
        form = finder_form(query)
        if not form.is_valid():  # a topic, office or event deleted since
            return gettext("Press releases (a filter that no longer exists)")
        return form.description or gettext("All press releases")


def list_url(query: str, language: str, origin: str = "") -> str:
    """The finder's list for this filter, in `language`."""
    with translation.override(language):
        url = origin + reverse("pressroom:list")
    return url + (f"?{query}" if query else "")

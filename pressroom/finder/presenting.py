"""What the finder's page shows, prepared once in Python as plain values for the template.

Django's template language costs a few microseconds per variable and more per tag; a finder
page has hundreds (twenty summaries, forty topics, twenty years, page links). Addresses, dates
and labels are therefore made here, with the query string encoded once, and the template only
writes them out.
"""

from urllib.parse import urlencode

from django.utils import translation

from .. import pieces


def with_query(base, **params):
    """`base` (an encoded query string) with `params` added: "?…"."""
    extra = urlencode(params)
    return "?" + "&".join(part for part in (base, extra) if part)


def archive_links(finder, form):
    """[(label, address, count, current)]: the months of the chosen year, else the years."""
    data = form.cleaned_data
    base = (
        form.querystring(year=None, month=None)
        if not finder.months
        else form.querystring(month=None)
    )
    if finder.months:
        return [
            (name, with_query(base, month=month), count, data.get("month") == month)
            for month, name, count in finder.months
        ]
    return [(year, with_query(base, year=year), count, False) for year, count in finder.years]


def topic_options(finder, form):
    """[(slug, name, count or None, checked)]: the topics found, then those chosen but absent."""
    chosen = form.topics
    chosen_ids = {topic.pk for topic in chosen}
    options = [(t.slug, t.name, t.count, t.pk in chosen_ids) for t in finder.topics]
    found = {topic.pk for topic in finder.topics}
    options += [(t.slug, t.name, None, True) for t in chosen if t.pk not in found]
    return options


def source_options(form, at=None):
    """{"office": [(slug, name)], "event": [(slug, title)]}, in the reader's language: the
    offices and the events that public releases come from (pressroom/pieces.py), and the one
    chosen even if it has none."""
    language = translation.get_language()
    options = pieces.sources(at)
    chosen = form.cleaned_data if form.is_valid() else {}
    if chosen.get("office") and chosen["office"].slug not in dict(options["office"]):
        options["office"].append((chosen["office"].slug, chosen["office"].name))
    if chosen.get("event") and chosen["event"].slug not in dict(options["event"]):
        event = chosen["event"]
        options["event"].append((event.slug, event.in_language(language).title))
    for choices in options.values():
        choices.sort(key=lambda choice: (choice[1] or "").lower())
    return options

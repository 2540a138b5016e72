"""The head metadata of every public page: canonical address, hreflang alternates, Open Graph.

One rule for every page type, read from what the views already put in the context:
- `object`: the item a detail page shows. If it is translated content (it has `languages`),
  the alternates list only the languages it exists in; otherwise every language.
- `language_urls`: exact addresses per language when slugs differ by language (releases,
  simple pages); otherwise the current address translated with Django's `translate_url`.
- `form`: the GET form of a list (finder, events, a unit's "holders on" date). The canonical
  address of a filtered list keeps the filters that form knows, in the form's order, and drops
  everything else: `page` (a moving window over a list whose first page is the one to index)
  and unknown parameters (utm_source, fbclid…, which would make duplicates), as well as empty
  and default values (a submitted form sends `q=&sort=newest`). A filtered list
  is content of its own that journalists share (all releases on climate), so it stays its own
  canonical page rather than pointing to the unfiltered list.
"""

from functools import lru_cache
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from core.translated import LANGUAGE_CODES

# Open Graph wants language_TERRITORY.
OG_LOCALES = {code: settings.SITE_LANGUAGES[code]["og_locale"] for code in LANGUAGE_CODES}
DROPPED_PARAMETERS = {"page"}


def canonical_query(request, form):
    """The query string that identifies a (filtered) list: known filters only, in order."""
    if form is None or not request.GET:
        return ""
    pairs = []
    for name, field in form.fields.items():
        key = form.add_prefix(name)  # a form may name its parameters (the finder's from/to)
        if key in DROPPED_PARAMETERS:
            continue
        default = "" if field.initial is None else str(field.initial)
        for value in sorted(set(request.GET.getlist(key))):
            # An empty or default value filters nothing: the same list as without it.
            if value.strip() and value != default:
                pairs.append((key, value))
    return urlencode(pairs)


def page_languages(item):
    """The languages a page exists in: a translated item's own, else all the site's."""
    return list(getattr(item, "languages", None) or LANGUAGE_CODES)


def translated_url(url, code):
    """`translate_url(url, code)`, kept: the address depends on the URLconf alone (the active
    language's patterns read it), so each process keeps a bounded number of them."""
    return _translated_url(url, translation.get_language(), code)


@lru_cache(maxsize=2048)
def _translated_url(url, language, code):
    with translation.override(language):
        return translate_url(url, code)


def head_links(request, *, item=None, language_urls=None, form=None, language):
    """The canonical address and the alternates {code: absolute url} with their x-default."""
    exact = language_urls or {}
    query = canonical_query(request, form)
    suffix = f"?{query}" if query else ""

    def absolute(path):
        return request.build_absolute_uri(path + suffix)

    # An exact address may carry the page's query (the finder's, for the language switcher): the
    # canonical one takes its own, from the form.
    alternates = {
        code: absolute(urlsplit(exact.get(code) or translated_url(request.path, code)).path)
        for code in page_languages(item)
    }
    default = settings.LANGUAGE_CODE
    if default not in alternates:
        original = getattr(item, "original_language", None)
        default = original if original in alternates else next(iter(alternates))
    # A reader whose language the item lacks sees another version at this address: the canonical
    # one is the version the text is in, never a duplicate under another prefix.
    canonical = alternates.get(language) or alternates[default]
    return {
        "canonical": canonical,
        "alternates": list(alternates.items()),
        "x_default": alternates[default],
        "og_locale": OG_LOCALES[language],
        "og_alternate_locales": [OG_LOCALES[code] for code in alternates if code != language],
    }

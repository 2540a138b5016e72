"""The finder: the press releases that match a query string, counted, paged and written out.

The list page, its Atom feed and the JSON API answer the same query string the same way:

    request.GET
      → forms.ReleaseFilterForm     cleans it (fields.py: slugs, sorts); a bad filter is a 400
      → form.filtered()             the public releases that match, as a QuerySet (search.py:
                                    words; topic_ids.py: topics on the ids kept in each row)
      → results.Finder              counts by year or month, type and topic in one statement
                                    (counts.py; from the tallies, tally.py, when the filter
                                    allows), then a page of ids (FinderPaginator)
      → listing.page_rows()         the page's rows, only the columns a list shows, dressed
                                    with their version, address and topics
      → presenting                  the facets as plain values (archive links, topic and source
                                    options)
      → the markup                  pressroom/summaries.py writes the summaries (one template,
                                    which the home page and the organisation's pages use too)

The page's view is pressroom/views.py; feeds.py and api.py take the same cleaned form and
`page_rows()`. Each step imports only those above it in this list.
"""

from .forms import ReleaseFilterForm
from .listing import ReleaseUrls, attach_corrections, page_rows
from .results import PER_PAGE, Finder, summary

__all__ = [
    "PER_PAGE",
    "Finder",
    "ReleaseFilterForm",
    "ReleaseUrls",
    "attach_corrections",
    "page_rows",
    "summary",
]

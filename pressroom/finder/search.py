"""Words in the finder: full-text search on PostgreSQL, the same syntax read by us elsewhere.

On PostgreSQL each language version has its own search document, a stored generated column
(`search_fr`, `search_en`, `search_es`: title weighted A, lead B, body C, with the language's
stemming and stop words) and its own GIN index, both created by hand in migration 0004 because
Django cannot declare them portably; a smaller one of the title and lead alone ranks the hits
(`search_head_*`, migration 0009). The model does not know these columns: `Document` points at
one of them in whatever query (or subquery) it is used in.

Words are looked for in every language version with that language's configuration, or only in
one when the reader filters by language. The rank of a release is the best rank of its versions;
the passage shown is taken from the version the reader sees.

Elsewhere (SQLite, `make run`) the same three expressions call functions of plain_search.py,
which reads the same syntax without stemming; letters are compared without accents on both
(the configurations in settings are `unaccent` ones, migration 0011).
"""

import html

from django.conf import settings
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Expression,
    F,
    FloatField,
    Func,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import Col
from django.db.models.functions import Concat, Greatest, Substr
from django.utils.safestring import mark_safe

from core.translated import LANGUAGE_CODES, filled

# Each language version is read with its language's text-search configuration (settings).
CONFIGS = {code: settings.SITE_LANGUAGES[code]["search_config"] for code in LANGUAGE_CODES}
PASSAGE_SOURCE_LENGTH = 1800  # characters of the body's HTML, about 1,500 of text
# Markers that no press release contains; turned into <mark> after the text is escaped.
START, STOP = "\ue000", "\ue001"


def full_text():
    return connection.vendor == "postgresql"


def matching(words, languages=LANGUAGE_CODES):
    """A condition: the words are in one of the `languages` versions of the release."""
    condition = Q()
    if full_text():
        from django.contrib.postgres.search import SearchVectorExact

        for code in languages:
            condition |= Q(SearchVectorExact(Document(code), _query(words, code)))
        return condition
    for code in languages:
        condition |= Q(_plain("finder_match", words, code, ("title", "lead", "body")))
    return condition


def rank(words, languages=LANGUAGE_CODES):
    """How well a release matches: the best rank of the words in the title and lead of its
    `languages` versions (0 unless they are all there; newest first among those).

    Ranked on the small title-and-lead document (`search_head_*`, migration 0009), which sits in
    the row: ranking on the whole document decompressed every hit's body, 30 µs a hit, a third
    of a second for a search of common words."""
    if not full_text():
        ranks = [_plain("finder_rank", words, code, ("title", "lead")) for code in languages]
        return Greatest(*ranks) if len(ranks) > 1 else ranks[0]
    from django.contrib.postgres.search import SearchRank, SearchVectorExact

    # Ranked only where the title and lead hold the words (a quick test): most hits of a broad
    # search have them in the body alone, and ts_rank is the costly part.
    ranks = [
        Case(
            When(
                SearchVectorExact(Document(code, "search_head"), _query(words, code)),
                then=SearchRank(Document(code, "search_head"), _query(words, code)),
            ),
            default=Value(0.0),
            output_field=FloatField(),
        )
        for code in languages
    ]
    return Greatest(*ranks) if len(ranks) > 1 else ranks[0]


def passage(words, reader_language):
    """The matching passage of the version shown to a reader of `reader_language`, with the
    words between START and STOP: an expression for the 20 releases of a page, never for all."""
    headline = _headline if full_text() else _plain_headline
    # Else the original version, which always exists (a constraint of the release).
    others = [code for code in LANGUAGE_CODES if code != reader_language]
    whens = [When(filled(f"title_{reader_language}"), then=headline(words, reader_language))]
    whens += [When(original_language=code, then=headline(words, code)) for code in others]
    return Case(*whens, default=Value(""), output_field=TextField())


def highlighted(text):
    """The passage as safe HTML: escaped, with the matching words in <mark>."""
    if not text:
        return ""
    text = " ".join(html.unescape(text).split())  # the tags removed left runs of spaces
    escaped = html.escape(text, quote=False)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


class Document(Expression):
    """The search document of one language version: a column the model does not declare
    (`search_fr`…, or the title-and-lead `search_head_fr`…)."""

    def __init__(self, language, column="search"):
        super().__init__()
        self.language = language
        self.column = column

    def resolve_expression(self, query=None, *args, **kwargs):
        from django.contrib.postgres.search import SearchVectorField

        field = SearchVectorField()
        field.set_attributes_from_name(f"{self.column}_{self.language}")
        field.model = query.model
        # The alias of the release table in this query, U0 and so on inside a subquery.
        return Col(query.get_initial_alias(), field)


def _plain(function, words, language, fields):
    output = BooleanField() if function == "finder_match" else FloatField()
    columns = [F(f"{name}_{language}") for name in fields]
    return Func(Value(words), *columns, function=function, output_field=output)


def _plain_headline(words, language):
    columns = [F(f"lead_{language}"), F(f"body_{language}")]
    return Func(Value(words), *columns, function="finder_passage", output_field=TextField())


def _query(words, language):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(words, config=CONFIGS[language], search_type="websearch")


def _headline(words, language):
    from django.contrib.postgres.search import SearchHeadline

    # The lead and the start of the body: ts_headline reads every word it is given, and the
    # whole body of 20 releases would cost more than the search itself. The start is cut before
    # its tags are removed (a tag cut in two at the end goes too), not the whole body stripped.
    body_start = Substr(F(f"body_{language}"), 1, PASSAGE_SOURCE_LENGTH)
    body_text = Func(
        body_start,
        Value("<[^>]*(>|$)"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    text = Concat(F(f"lead_{language}"), Value(" "), body_text, output_field=TextField())
    return SearchHeadline(
        text,
        _query(words, language),
        config=CONFIGS[language],
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )

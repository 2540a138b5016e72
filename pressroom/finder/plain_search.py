"""Words in the finder where there is no full-text search (SQLite, `make run`).

The syntax is the one README.md documents and PostgreSQL's `websearch_to_tsquery` reads: words
(all of them), `"a phrase"`, `-word` (without it) and `or` between alternatives, which binds
loosest (`a b or c` is a and b, or c). Letters are compared without case or accents, and a word
matches the start of a word of the text (`inondation` finds `inondations`): no stemming or stop
words, which PostgreSQL has. Relevance and the highlighted passage follow the same rules as there:
the words in the title, then in the lead; a passage from the lead and the start of the body.

SQLite calls these functions from the finder's queries (`search.py`): `connect()` registers them
on every new SQLite connection, so filtering, sorting and the passage stay one query each.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

START, STOP = "\ue000", "\ue001"  # the passage's markers, as in search.py
PASSAGE_SOURCE_LENGTH = 1800
PASSAGE_WORDS = 35
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]*(>|$)")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase, folded
    excluded: bool = False

    @functools.cached_property
    def pattern(self):
        # From the start of a word to the end of the last word begun (`inondations`).
        return re.compile(r"\b" + r"\W+".join(re.escape(word) for word in self.words) + r"\w*")


def fold(text):
    """`text` in lower case without accents, letter for letter (positions are kept)."""
    return "".join(_fold_letter(letter) for letter in text)


@functools.lru_cache(maxsize=4096)
def _fold_letter(letter):
    bare = "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c))
    bare = bare.lower()
    return bare if len(bare) == 1 else letter.lower()[:1] or letter


@functools.lru_cache(maxsize=256)
def parse(words):
    """((Term, …), …): alternatives, each a tuple of terms that must all hold."""
    alternatives, terms = [], []
    for minus, phrase, token in TOKEN.findall(words):
        if token.lower() == "or":
            if terms:
                alternatives.append(tuple(terms))
                terms = []
            continue
        excluded = bool(minus) or token.startswith("-")
        found = tuple(WORD.findall(fold(phrase if phrase or minus else token.lstrip("-"))))
        if found:
            terms.append(Term(found, excluded))
    if terms:
        alternatives.append(tuple(terms))
    # An alternative of excluded words alone would match nearly everything: PostgreSQL's
    # query has no positive word there either, and finds nothing for it.
    return tuple(alt for alt in alternatives if any(not term.excluded for term in alt))


def text_of(*parts):
    """The folded text of a version's fields, tags removed (the body is HTML)."""
    return fold(" ".join(TAG.sub(" ", part or "") for part in parts))


def holds(words, text):
    """Whether the folded `text` answers `words`."""
    return any(
        all(bool(term.pattern.search(text)) != term.excluded for term in alternative)
        for alternative in parse(words)
    )


def match(words, title, lead, body):
    return int(holds(words, text_of(title, lead, body)))


def rank(words, title, lead):
    """2 for the words in the title, 1 in the title and lead, else 0 (then newest first)."""
    if holds(words, text_of(title)):
        return 2.0
    return 1.0 if holds(words, text_of(title, lead)) else 0.0


def passage(words, lead, body):
    """About PASSAGE_WORDS words of the lead and the start of the body around the first word
    found, each word found between START and STOP; "" when none is there."""
    source = TAG.sub(" ", f"{lead or ''} {(body or '')[:PASSAGE_SOURCE_LENGTH]}")
    text = " ".join(source.split())
    folded = fold(text)
    spans = []
    for alternative in parse(words):
        for term in alternative:
            if not term.excluded:
                spans += [found.span() for found in term.pattern.finditer(folded)]
    if not spans:
        return ""
    spans = _merged(sorted(spans))
    first = spans[0][0]
    before = text[:first].split()
    start = len(" ".join(before[: max(0, len(before) - 8)]))
    words_after = text[start:].split()
    end = start + len(" ".join(words_after[:PASSAGE_WORDS])) + 1
    marked, position = [], start
    for begin, finish in spans:
        if begin < start or finish > end:
            continue
        marked += [text[position:begin], START, text[begin:finish], STOP]
        position = finish
    marked.append(text[position:end])
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(marked).strip() + suffix


def _merged(spans):
    merged = [spans[0]]
    for begin, finish in spans[1:]:
        if begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(finish, merged[-1][1]))
        else:
            merged.append((begin, finish))
    return merged


FUNCTIONS = {"finder_match": (4, match), "finder_rank": (3, rank), "finder_passage": (3, passage)}


def connect(sender, connection, **kwargs):
    """Registers the functions on a new SQLite connection (the `connection_created` signal)."""
    if connection.vendor == "sqlite":
        for name, (arity, function) in FUNCTIONS.items():
            connection.connection.create_function(name, arity, function, deterministic=True)

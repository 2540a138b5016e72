"""Words in the finder without full-text search (SQLite, `make run`): the documented syntax,
accents ignored, the passage highlighted (pressroom/finder/plain_search.py).

The functions are tested here on any database; the finder's pages on SQLite itself, in a run of
their own (the last test)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressroom.finder import plain_search
from pressroom.finder.plain_search import START, STOP

ROOT = Path(__file__).resolve().parents[2]
SQLITE_TESTS = Path(__file__).with_name("sqlite_finder.py")


def holds(words, text):
    return plain_search.holds(words, plain_search.text_of(text))


class TestTheSyntax:
    def test_every_word_must_be_there(self):
        assert holds("climat migrations", "Le climat et les migrations")
        assert not holds("climat migrations", "Le climat seulement")

    def test_a_word_finds_the_words_it_begins(self):
        assert holds("inondation", "Les inondations")

    def test_accents_and_case_are_ignored_both_ways(self):
        assert holds("deplacees", "Personnes DÉPLACÉES")
        assert holds("déplacées", "personnes deplacees")
        assert holds("migracion", "La migración")

    def test_a_quoted_phrase_must_be_there_in_that_order(self):
        assert holds('"journée internationale"', "Journée internationale des migrants")
        assert not holds('"journée internationale"', "Journée des migrants internationale")

    def test_a_word_after_a_minus_must_not_be_there(self):
        assert holds("journée -mondiale", "Journée internationale")
        assert not holds("journée -mondiale", "Journée mondiale")
        assert not holds('journée -"journée mondiale"', "La journée mondiale")

    def test_or_joins_alternatives_and_binds_loosest(self):
        assert holds("sécheresse or inondations", "Les inondations")
        assert holds("climat sécheresse or inondations", "Les inondations")
        assert not holds("climat sécheresse or inondations", "Le climat")

    def test_excluded_words_alone_find_nothing_as_on_postgresql(self):
        assert not holds("-mondiale", "Journée internationale")

    @pytest.mark.parametrize("words", ["a & !b | (c", "'; DROP TABLE x; --", '"', "---", "<->"])
    def test_any_words_are_read_without_error(self, words):
        plain_search.match(words, "Titre", "Chapeau", "<p>Texte</p>")


class TestRankAndPassage:
    def test_the_title_ranks_above_the_lead_and_the_lead_above_the_body(self):
        assert plain_search.rank("climat", "Climat", "") == 2.0
        assert plain_search.rank("climat", "Titre", "Le climat") == 1.0
        assert plain_search.rank("climat", "Titre", "Chapeau") == 0.0

    def test_the_passage_marks_every_word_found_without_accents(self):
        text = plain_search.passage(
            "deplacees inondation", "Les inondations.", "<p>Des familles <b>déplacées</b> ici.</p>"
        )
        assert text == f"Les {START}inondations{STOP}. Des familles {START}déplacées{STOP} ici."

    def test_a_long_passage_is_cut_around_the_first_word_found(self):
        body = "<p>" + "mot " * 100 + "sécheresse " + "mot " * 100 + "</p>"
        text = plain_search.passage("secheresse", "", body)
        assert text.startswith("… mot") and text.endswith(" …")
        assert f"{START}sécheresse{STOP}" in text
        assert len(text.split()) <= plain_search.PASSAGE_WORDS + 2

    def test_no_passage_without_a_word_found(self):
        assert plain_search.passage("absent", "Chapeau", "<p>Texte</p>") == ""


def test_the_finder_works_on_sqlite():
    """The finder's pages on SQLite itself (sqlite_finder.py, a name pytest does not collect
    on its own), in a run of their own on an SQLite database, whatever database this one uses."""
    env = {**os.environ, "DATABASE_URL": "sqlite://:memory:"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", str(SQLITE_TESTS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "4 passed" in run.stdout, run.stdout[-3000:]

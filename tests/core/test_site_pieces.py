"""Pieces kept per language until the public pages change (core/site_pieces.py)."""

from unittest import mock

from django.core.cache import cache
from django.utils import translation

from core import public_cache, public_pages, site_pieces


def counting_builder(value="piece"):
    calls = []

    def build():
        calls.append(translation.get_language())
        return f"{value} {len(calls)}"

    return build, calls


def test_a_piece_is_built_once_per_language():
    build, calls = counting_builder()
    for language in ("fr", "fr", "en", "fr", "en"):
        with translation.override(language):
            site_pieces.kept("test-piece", build)
    assert calls == ["fr", "en"]


def test_the_notice_makes_every_piece_be_built_again(db, django_capture_on_commit_callbacks):
    build, calls = counting_builder()
    site_pieces.kept("test-piece", build)
    with django_capture_on_commit_callbacks(execute=True):
        public_pages.changed()
    assert site_pieces.kept("test-piece", build) == "piece 2"


def test_a_change_made_in_another_process_reaches_this_one():
    """Another process renews the shared generation; this one sees it at the next use."""
    build, calls = counting_builder()
    site_pieces.kept("test-piece", build)
    cache.set(public_cache.GENERATION_KEY, "made-by-another-process", timeout=None)
    assert site_pieces.kept("test-piece", build) == "piece 2"
    assert site_pieces.kept("test-piece", build) == "piece 2"


def test_without_the_cache_pieces_are_built_for_every_page():
    build, calls = counting_builder()
    with mock.patch.object(public_cache.cache, "get", side_effect=ConnectionError("down")):
        site_pieces.kept("test-piece", build)
        site_pieces.kept("test-piece", build)
    assert len(calls) == 2

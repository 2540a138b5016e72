"""The site's languages are written out once, in settings (SITE_LANGUAGES), and read from there.

Adding a language is then the steps of README.md, "Adding a language", and no hunt through the
code for `("fr", "en", "es")`. The check reads every Python module of the project with `ast` and
fails on a list, tuple, set or dict written with two or more of the site's language codes, or on
a search configuration's name ("french"), outside the settings. It leaves out:
- migrations: they are history, and state the languages they were written for (Django writes the
  codes into the ones it generates: choices, constraints), so a database migrated from scratch
  comes out as one migrated step by step;
- tests: they describe behaviour in the languages the site has today;
- the few data that are about particular languages rather than the list of them (ALLOWED).
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_FOLDERS = {".venv", "node_modules", "var", "tests", "migrations"}
SETTINGS = ROOT / "iom_cms" / "settings.py"
CODES = {code for code, _name in settings.LANGUAGES}
SEARCH_CONFIGS = {language["search_config"] for language in settings.SITE_LANGUAGES.values()}
# ... and the configurations they were made from (`french` for `french_unaccent`).
SEARCH_CONFIGS |= {config.removesuffix("_unaccent") for config in SEARCH_CONFIGS}
# Module-level names whose value may hold several codes, with the reason.
ALLOWED = {
    # The benchmark's own mix of languages, fixed so that it makes the same releases every run.
    ("pressroom/management/commands/bench_generate.py", "LANGUAGE_MIXES"),
}


def written_out(source, allowed_names=()):
    """(line, what) for each place in `source` that writes the site's languages out."""
    tree = ast.parse(source)
    skipped = set()
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in allowed_names for t in targets):
                skipped.update(id(child) for child in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [key for key in node.keys if key is not None]
        elif isinstance(node, ast.Constant) and node.value in SEARCH_CONFIGS:
            found.append((node.lineno, f"the search configuration {node.value!r}"))
            continue
        else:
            continue
        codes = [i.value for i in items if isinstance(i, ast.Constant) and i.value in CODES]
        if len(set(codes)) >= 2:
            found.append((node.lineno, f"the languages {', '.join(codes)}"))
    return found


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if SKIPPED_FOLDERS.isdisjoint(relative.parts[:-1]) and path != SETTINGS:
            yield relative.as_posix(), path


def test_no_module_writes_the_languages_out():
    places = []
    for name, path in project_modules():
        allowed_names = {allowed for module, allowed in ALLOWED if module == name}
        for line, what in written_out(path.read_text(), allowed_names):
            places.append(f"{name}:{line} writes out {what}")
    assert places == []


def test_the_check_looks_at_the_project_apps():
    names = {name.split("/")[0] for name, _path in project_modules()}
    assert {"core", "organisation", "events", "pressroom", "pages", "iom_cms"} <= names


class TestTheCheck:
    def test_it_finds_a_list_of_languages(self):
        source = 'LANGUAGES = ("fr", "en", "es")\nfields = [f"title_{c}" for c in ["fr", "es"]]\n'
        assert [line for line, _what in written_out(source)] == [1, 2]

    def test_it_finds_a_map_keyed_by_language(self):
        source = 'OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}\n'
        assert written_out(source) == [(1, "the languages fr, en")]

    def test_it_finds_a_search_configuration_named_anywhere(self):
        assert written_out('config = "french"\n') == [(1, "the search configuration 'french'")]

    def test_it_lets_a_single_language_and_field_names_be(self):
        source = 'with override("fr"):\n    fields = ("title_fr", "title_en", "fr")\n'
        assert written_out(source) == []

    def test_an_allowed_name_may_hold_languages_and_nothing_else_may(self):
        source = 'MIXES = [(("en", "fr"), 1)]\nOTHER = [("en", "fr")]\n'
        assert written_out(source, allowed_names={"MIXES"}) == [(2, "the languages en, fr")]


def test_every_language_is_known_to_django_and_has_its_facts():
    for code, language in settings.SITE_LANGUAGES.items():
        assert translation.get_language_info(code)["code"] == code
        assert set(language) == {"name", "search_config", "og_locale"}
    assert list(settings.MODELTRANSLATION_LANGUAGES) == list(settings.SITE_LANGUAGES)
    assert settings.LANGUAGE_CODE in settings.SITE_LANGUAGES


@pytest.mark.django_db
def test_the_page_is_written_right_to_left_in_a_right_to_left_language(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the same address twice, a setting changed in between
    assert '<html lang="es" dir="ltr">' in client.get("/es/").content.decode()
    settings.LANGUAGES_BIDI = [*settings.LANGUAGES_BIDI, "es"]  # as if Spanish were written so
    assert '<html lang="es" dir="rtl">' in client.get("/es/").content.decode()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="search columns on PostgreSQL")
def test_every_language_has_search_columns_read_with_its_configuration():
    """The finder queries each language with the configuration in settings: the columns that
    the migrations made must have been made with the same one."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attribute.attname, pg_get_expr(default_.adbin, default_.adrelid) "
            "FROM pg_attribute attribute JOIN pg_attrdef default_ "
            "ON default_.adrelid = attribute.attrelid AND default_.adnum = attribute.attnum "
            "WHERE attribute.attrelid = 'pressroom_pressrelease'::regclass "
            "AND attribute.attgenerated = 's'"
        )
        generated = dict(cursor.fetchall())
    for code, language in settings.SITE_LANGUAGES.items():
        for column in (f"search_{code}", f"search_head_{code}"):
            assert f"'{language['search_config']}'::regconfig" in generated[column]

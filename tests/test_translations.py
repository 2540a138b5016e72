"""The interface translations: complete, compiled, and faithful to the English strings.

`makemessages` writes the msgids into locale/<language>/LC_MESSAGES/django.po, translators fill
the msgstrs, and `compilemessages` turns each .po into the .mo that Django actually reads. The
.mo files are committed, so these tests also catch a .po edited without recompiling.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

LANGUAGES = [
    pytest.param("fr", id="french"),
    pytest.param("en", id="english"),
    pytest.param("es", id="spanish"),
]

# printf-style placeholders: %(name)s, %s, %d, %5.2f... ("%%" is a literal percent sign).
PYTHON_FORMAT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa]")
BRACE_FORMAT = re.compile(r"\{[^{}]*\}")
TEMPLATE_VARIABLE = re.compile(r"\{\{.*?\}\}")
# HTML tags and URL converters such as <slug:slug>: markup and routing, not words.
ANGLE_TOKEN = re.compile(r"<[^<>]+>")


def po_file(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def mo_file(language):
    return polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))


def live_entries(catalog):
    return [entry for entry in catalog if not entry.obsolete]


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def translations(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def tokens(text, flags):
    """What must come through translation unchanged: placeholders, variables, markup."""
    found = set(TEMPLATE_VARIABLE.findall(text)) | set(ANGLE_TOKEN.findall(text))
    if "python-format" in flags:
        found |= set(PYTHON_FORMAT.findall(text.replace("%%", "")))
    if "python-brace-format" in flags:
        found |= set(BRACE_FORMAT.findall(text.replace("{{", "").replace("}}", "")))
    return found


def nplurals(catalog):
    match = re.search(r"nplurals\s*=\s*(\d+)", catalog.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def test_every_site_language_has_a_catalog_under_test():
    tested = {param.values[0] for param in LANGUAGES}
    assert tested == {code for code, _name in settings.LANGUAGES}
    for code in tested:
        assert (LOCALE_DIR / code / "LC_MESSAGES" / "django.po").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    catalog = po_file(language)
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    assert not untranslated, f"{language}: untranslated msgids: {untranslated}"
    assert live_entries(catalog), f"{language}: the catalog is empty"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_left_fuzzy(language):
    catalog = po_file(language)
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    if catalog.metadata_is_fuzzy:
        fuzzy.insert(0, "(the header)")
    assert not fuzzy, f"{language}: fuzzy entries, check them and remove the flag: {fuzzy}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_names_the_language_and_its_plural_rule(language):
    catalog = po_file(language)
    assert catalog.metadata.get("Language") == language
    assert "charset=UTF-8" in catalog.metadata.get("Content-Type", "")
    assert nplurals(catalog) == 2, catalog.metadata.get("Plural-Forms")


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_strings_have_every_form_the_language_needs(language):
    catalog = po_file(language)
    expected = list(range(nplurals(catalog)))
    wrong = [
        entry.msgid
        for entry in live_entries(catalog)
        if entry.msgid_plural and sorted(entry.msgstr_plural) != expected
    ]
    assert not wrong, f"{language}: plural entries without exactly {len(expected)} forms: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_file_matches_the_po_file(language):
    po = po_file(language)
    mo = mo_file(language)
    # msgfmt leaves out fuzzy and untranslated entries; the tests above report those.
    expected = {key(entry): translations(entry) for entry in live_entries(po) if entry.translated()}
    compiled = {key(entry): translations(entry) for entry in mo if entry.msgid}
    stale = sorted(
        entry_key[1]
        for entry_key in expected.keys() | compiled.keys()
        if expected.get(entry_key) != compiled.get(entry_key)
    )
    assert not stale, (
        f"{language}: django.mo differs from django.po for {stale}; "
        "run `manage.py compilemessages` and commit the .mo file"
    )
    assert mo.metadata.get("Plural-Forms") == po.metadata.get("Plural-Forms"), (
        f"{language}: django.mo was compiled from another header; run compilemessages"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_the_english_string(language):
    mismatches = []
    for entry in live_entries(po_file(language)):
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        allowed = [tokens(source, entry.flags) for source in sources]
        for text in translations(entry):
            if text and tokens(text, entry.flags) not in allowed:
                mismatches.append(
                    f"{entry.msgid!r}: {sorted(allowed[-1])} became "
                    f"{sorted(tokens(text, entry.flags))} in {text!r}"
                )
    assert not mismatches, f"{language}: placeholders changed:\n" + "\n".join(mismatches)


@pytest.mark.parametrize(
    ("language", "list_url", "detail_url"),
    [
        pytest.param("fr", "/fr/communiques/", "/fr/communiques/migrants/", id="french"),
        pytest.param("en", "/en/press-releases/", "/en/press-releases/migrants/", id="english"),
        pytest.param("es", "/es/comunicados/", "/es/comunicados/migrants/", id="spanish"),
    ],
)
def test_press_release_addresses_are_in_the_readers_language(language, list_url, detail_url):
    with translation.override(language):
        assert reverse("pressroom:list") == list_url
        assert reverse("pressroom:detail", kwargs={"slug": "migrants"}) == detail_url

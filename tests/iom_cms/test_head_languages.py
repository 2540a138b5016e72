"""The <head> of every page type speaks the page's language: no interface string of another
language's catalog (a string `makemessages` never extracted stays English everywhere).

Each page type is rendered in each language with the demo content; the text of its <head>
(title, meta contents, link titles, JSON-LD) must hold no translation of another language, nor
an English source string, that is not also the current language's own translation."""

import json
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from events.models import Event, Series
from organisation.models import Person, Unit
from pages.models import Page
from pressroom.models import PressRelease

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MIN_LENGTH = 12  # shorter strings ("Climat", "IOM") are words that content may hold too


class HeadText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.in_head, self.tag = [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif self.in_head:
            self.tag = tag
            self.parts += [attrs.get("content") or "", attrs.get("title") or ""]

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        self.tag = None

    def handle_data(self, data):
        if self.in_head and self.tag in ("title", "script"):
            self.parts.append(self._text(data) if self.tag == "script" else data)

    @staticmethod
    def _text(data):
        return " ".join(_strings(json.loads(data))) if data.strip() else ""


def _strings(value):
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def head_text(html):
    parser = HeadText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def catalog(language):
    path = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def foreign_strings(language):
    """Interface strings of the other languages (and the English sources) that this language's
    catalog does not also use, long enough to be telling."""
    own = {entry.msgstr for entry in catalog(language)}
    found = set()
    for other in LANGUAGES:
        for entry in catalog(other):
            candidates = [entry.msgid] if language != "en" else []
            if other != language:
                candidates.append(entry.msgstr)
            found.update(
                text
                for text in candidates
                if len(text) >= MIN_LENGTH
                and "%" not in text
                and "{" not in text
                and not text.endswith("/")  # URL paths: the alternates link every language
                and text not in own
            )
    return found


def page_addresses(language):
    release = max(PressRelease.objects.published(), key=lambda release: len(release.languages))
    single = next(r for r in PressRelease.objects.published() if language not in r.languages)
    with translation.override(language):
        lists = reverse("pressroom:list")
        return {
            "home": f"/{language}/",
            "releases": lists,
            "releases filtered": f"{lists}?year=2024&q=migrants",
            "releases refused": f"{lists}?from=2024-02-30",
            "release": release.get_absolute_url(language),
            "release in its original language": single.get_absolute_url(language),
            "who we are": reverse("organisation:who-we-are"),
            "structure": reverse("organisation:structure"),
            "unit": Unit.objects.first().get_absolute_url(),
            "person": Person.objects.first().get_absolute_url(),
            "events": reverse("events:list"),
            "event": Event.objects.published().first().get_absolute_url(language),
            "series": Series.objects.first().get_absolute_url(language),
            "simple page": Page.objects.filter(section="").first().get_absolute_url(language),
            "not found": f"/{language}/no-such-page/here/",
        }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_head_of_every_page_type_is_in_the_pages_language(client, demo_content, language):
    foreign = foreign_strings(language)
    assert len(foreign) > 100  # the check has something to look for
    found = {}
    for name, address in page_addresses(language).items():
        response = client.get(address)
        assert response.status_code in (200, 400, 404), address
        text = head_text(response.content.decode())
        assert text, address
        if wrong := sorted(string for string in foreign if string in text):
            found[f"{name} ({address})"] = wrong
    assert found == {}


def test_the_check_finds_an_english_description_on_a_french_page():
    html = (
        '<html><head><title>Accueil</title><meta name="description" content="News, press '
        "releases and information from the International Organization for Migration, the UN "
        'migration agency."></head><body>News, press releases</body></html>'
    )
    text = head_text(html)
    assert (
        "News, press releases and information from the International Organization for "
        "Migration, the UN migration agency."
    ) in [string for string in foreign_strings("fr") if string in text]

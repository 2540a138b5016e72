"""axe-core (npm, pinned in package.json) checks the public pages against the WCAG 2.0, 2.1 and
2.2 A and AA rules, in the three languages, on a phone and a desktop screen. The same visits
write screenshots to var/screenshots/ (gitignored) for people to look at."""

import io
import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from events.models import Speaker
from tests.factories import (
    AppointmentFactory,
    EventFactory,
    FeatureFactory,
    MediaContactFactory,
    PageFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    ProfileFactory,
    SessionFactory,
    TopicFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = settings.BASE_DIR / "var" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"phone": 375, "desktop": 1280}


@pytest.fixture
def axe_script():
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{AXE} is missing: run `npm ci` (make venv)")
        pytest.skip(f"{AXE} is missing: run `npm ci` (make venv)")
    return str(AXE)


def photo():
    out = io.BytesIO()
    Image.new("RGB", (1200, 800), (70, 110, 160)).save(out, "JPEG")
    return SimpleUploadedFile("photo.jpg", out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def site_content():
    """One item of each kind, in the three languages where it has versions."""
    ProfileFactory()
    topic = TopicFactory(slug="climate", name_fr="Climat", name_en="Climate", name_es="Clima")
    release = PressReleaseFactory(
        slug_fr="inondations",
        english=True,
        slug_en="floods",
        spanish=True,
        slug_es="crecidas",
        topics=[topic],
        image_alt_fr="Des familles devant un centre d'accueil",
        image_alt_en="Families outside a reception centre",
        image_alt_es="Familias delante de un centro de acogida",
    )
    release.image = photo()
    release.save()
    release.contacts.set([MediaContactFactory()])
    PressReleaseFactory(topics=[topic], english=True, spanish=True)  # a related release
    event = EventFactory(english=True, slug="dialogue")
    page = PageFactory(title_es="Página", slug_es="pagina", body_es="<p>El texto.</p>")
    FeatureFactory(release=release, heading_en="A featured release")
    FeatureFactory(release=None, event=event)
    parent = UnitFactory(slug="management")
    UnitFactory(slug="media", parent=parent)
    # A post with its holder, who speaks at the event, and a vacant post.
    person = PersonFactory(slug="holder", title_form="feminine")
    held = PositionFactory(unit=parent, in_leadership_team=True, title_feminine_fr="Directrice")
    AppointmentFactory(position=held, person=person)
    PositionFactory(unit=parent, in_leadership_team=True)
    speaker = Speaker.objects.create(person=person)
    ParticipationFactory(session=SessionFactory(event=event), speaker=speaker)
    return {"release": release, "event": event, "page": page, "unit": parent, "person": person}


def pages(content, language):
    lists = {"fr": "/fr/communiques/", "en": "/en/press-releases/", "es": "/es/comunicados/"}
    who = {"fr": "/fr/qui-sommes-nous/", "en": "/en/who-we-are/", "es": "/es/quienes-somos/"}
    structure = {
        code: f"{address}{name}/"
        for code, address, name in [
            ("fr", who["fr"], "structure"),
            ("en", who["en"], "structure"),
            ("es", who["es"], "estructura"),
        ]
    }
    return {
        "home": f"/{language}/",
        "releases": lists[language],
        "releases-filtered": lists[language] + "?topic=climate",
        "releases-empty": lists[language] + "?q=nothingmatchesthis",
        "release": content["release"].get_absolute_url(language),
        "who-we-are": who[language],
        "structure": structure[language],
        "unit": _in(language, content["unit"].get_absolute_url),
        "person": _in(language, content["person"].get_absolute_url),
        "event": content["event"].get_absolute_url(language),
        "page": content["page"].get_absolute_url(language),
    }


def _in(language, address_of):
    with translation.override(language):
        return address_of()


def violations(page):
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_public_pages_meet_wcag_a_and_aa(
    browser, live_server, site_content, axe_script, language, width
):
    # bypass_csp: axe is injected as an inline script, which the site's policy refuses.
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 800}, bypass_csp=True, locale=language
    )
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found = {}
    for name, path in pages(site_content, language).items():
        response = page.goto(live_server.url + path)
        assert response.ok, path
        page.screenshot(path=SCREENSHOTS / f"{language}-{width}-{name}.png", full_page=True)
        page.add_script_tag(path=axe_script)
        if problems := violations(page):
            found[path] = problems
    context.close()
    assert found == {}


def test_axe_finds_a_planted_violation(browser, live_server, axe_script):
    """The check above is worth something only if axe reports what it should."""
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(f"{live_server.url}/fr/")
    page.evaluate("() => document.querySelector('main').append(document.createElement('img'))")
    page.add_script_tag(path=axe_script)
    assert any(problem.startswith("image-alt") for problem in violations(page))

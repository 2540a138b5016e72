"""A stored script in any text field an editor can fill is shown as text, on every page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import MediaContactFactory, PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db

# One payload per context: element content, a quoted attribute, an unquoted-looking attribute.
PAYLOADS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
]
DANGEROUS = ["<script>alert", "<img src=x onerror", "' onmouseover='"]


def png():
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(out, "PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


@pytest.fixture(params=range(len(PAYLOADS)), ids=["element", "attribute", "single-quote"])
def payload(request):
    return PAYLOADS[request.param]


@pytest.fixture
def release(payload):
    topic = TopicFactory(slug="health", name_fr=f"Santé {payload}", name_en=f"Health {payload}")
    contact = MediaContactFactory(
        name=f"Rahma {payload}",
        role_fr=f"Chargée {payload}",
        office_fr=f"Caire {payload}",
        phone=f"+41 {payload}",
    )
    return PressReleaseFactory(
        slug_fr="inondations",
        title_fr=f"Titre {payload}",
        lead_fr=f"Chapeau {payload}",
        dateline_fr=f"Genève {payload}",
        image=png(),
        image_alt_fr=f"Texte {payload}",
        image_caption_fr=f"Légende {payload}",
        image_credit=f"© OIM {payload}",
        topics=[topic],
        contacts=[contact],
    )


def assert_escaped(html, where):
    for dangerous in DANGEROUS:
        assert dangerous not in html, f"{dangerous!r} unescaped on {where}"


PUBLIC_PAGES = [
    "/fr/",
    "/fr/communiques/",
    "/fr/communiques/?topic=health",
    "/fr/communiques/inondations/",
    "/en/press-releases/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_escape_what_editors_wrote(client, release, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert_escaped(html, path)


def test_the_release_page_shows_every_field_escaped(client, release, payload):
    html = client.get("/fr/communiques/inondations/").content.decode()
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace('"', "&quot;").replace("'", "&#x27;")
    for text in (
        "Titre",
        "Chapeau",
        "Genève",
        "Légende",
        "© OIM",
        "Rahma",
        "Chargée",
        "Caire",
        "Santé",
    ):
        assert f"{text} {escaped}" in html, text
    assert f'alt="Texte {escaped}"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pressroom/pressrelease/",
        "/admin/pressroom/topic/",
        "/admin/pressroom/mediacontact/",
    ],
)
def test_admin_lists_escape_what_editors_wrote(editor_client, release, path):
    response = editor_client.get(path)
    assert response.status_code == 200
    assert_escaped(response.content.decode(), path)


def test_the_admin_form_escapes_what_editors_wrote(editor_client, release):
    response = editor_client.get(f"/admin/pressroom/pressrelease/{release.pk}/change/")
    assert_escaped(response.content.decode(), "the change form")

"""The editor and the sanitiser share one definition of rich text (iom_cms/richtext.py)."""

import json

import pytest
from django_prose_editor.config import allowlist_from_extensions

from core.richtext import ALLOWED_TAGS, EXTENSIONS, RichTextFormField, sanitise_html
from pressroom.models import PressRelease


def test_the_sanitiser_allows_exactly_the_tags_the_editor_makes():
    assert allowlist_from_extensions(EXTENSIONS)["tags"] == ALLOWED_TAGS
    assert {"h2", "h3", "h4", "strong", "em", "ul", "ol", "li", "blockquote", "a"} <= ALLOWED_TAGS
    assert not {"h1", "img", "span", "div", "script", "style"} & ALLOWED_TAGS


def test_the_editor_is_configured_with_the_same_extensions():
    widget = RichTextFormField().widget
    config = json.loads(
        widget.get_context("body", "", {})["widget"]["attrs"][
            "data-django-prose-editor-configurable"
        ]
    )
    assert set(EXTENSIONS) <= set(config["extensions"])
    assert config["extensions"]["Heading"] == {"levels": [2, 3, 4]}


@pytest.mark.parametrize(
    ("html", "stored"),
    [
        (
            "<h2>Titre</h2><p><strong>gras</strong> et <em>italique</em></p>",
            "<h2>Titre</h2><p><strong>gras</strong> et <em>italique</em></p>",
        ),
        ("<h1>Titre</h1>", "Titre"),
        ('<p style="color:red" class="x"><span>texte</span></p>', "<p>texte</p>"),
        (
            '<a href="https://www.iom.int/" target="_blank" rel="opener">OIM</a>',
            '<a href="https://www.iom.int/" rel="noopener noreferrer">OIM</a>',
        ),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ("<p></p>", ""),
        ("<blockquote><p>Citation</p></blockquote>", "<blockquote><p>Citation</p></blockquote>"),
    ],
)
def test_what_the_editor_cannot_make_is_removed_on_the_server(html, stored):
    assert sanitise_html(html) == stored


@pytest.mark.django_db
def test_an_empty_editor_leaves_the_language_version_empty():
    from tests.factories import PressReleaseFactory

    release = PressReleaseFactory(body_en="<p></p>")
    assert PressRelease.objects.get(pk=release.pk).body_en == ""

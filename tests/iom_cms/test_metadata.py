"""Canonical address, hreflang alternates, Open Graph and Twitter cards on every public page."""

import re
from html.parser import HTMLParser

import pytest

from tests.factories import (
    EventFactory,
    PageFactory,
    PersonFactory,
    PressReleaseFactory,
    SeriesFactory,
    TopicFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db
BASE = "http://testserver"


class Head(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.links, self.meta = [], {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs["content"])

    def canonical(self):
        [url] = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        return url

    def alternates(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return Head(response.content.decode())


def every_page_type():
    series = SeriesFactory()
    event = EventFactory(series=series, english=True)
    page = PageFactory(slug_fr="a-propos", slug_en="about", title_es="Página", slug_es="pagina")
    release = PressReleaseFactory(
        slug_fr="crue", english=True, slug_en="flood", spanish=True, slug_es="crecida"
    )
    unit, person = UnitFactory(slug="media"), PersonFactory(slug="amy")
    return {
        "/fr/": None,
        "/fr/communiques/": None,
        release.get_absolute_url("fr"): None,
        "/fr/evenements/": None,
        event.get_absolute_url("fr"): None,
        series.get_absolute_url("fr"): None,
        "/fr/qui-sommes-nous/": None,
        "/fr/qui-sommes-nous/structure/": None,
        unit.get_absolute_url(): None,
        person.get_absolute_url(): None,
        page.get_absolute_url("fr"): None,
    }


def test_every_page_type_has_a_canonical_address_and_alternates_with_x_default(client):
    for path in every_page_type():
        page = head(client, path)
        assert page.canonical() == BASE + path, path
        alternates = page.alternates()
        assert alternates["fr"] == BASE + path
        assert set(alternates) >= {"fr", "en", "x-default"}, path
        assert alternates["x-default"] == alternates["fr"]
        assert all(
            url.startswith(BASE + f"/{code}/")
            for code, url in alternates.items()
            if code != "x-default"
        ), path
        assert page.meta["og:url"] == [BASE + path]
        assert page.meta["og:locale"] == ["fr_FR"]
        for key in (
            "og:title",
            "og:description",
            "og:site_name",
            "og:type",
            "og:image",
            "twitter:card",
            "twitter:title",
            "twitter:image",
        ):
            assert page.meta[key][0].strip(), (path, key)
        assert page.meta["og:image"][0].startswith(BASE + "/")


def test_translated_slugs_give_exact_alternates(client):
    release = PressReleaseFactory(slug_fr="crue", english=True, slug_en="flood")
    page = head(client, release.get_absolute_url("en"))
    assert page.alternates() == {
        "fr": f"{BASE}/fr/communiques/crue/",
        "en": f"{BASE}/en/press-releases/flood/",
        "x-default": f"{BASE}/fr/communiques/crue/",
    }
    assert page.meta["og:locale"] == ["en_GB"]
    assert page.meta["og:locale:alternate"] == ["fr_FR"]


def test_a_version_missing_in_the_readers_language_points_to_the_one_that_exists(client):
    release = PressReleaseFactory(slug_fr="seulement-fr")
    page = head(client, release.get_absolute_url("es"))
    assert page.canonical() == f"{BASE}/fr/communiques/seulement-fr/"
    assert set(page.alternates()) == {"fr", "x-default"}


def test_a_filtered_list_keeps_its_filters_but_not_the_page_or_unknown_parameters(client):
    TopicFactory(slug="climate")
    TopicFactory(slug="health")
    PressReleaseFactory()
    page = head(
        client,
        "/fr/communiques/?utm_source=x&to=2024-12-31&topic=health"
        "&topic=climate&page=1&from=2024-01-01",
    )
    query = "topic=climate&topic=health&from=2024-01-01&to=2024-12-31"
    assert page.canonical() == f"{BASE}/fr/communiques/?{query}"
    assert page.alternates()["en"] == f"{BASE}/en/press-releases/?{query}"


def test_a_release_is_an_article_with_its_image_and_alt_text(client, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    path = tmp_path / "photo.png"
    Image.new("RGB", (40, 30), "blue").save(path)
    release = PressReleaseFactory(image_alt_fr="Des familles devant un centre")
    release.image = SimpleUploadedFile("photo.png", path.read_bytes(), content_type="image/png")
    release.save()
    page = head(client, release.get_absolute_url("fr"))
    assert page.meta["og:type"] == ["article"]
    assert re.match(rf"{BASE}/media/releases/.+\.png$", page.meta["og:image"][0])
    assert page.meta["og:image:alt"] == ["Des familles devant un centre"]
    assert page.meta["og:image:width"] == ["40"]
    assert page.meta["twitter:card"] == ["summary_large_image"]
    assert page.meta["og:title"][0].startswith(release.title_fr)
    assert page.meta["og:description"] == [release.lead_fr]
    assert page.meta["article:published_time"][0].startswith(
        release.published_at.astimezone().strftime("%Y-")
    )


def test_error_pages_carry_no_canonical_address(client):
    html = client.get("/fr/nulle-part/").content.decode()
    assert 'rel="canonical"' not in html
    assert '<meta name="robots" content="noindex">' in html

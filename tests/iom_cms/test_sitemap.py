import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.factories import (
    EventFactory,
    PageFactory,
    PersonFactory,
    PressReleaseFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.find("s:loc", NS).text.removeprefix("http://testserver"): {
            link.get("hreflang"): link.get("href").removeprefix("http://testserver")
            for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_a_release_is_listed_in_each_of_its_languages_with_alternates(client):
    PressReleaseFactory(slug_fr="essai", english=True, slug_en="trial")
    urls = sitemap(client)
    assert urls["/fr/communiques/essai/"] == {
        "fr": "/fr/communiques/essai/",
        "en": "/en/press-releases/trial/",
    }
    assert "/en/press-releases/trial/" in urls
    assert not any(url.startswith("/es/comunicados/") and "essai" in url for url in urls)


def test_drafts_and_embargoed_releases_are_never_listed(client):
    PressReleaseFactory(slug_fr="brouillon", draft=True)
    PressReleaseFactory(
        slug_fr="sous-embargo", published_at=timezone.now() + datetime.timedelta(minutes=1)
    )
    urls = " ".join(sitemap(client))
    assert "brouillon" not in urls and "sous-embargo" not in urls


def test_pages_events_units_and_people_are_listed(client):
    PageFactory(slug_fr="agir")
    PageFactory(slug_fr="cachee", is_published=False)
    EventFactory(slug="idm-2024")
    EventFactory(slug="en-preparation", draft=True)
    UnitFactory(slug="office")
    PersonFactory(slug="amy-pope")
    urls = sitemap(client)
    for url in (
        "/fr/agir/",
        "/fr/evenements/idm-2024/",
        "/fr/qui-sommes-nous/structure/office/",
        "/es/quienes-somos/personas/amy-pope/",
        "/en/events/",
        "/fr/",
    ):
        assert url in urls, url
    assert not any("cachee" in url or "en-preparation" in url for url in urls)


def test_robots_txt_points_to_the_sitemap_and_does_not_name_the_admin(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "admin" not in text

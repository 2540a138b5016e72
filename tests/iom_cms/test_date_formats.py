"""Dates on English pages read as the UN writes them: "23 May 2024" (og:locale en_GB)."""

import datetime

import pytest
from django.utils import formats, translation

from tests.factories import CorrectionFactory, EventFactory, PressReleaseFactory

MAY_23 = datetime.datetime(2024, 5, 23, 10, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "23 May 2024"), ("fr", "23 mai 2024"), ("es", "23 de mayo de 2024")],
)
def test_a_date_reads_day_month_year(language, expected):
    with translation.override(language):
        assert formats.date_format(MAY_23.date()) == expected
        assert formats.date_format(MAY_23, "DATETIME_FORMAT").startswith(expected)


def test_short_english_dates_put_the_day_first_and_name_the_month():
    with translation.override("en"):
        assert formats.date_format(MAY_23.date(), "SHORT_DATE_FORMAT") == "23 May 2024"
        assert formats.date_format(datetime.date(2031, 3, 4), "SHORT_DATE_FORMAT") == "4 Mar 2031"


@pytest.mark.django_db
def test_every_date_on_english_pages_reads_day_month_year(client):
    release = PressReleaseFactory(english=True, published_at=MAY_23)
    CorrectionFactory(release=release, corrected_at=MAY_23 + datetime.timedelta(days=1))
    event = EventFactory(
        english=True,
        start=MAY_23 + datetime.timedelta(days=30),
        end=MAY_23 + datetime.timedelta(days=31),
    )
    pages = {
        "release": release.get_absolute_url("en"),
        "list": "/en/press-releases/?from=2024-05-01",
        "event": event.get_absolute_url("en"),
    }
    html = {name: client.get(address).content.decode() for name, address in pages.items()}
    assert "23 May 2024" in html["release"] and "24 May 2024" in html["release"]
    assert "23 May 2024" in html["list"] and "from 1 May 2024" in html["list"]
    assert "22 June 2024" in html["event"]
    for page in html.values():
        assert "May 23, 2024" not in page and "June 22, 2024" not in page

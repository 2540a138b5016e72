import datetime

import pytest
from django.utils import timezone

from tests.factories import EventFactory, PressReleaseFactory, ProfileFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "mission"),
    [
        ("fr", "L&#x27;OIM promeut une migration humaine et ordonnée."),
        ("en", "IOM promotes humane and orderly migration."),
        ("es", "La OIM promueve una migración humana y ordenada."),
    ],
)
def test_the_home_page_shows_the_mission_and_the_key_figures(client, language, mission):
    ProfileFactory()
    html = client.get(f"/{language}/").content.decode()
    assert mission in html
    assert "<dd>175</dd>" in html and "<dd>171</dd>" in html and "<dd>1951</dd>" in html


def test_the_home_page_lists_the_next_public_events_only(client):
    EventFactory(title_fr="Dialogue à venir")
    EventFactory(title_fr="Réunion en préparation", draft=True)
    EventFactory(
        title_fr="Réunion passée",
        start=timezone.now() - datetime.timedelta(days=30),
    )
    html = client.get("/fr/").content.decode()
    assert "Dialogue à venir" in html
    assert "Réunion en préparation" not in html
    assert "Réunion passée" not in html


def test_the_home_page_without_profile_or_events_still_answers(client):
    html = client.get("/fr/").content.decode()
    assert "Aucun événement à venir n'a encore été annoncé." in html
    assert 'class="key-figures"' not in html


def test_the_home_page_needs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    ProfileFactory()
    EventFactory()
    PressReleaseFactory(topics=[TopicFactory()])
    with django_assert_max_num_queries(100) as baseline:
        client.get("/fr/")
    EventFactory.create_batch(4)
    PressReleaseFactory.create_batch(8, topics=TopicFactory.create_batch(3))
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        assert client.get("/fr/").status_code == 200

"""Which pages an admin change announces (core/admin_mixins.py: `shown_on_public_pages`): a topic,
a home card, a session, a speaker or a post purges lists and its own key, never every page; what
shows on release pages (an office, a contact, a series) or on every page (the menu) still purges
ALL."""

import pytest
from django.urls import reverse

from core.public_pages import ALL, LISTS, key_for
from organisation import services
from tests.core.notices import public_page_notices
from tests.factories import (
    FeatureFactory,
    MediaContactFactory,
    PageFactory,
    PositionFactory,
    SessionFactory,
    SpeakerFactory,
    TopicFactory,
    UnitFactory,
)
from tests.pressroom.admin_forms import form_data

pytestmark = pytest.mark.django_db


def change(client, model, obj, **changes):
    url = reverse(f"admin:{model}_change", args=[obj.pk])
    with public_page_notices() as sent:
        assert client.post(url, form_data(client.get(url), **changes)).status_code == 302
    return sent


def delete(client, model, obj):
    with public_page_notices() as sent:
        response = client.post(reverse(f"admin:{model}_delete", args=[obj.pk]), {"post": "yes"})
    assert response.status_code == 302
    return sent


def test_renaming_a_topic_purges_its_release_pages_and_the_lists_only(admin_client):
    topic = TopicFactory()
    sent = change(admin_client, "pressroom_topic", topic, name_en="Renamed topic")
    assert sent == [{key_for(topic), LISTS}]


def test_deleting_a_topic_purges_its_release_pages_and_the_lists_only(admin_client):
    topic = TopicFactory()
    key = key_for(topic)
    assert delete(admin_client, "pressroom_topic", topic) == [{key, LISTS}]


def test_deleting_selected_topics_purges_each_ones_key(admin_client):
    topics = [TopicFactory(), TopicFactory()]
    data = {"action": "delete_selected", "_selected_action": [t.pk for t in topics], "post": "yes"}
    with public_page_notices() as sent:
        response = admin_client.post(reverse("admin:pressroom_topic_changelist"), data)
    assert response.status_code == 302
    assert sent == [{LISTS, *map(key_for, topics)}]


def test_a_home_card_purges_the_lists_only(admin_client):
    feature = FeatureFactory()
    assert change(admin_client, "pages_feature", feature, heading_en="Read this") == [
        {key_for(feature), LISTS}
    ]


@pytest.mark.parametrize(
    ("factory", "model"),
    [(SessionFactory, "events_session"), (SpeakerFactory, "events_speaker")],
)
def test_an_agenda_deletion_purges_the_lists_only(admin_client, factory, model):
    row = factory()
    key = key_for(row)
    assert delete(admin_client, model, row) == [{key, LISTS}]


def test_moving_a_post_purges_the_lists_only():
    post = PositionFactory()
    with public_page_notices() as sent:
        services.position_shift(position=post, by=1)
    assert sent == [{LISTS}]


@pytest.mark.parametrize(
    ("factory", "model", "changes"),
    [
        # Named on release pages (issued by, contacts), or in the menu of every page.
        (UnitFactory, "organisation_unit", {"name_en": "Renamed office"}),
        (MediaContactFactory, "pressroom_mediacontact", {"name": "Someone else"}),
        (PageFactory, "pages_page", {"title_en": "Renamed page"}),
    ],
)
def test_what_release_pages_or_every_page_show_still_purges_everything(
    admin_client, factory, model, changes
):
    assert change(admin_client, model, factory(), **changes) == [{ALL}]

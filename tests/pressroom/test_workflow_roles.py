import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory, editorial_group
from tests.pressroom.admin_forms import form_data
from tests.pressroom.test_admin import ADD_URL, LIST_URL, release_form

pytestmark = pytest.mark.django_db

LATER = timezone.now() + datetime.timedelta(days=3650)


def change_url(release):
    return reverse("admin:pressroom_pressrelease_change", args=[release.pk])


def permissions(group_name):
    return set(editorial_group(group_name).permissions.values_list("codename", flat=True))


def test_the_migration_makes_writers_who_cannot_publish_and_publishers_who_can():
    writers, publishers = permissions("Writers"), permissions("Publishers")
    assert {
        "add_pressrelease",
        "change_pressrelease",
        "view_pressrelease",
        "add_topic",
        "change_mediacontact",
    } <= writers
    assert "publish_pressrelease" not in writers
    assert "delete_pressrelease" not in writers
    assert publishers == writers | {"publish_pressrelease"}


def test_a_writer_sees_status_read_only_and_a_drafts_time_editable(writer_client):
    draft = PressReleaseFactory(draft=True)
    fields = writer_client.get(change_url(draft)).context["adminform"].form.fields
    assert "status" not in fields
    assert "published_at" in fields


def test_a_writer_cannot_change_the_time_of_a_published_release_in_the_form(writer_client):
    published = PressReleaseFactory()
    fields = writer_client.get(change_url(published)).context["adminform"].form.fields
    assert "status" not in fields and "published_at" not in fields


def test_a_publisher_has_the_status_and_time_fields(publisher_client):
    fields = (
        publisher_client.get(change_url(PressReleaseFactory())).context["adminform"].form.fields
    )
    assert {"status", "published_at"} <= fields.keys()


def test_a_writer_adds_a_draft_even_when_a_crafted_post_says_published(writer_client):
    response = writer_client.post(ADD_URL, release_form(status="published"))
    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert release.status == PressRelease.Status.DRAFT
    assert not PressRelease.objects.published(at=LATER).exists()


def test_a_writer_sets_the_planned_time_of_a_draft_which_stays_a_draft(writer_client):
    draft = PressReleaseFactory(draft=True)
    response = writer_client.get(change_url(draft))
    data = form_data(response, published_at_0="2031-03-02", published_at_1="09:30:00")
    assert writer_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.published_at == datetime.datetime(2031, 3, 2, 8, 30, tzinfo=datetime.UTC)
    assert draft.status == PressRelease.Status.DRAFT


def test_a_writer_cannot_publish_a_draft_through_a_crafted_post(writer_client):
    draft = PressReleaseFactory(draft=True, title_fr="Brouillon")
    data = form_data(writer_client.get(change_url(draft)), status="published", title_fr="Relu")
    assert writer_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.title_fr == "Relu"  # the writer's text is saved…
    assert draft.status == PressRelease.Status.DRAFT  # …but not the status
    assert not PressRelease.objects.published(at=LATER).exists()


def test_a_writer_cannot_unpublish_or_move_a_published_release_through_a_crafted_post(
    writer_client,
):
    release = PressReleaseFactory()
    published_at = release.published_at
    data = form_data(
        writer_client.get(change_url(release)),
        status="draft",
        published_at_0="2040-01-01",
        published_at_1="00:00:00",
    )
    assert writer_client.post(change_url(release), data).status_code == 302
    release.refresh_from_db()
    assert release.status == PressRelease.Status.PUBLISHED
    assert release.published_at == published_at


def test_only_a_publisher_is_offered_the_publish_actions(writer_client, publisher_client):
    PressReleaseFactory(draft=True)
    assert 'value="publish"' not in writer_client.get(LIST_URL).content.decode()
    html = publisher_client.get(LIST_URL).content.decode()
    assert 'value="publish"' in html and 'value="unpublish"' in html


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_a_crafted_publish_action_from_a_writer_changes_nothing(writer_client, action):
    draft, published = PressReleaseFactory(draft=True), PressReleaseFactory()
    writer_client.post(LIST_URL, {"action": action, "_selected_action": [draft.pk, published.pk]})
    assert list(PressRelease.objects.published()) == [published]


def test_a_publisher_publishes_with_the_action_and_it_is_kept_in_the_history(
    publisher_client,
):
    draft = PressReleaseFactory(draft=True)
    response = publisher_client.post(
        LIST_URL, {"action": "publish", "_selected_action": [draft.pk]}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == PressRelease.Status.PUBLISHED
    assert draft.version == 2
    revision = draft.history.first()
    assert revision.status == PressRelease.Status.PUBLISHED
    assert revision.history_user.groups.get().name == "Publishers"
    publisher_client.post(LIST_URL, {"action": "unpublish", "_selected_action": [draft.pk]})
    assert not PressRelease.objects.published().exists()


def test_a_publisher_publishes_through_the_change_form(publisher_client):
    draft = PressReleaseFactory(draft=True)
    data = form_data(publisher_client.get(change_url(draft)), status="published")
    assert publisher_client.post(change_url(draft), data).status_code == 302
    assert list(PressRelease.objects.published()) == [draft]

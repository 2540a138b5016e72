"""Two editors open the same release: the second save must not silently undo the first."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory
from tests.pressroom.admin_forms import form_data
from tests.pressroom.test_admin import LIST_URL

pytestmark = pytest.mark.django_db


# As an editor sets it in the form: to the second (the factory's default has microseconds, which a
# first save through the form would change).
YESTERDAY = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)


def change_url(release):
    return reverse("admin:pressroom_pressrelease_change", args=[release.pk])


def test_the_second_save_is_refused_with_who_when_and_what_and_keeps_the_text(
    publisher_client,
    second_publisher_client,
):
    release = PressReleaseFactory(english=True, title_en="Old title", published_at=YESTERDAY)
    url = change_url(release)
    first = form_data(publisher_client.get(url), title_en="The first editor's title")
    second = form_data(second_publisher_client.get(url), lead_fr="Le chapeau du second.")
    assert publisher_client.post(url, first).status_code == 302

    response = second_publisher_client.post(url, second)

    assert response.status_code == 200
    form = response.context["adminform"].form
    [error] = form.non_field_errors()
    first_editor = release.history.first().history_user.username
    assert first_editor in error
    assert "Titre (EN)" in error  # what they changed, from the history
    assert "Chapeau" not in error  # not what the second editor changed
    assert form["lead_fr"].value() == "Le chapeau du second."  # the second editor's text is kept
    release.refresh_from_db()
    assert release.title_en == "The first editor's title"
    assert release.lead_fr != "Le chapeau du second."


def test_saving_again_after_the_refusal_replaces_the_other_changes(
    publisher_client,
    second_publisher_client,
):
    release = PressReleaseFactory()
    url = change_url(release)
    first = form_data(publisher_client.get(url), title_fr="Premier")
    second = form_data(second_publisher_client.get(url), title_fr="Second")
    publisher_client.post(url, first)
    refused = second_publisher_client.post(url, second)
    again = form_data(refused)  # what the refused page sends back: the current version
    assert second_publisher_client.post(url, again).status_code == 302
    release.refresh_from_db()
    assert release.title_fr == "Second"
    assert release.version == 3


def test_a_publish_action_makes_a_form_opened_before_it_stale(
    publisher_client,
    second_publisher_client,
):
    draft = PressReleaseFactory(draft=True)
    url = change_url(draft)
    opened = form_data(second_publisher_client.get(url))
    publisher_client.post(LIST_URL, {"action": "publish", "_selected_action": [draft.pk]})
    response = second_publisher_client.post(url, opened)
    assert response.status_code == 200
    assert "Statut" in response.context["adminform"].form.non_field_errors()[0]
    assert PressRelease.objects.published().get() == draft  # not unpublished by the old form


def test_a_form_without_its_version_is_refused(publisher_client):
    release = PressReleaseFactory()
    data = form_data(publisher_client.get(change_url(release)), title_fr="Sans version")
    del data["loaded_version"]
    response = publisher_client.post(change_url(release), data)
    assert response.status_code == 200
    [error] = response.context["adminform"].form.non_field_errors()
    assert error.startswith("Quelqu’un d’autre a enregistré ce communiqué")
    release.refresh_from_db()
    assert release.title_fr != "Sans version"

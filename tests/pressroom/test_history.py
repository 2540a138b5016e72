import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pressroom.models import PressRelease
from tests.factories import MediaContactFactory, PressReleaseFactory
from tests.pressroom.admin_forms import form_data

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)


def url(name, *args):
    return reverse(f"admin:pressroom_pressrelease_{name}", args=args)


def edit(client, release, **changes):
    response = client.get(url("change", release.pk))
    return client.post(url("change", release.pk), form_data(response, **changes))


def test_a_revision_keeps_every_language_version():
    release = PressReleaseFactory(english=True, title_en="IOM in English")
    revision = release.history.get()
    assert revision.title_en == "IOM in English"
    assert revision.title_fr == release.title_fr
    assert revision.body_en == release.body_en


def test_every_save_in_the_admin_keeps_a_revision_with_who_and_when(publisher_client):
    release = PressReleaseFactory(published_at=YESTERDAY)
    assert edit(publisher_client, release, title_fr="Nouveau titre").status_code == 302
    latest = release.history.first()
    assert release.history.count() == 2
    assert latest.title_fr == "Nouveau titre"
    assert latest.history_user.groups.get().name == "Publishers"
    assert timezone.now() - latest.history_date < datetime.timedelta(minutes=1)


def test_one_save_is_one_revision_with_the_media_contacts_of_that_save(publisher_client):
    before, after = MediaContactFactory(name="Paul Dillon"), MediaContactFactory()
    release = PressReleaseFactory(published_at=YESTERDAY, contacts=[before])
    count = release.history.count()
    edit(publisher_client, release, contacts=[after.pk])
    assert release.history.count() == count + 1
    latest, previous = release.history.all()[:2]
    assert [row.mediacontact for row in latest.contacts.all()] == [after]
    assert [row.mediacontact for row in previous.contacts.all()] == [before]


def test_the_history_page_shows_who_changed_which_fields(publisher_client):
    release = PressReleaseFactory(published_at=YESTERDAY, english=True)
    edit(publisher_client, release, title_en="A better title")
    response = publisher_client.get(url("history", release.pk))
    html = response.content.decode()
    assert release.history.first().history_user.username in html
    assert "Titre (EN)" in html
    assert 'name="old"' in html and 'name="new"' in html


def test_two_revisions_are_compared_field_by_field_and_by_language(
    publisher_client,
    django_assert_num_queries,
):
    release = PressReleaseFactory(published_at=YESTERDAY, english=True, title_en="Old words here")
    contact = MediaContactFactory(name="Paul Dillon", office_fr="Genève")
    edit(
        publisher_client,
        release,
        title_en="New words here",
        kind="statement",
        contacts=[contact.pk],
    )
    new, old = release.history.first(), release.history.last()
    # The same however many fields changed: two per list of related rows that differs.
    with django_assert_num_queries(14):
        response = publisher_client.get(url("compare", release.pk), {"old": old.pk, "new": new.pk})
    assert response.status_code == 200
    sections = response.context["sections"]
    assert [section["title"] for section in sections] == ["Toutes les langues", "anglais"]
    kind, contacts = sections[0]["rows"]
    assert (kind.label, kind.old, kind.new) == (
        "Type",
        "<del>Communiqué de presse</del>",
        "<ins>Déclaration</ins>",
    )
    assert (contacts.label, contacts.old, contacts.new) == (
        "Contacts presse",
        "",
        "<ins>Paul Dillon (Genève)</ins>",
    )
    [title] = sections[1]["rows"]
    assert title.old == "<del>Old</del> words here"
    assert title.new == "<ins>New</ins> words here"
    # The columns get the page's width: the table's own styles, no side navigation.
    html = response.content.decode()
    assert "css/release-history.css" in html and 'id="nav-sidebar"' not in html


@pytest.mark.parametrize("query", [{}, {"old": "x", "new": "1"}, {"old": "999", "new": "998"}])
def test_comparing_without_two_revisions_of_this_release_says_so(publisher_client, query):
    release = PressReleaseFactory()
    response = publisher_client.get(url("compare", release.pk), query, follow=True)
    assert response.redirect_chain[-1][0] == url("history", release.pk)
    assert "Choisissez" in [str(m) for m in response.context["messages"]][0]


def test_restoring_a_revision_brings_back_the_old_text_and_contacts(publisher_client):
    first, second = MediaContactFactory(), MediaContactFactory()
    release = PressReleaseFactory(
        published_at=YESTERDAY, english=True, title_en="The original", contacts=[first]
    )
    original = release.history.first()
    edit(
        publisher_client,
        release,
        title_en="A rewrite",
        body_en="<p>Rewritten.</p>",
        contacts=[second.pk],
    )
    response = publisher_client.get(url("simple_history", release.pk, original.pk))
    restored = publisher_client.post(
        url("simple_history", release.pk, original.pk), form_data(response)
    )
    assert restored.status_code == 302
    release.refresh_from_db()
    assert release.title_en == "The original"
    assert release.body_en == "<p>The text of the release.</p>"
    assert list(release.contacts.all()) == [first]
    assert release.history.first().title_en == "The original"  # the restore is a new revision


def test_a_writer_restoring_a_published_revision_does_not_publish(
    publisher_client,
    writer_client,
):
    release = PressReleaseFactory(published_at=YESTERDAY, title_fr="Publié")
    publisher_client.post(
        url("changelist"), {"action": "unpublish", "_selected_action": [release.pk]}
    )
    published_revision = release.history.last()
    assert published_revision.status == PressRelease.Status.PUBLISHED
    page = writer_client.get(url("simple_history", release.pk, published_revision.pk))
    data = form_data(page, status="published")
    assert (
        writer_client.post(
            url("simple_history", release.pk, published_revision.pk), data
        ).status_code
        == 302
    )
    release.refresh_from_db()
    assert release.title_fr == "Publié"
    assert release.status == PressRelease.Status.DRAFT
    assert not PressRelease.objects.published().exists()


@pytest.mark.parametrize(
    "address",
    [
        "/admin/pressroom/pressrelease/1x/history/",
        "/admin/pressroom/pressrelease/1/change/history/",
        "/admin/pressroom/pressrelease/{pk}/history/abc/",
    ],
)
def test_a_malformed_history_address_is_not_found_rather_than_an_error(
    publisher_client,
    address,
):
    release = PressReleaseFactory()
    response = publisher_client.get(address.format(pk=release.pk), follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "n’existe pas" in [str(m) for m in response.context["messages"]][0]


def test_a_writer_sees_the_history_of_a_release(writer_client):
    release = PressReleaseFactory()
    response = writer_client.get(url("history", release.pk))
    assert response.status_code == 200
    assert 'name="new"' in response.content.decode()

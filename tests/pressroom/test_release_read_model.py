"""The release page's read model (pressroom/release_pages.py): the public page of a release in its
own language is kept as plain data after its first reader, and never shows what changed since."""

import datetime
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone

from core import public_pages
from pressroom import release_pages, services
from pressroom.models import Correction, PressRelease, ReleasePage
from tests.core.notices import public_page_notices
from tests.factories import (
    EventFactory,
    MediaContactFactory,
    PersonFactory,
    PressReleaseFactory,
    SeriesFactory,
    TopicFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def read_twice(client, url):
    """The page from the ORM (which stores it), then from the read model; both answers."""
    first = client.get(url)
    cache.clear()  # the page cache kept the first answer: ask the view again
    return first, client.get(url)


def page(client, url):
    cache.clear()
    return client.get(url)


@pytest.fixture
def release():
    unit = UnitFactory(name_fr="Bureau de Dakar")
    event = EventFactory(series=SeriesFactory())
    release = PressReleaseFactory(
        title_fr="Des chiffres nouveaux",
        english=True,
        topics=[TopicFactory(name_fr="Voies régulières")],
        contacts=[MediaContactFactory(name="Rahma Soliman")],
        issuing_unit=unit,
        event=event,
    )
    release.quoted_people.set([PersonFactory(name="Amy Pope")])
    return release


def test_the_second_reader_gets_the_same_page_from_the_read_model(client, release):
    url = release.get_absolute_url("fr")
    first, second = read_twice(client, url)
    assert first.status_code == second.status_code == 200
    assert ReleasePage.objects.filter(release=release, language="fr").count() == 1
    assert second.content == first.content
    assert second["xkey"] == first["xkey"]
    for text in ("Des chiffres nouveaux", "Voies régulières", "Rahma Soliman", "Amy Pope"):
        assert text in second.content.decode()


def test_the_page_from_the_read_model_takes_one_query_for_the_release(
    client, release, settings, django_assert_num_queries, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # every request reaches the view; the site's pieces stay kept
    url = release.get_absolute_url("fr")
    client.get(url)
    ReleasePage.objects.all().delete()
    with django_assert_max_num_queries(100) as from_the_orm:
        client.get(url)
    # The stored page (one indexed query) and the related releases (a live query).
    with django_assert_num_queries(2):
        assert client.get(url).status_code == 200
    assert len(from_the_orm.captured_queries) > 2


def test_an_edit_is_shown_at_once(client, release, editor):
    url = release.get_absolute_url("fr")
    read_twice(client, url)
    release.title_fr = "Des chiffres corrigés"
    services.release_save(release=release, user=editor)  # no notice heard: updated_at suffices
    assert "Des chiffres corrigés" in page(client, url).content.decode()


def test_a_renamed_topic_is_shown_at_once(client, release):
    url = release.get_absolute_url("fr")
    read_twice(client, url)
    topic = release.topics.get()
    with public_page_notices():
        topic.name_fr = "Migration régulière"
        topic.save()
        public_pages.changed()  # as the admin does (core/admin_mixins.py)
    html = page(client, url).content.decode()
    assert "Migration régulière" in html
    assert "Voies régulières" not in html


def test_a_renamed_office_is_shown_at_once(client, release):
    url = release.get_absolute_url("fr")
    read_twice(client, url)
    with public_page_notices():
        release.issuing_unit.name_fr = "Bureau régional de Dakar"
        release.issuing_unit.save()
        public_pages.changed()
    assert "Bureau régional de Dakar" in page(client, url).content.decode()


def test_a_correction_is_shown_at_once(client, release):
    url = release.get_absolute_url("fr")
    read_twice(client, url)
    services.correction_save(
        correction=Correction(release=release, text_fr="Il fallait lire 1 200.", text_en="1,200.")
    )
    assert "Il fallait lire 1 200." in page(client, url).content.decode()


def test_an_unpublished_release_is_gone_at_once(client, release, editor):
    url = release.get_absolute_url("fr")
    read_twice(client, url)
    services.release_set_status(
        releases=PressRelease.objects.filter(pk=release.pk),
        status=PressRelease.Status.DRAFT,
        user=editor,
    )
    assert page(client, url).status_code == 404


def test_a_deleted_release_is_gone_with_its_page(client, release):
    url = release.get_absolute_url("fr")
    read_twice(client, url)
    release.delete()
    assert not ReleasePage.objects.exists()
    assert page(client, url).status_code == 404


def test_an_embargoed_release_is_shown_from_its_second_and_not_before(client, clock):
    at = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    release = PressReleaseFactory(published_at=at)
    url = release.get_absolute_url("fr")
    clock(at - datetime.timedelta(seconds=1))
    assert page(client, url).status_code == 404
    assert not ReleasePage.objects.exists()
    clock(at)
    assert page(client, url).status_code == 200
    assert page(client, url).status_code == 200  # from the read model


def test_a_stored_page_is_never_read_before_the_release_is_public(client, release):
    """Even when the release's time moves without `updated_at` (a bulk update): the read applies
    the same rule as published()."""
    url = release.get_absolute_url("fr")
    read_twice(client, url)
    later = timezone.now() + datetime.timedelta(days=1)
    PressRelease.objects.filter(pk=release.pk).update(published_at=later)
    assert release_pages.read("fr", release.slug_fr) is None
    assert page(client, url).status_code == 404


def test_a_page_built_before_a_change_and_stored_after_its_notice_is_never_shown(release):
    """A slow first reader: read before the notice, stored after it."""
    with public_page_notices():
        generation = release_pages.generation()
        data = release_pages.build(release, "fr")
        public_pages.changed()  # a rename elsewhere, heard when the block ends
    release_pages.store(release, "fr", data, generation)
    assert release_pages.read("fr", release.slug_fr) is None


def test_a_page_shown_in_another_language_is_kept_unchanged(client):
    release = PressReleaseFactory(title_fr="Seulement en français")
    url = release.get_absolute_url("es")
    first, second = read_twice(client, url)
    assert second.content == first.content
    assert "Seulement en français" in second.content.decode()
    assert ReleasePage.objects.filter(language="es", slug=release.slug_fr).exists()


def test_a_later_release_with_the_slug_takes_the_fallback_address(client):
    """/es/…/x/ of a French-only release shows it; once a later release has `x` as its English
    slug, the address leads to that one (as the ORM's lookup chooses), not to the stored page."""
    release = PressReleaseFactory(title_fr="Le premier")
    url = release.get_absolute_url("es")
    read_twice(client, url)
    second = PressReleaseFactory(
        title_fr="Le second", slug_fr="autre", english=True, slug_en=release.slug_fr
    )
    response = page(client, url)
    assert response.status_code == 301
    assert response["Location"] == second.get_absolute_url("es")


def test_a_release_with_the_slug_in_the_readers_language_takes_the_address(client):
    release = PressReleaseFactory(title_fr="Le premier")
    url = release.get_absolute_url("es")
    read_twice(client, url)
    PressReleaseFactory(
        slug_fr="autre",
        spanish=True,
        title_es="El segundo",
        slug_es=release.slug_fr,
        published_at=timezone.now() - datetime.timedelta(days=30),  # older: its slug wins
    )
    assert "El segundo" in page(client, url).content.decode()


def test_the_address_in_another_language_still_redirects(client, release):
    read_twice(client, release.get_absolute_url("fr"))
    response = page(client, f"/en/press-releases/{release.slug_fr}/")
    assert response.status_code == 301
    assert response["Location"] == release.get_absolute_url("en")


def test_previews_are_never_stored(editor_client):
    draft = PressReleaseFactory(draft=True)
    assert editor_client.get(draft.get_absolute_url("fr")).status_code == 200
    assert not ReleasePage.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_first_readers_at_once_all_get_the_page(release):
    url = release.get_absolute_url("fr")
    readers = 6
    start = threading.Barrier(readers)
    answers = []

    def read():
        try:
            start.wait()
            answers.append(Client().get(url).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * readers
    assert ReleasePage.objects.filter(language="fr", slug=release.slug_fr).count() == 1


@pytest.mark.django_db(transaction=True)  # the worker uses the database as in production
def test_a_site_wide_change_leaves_the_old_rows_to_the_task_queue(client, release):
    """The request that made the change only raises the generation: the old rows are never read
    again, and the worker deletes them."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    url = release.get_absolute_url("fr")
    read_twice(client, url)
    public_pages.changed()  # outside a transaction: the notice goes out at once
    assert ReleasePage.objects.count() == 1  # still there, of an older generation
    assert DBTaskResult.objects.filter(
        task_path="pressroom.release_pages.prune_older_generations"
    ).exists()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert not ReleasePage.objects.exists()
    assert page(client, url).status_code == 200  # made again, and stored again
    assert ReleasePage.objects.count() == 1

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from pressroom.models import PressRelease, Topic
from tests.factories import MediaContactFactory, PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/pressroom/pressrelease/add/"
LIST_URL = "/admin/pressroom/pressrelease/"


def release_form(**overrides):
    """The POST data of the release form, with French and English versions."""
    data = {
        "title_fr": "L'OIM accueille le Dialogue international sur la migration",
        "slug_fr": "oim-accueille-dialogue",
        "lead_fr": "Le Dialogue s'est tenu à New York.",
        "dateline_fr": "New York",
        "body_fr": "<p>Pendant deux jours…</p>",
        "title_en": "IOM hosts the International Dialogue on Migration",
        "slug_en": "iom-hosts-dialogue",
        "lead_en": "The Dialogue took place in New York.",
        "dateline_en": "New York",
        "body_en": "<p>For two days…</p>",
        "title_es": "",
        "slug_es": "",
        "lead_es": "",
        "dateline_es": "",
        "body_es": "",
        "image_caption_fr": "",
        "image_caption_en": "",
        "image_caption_es": "",
        "image_alt_fr": "",
        "image_alt_en": "",
        "image_alt_es": "",
        "note_to_editors_fr": "",
        "note_to_editors_en": "",
        "note_to_editors_es": "",
        "kind": "press-release",
        "status": "published",
        "published_at_0": "2024-05-23",
        "published_at_1": "10:00:00",
        "original_language": "fr",
        "image_credit": "",
    }
    data.update(overrides)
    return data


def test_an_editor_adds_a_release_in_french_and_english(editor_client):
    topic = TopicFactory(slug="regular-pathways")
    contact = MediaContactFactory()
    response = editor_client.post(ADD_URL, release_form(topics=[topic.pk], contacts=[contact.pk]))
    assert response.status_code == 302, response.context["adminform"].form.errors
    release = PressRelease.objects.get()
    assert release.languages == ["fr", "en"]
    assert release.title_en == "IOM hosts the International Dialogue on Migration"
    assert list(release.topics.all()) == [topic]
    assert list(release.contacts.all()) == [contact]
    # Entered in Geneva time: 10:00 in May is 08:00 UTC.
    assert release.published_at == datetime.datetime(2024, 5, 23, 8, 0, tzinfo=datetime.UTC)
    assert release.is_published()


def test_an_editor_changes_a_release_and_its_spanish_version(editor_client):
    release = PressReleaseFactory()
    url = reverse("admin:pressroom_pressrelease_change", args=[release.pk])
    assert editor_client.get(url).status_code == 200
    data = release_form(
        title_fr=release.title_fr,
        slug_fr=release.slug_fr,
        title_en="",
        slug_en="",
        lead_en="",
        dateline_en="",
        body_en="",
        title_es="La OIM acoge el Diálogo",
        slug_es="la-oim-acoge",
        lead_es="Entradilla.",
        dateline_es="Nueva York",
        body_es="<p>Durante dos días…</p>",
        loaded_version=release.version,  # the version the form was opened on
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.languages == ["fr", "es"]
    assert release.dateline_es == "Nueva York"


def test_the_body_is_sanitised_by_the_admin_form_in_every_language(editor_client):
    evil = '<p onclick="x()">Texte</p><script>alert(1)</script><a href="javascript:x()">a</a>'
    response = editor_client.post(ADD_URL, release_form(body_fr=evil, body_en=evil))
    assert response.status_code == 302
    release = PressRelease.objects.get()
    for body in (release.body_fr, release.body_en):
        assert "script" not in body and "onclick" not in body and "javascript" not in body


def test_a_half_translated_version_is_a_form_error_and_nothing_is_saved(editor_client):
    response = editor_client.post(ADD_URL, release_form(lead_en="", body_en=""))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert {"lead_en", "body_en"} <= errors.keys()
    assert not PressRelease.objects.exists()


def test_a_duplicate_slug_is_a_form_error(editor_client):
    PressReleaseFactory(slug_fr="oim-accueille-dialogue")
    response = editor_client.post(ADD_URL, release_form())
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["slug_fr"] == ["Un autre communiqué utilise déjà cet identifiant d'URL."]


def test_the_changelist_shows_languages_and_state(editor_client):
    PressReleaseFactory(english=True, title_fr="Bilingue")
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    PressReleaseFactory(title_fr="Programmé", published_at=tomorrow)
    html = editor_client.get(LIST_URL).content.decode()
    assert "FR EN" in html
    assert "Programmé" in html


def test_the_changelist_searches_every_language(editor_client):
    PressReleaseFactory(spanish=True, title_es="Cambio climático y movilidad")
    PressReleaseFactory(title_fr="Autre chose")
    response = editor_client.get(LIST_URL, {"q": "climático"})
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize(("language", "count"), [("en", 1), ("es", 0), ("fr", 2)])
def test_the_changelist_filters_by_language_available(editor_client, language, count):
    PressReleaseFactory(english=True)
    PressReleaseFactory()
    response = editor_client.get(LIST_URL, {"language": language})
    assert response.context["cl"].result_count == count


def test_the_changelist_filters_by_topic(editor_client):
    topic = TopicFactory(slug="health")
    PressReleaseFactory(topics=[topic])
    PressReleaseFactory()
    response = editor_client.get(LIST_URL, {"topic": "health"})
    assert response.context["cl"].result_count == 1


def test_publish_and_unpublish_actions(editor_client):
    drafts = PressReleaseFactory.create_batch(2, draft=True)
    editor_client.post(LIST_URL, {"action": "publish", "_selected_action": [r.pk for r in drafts]})
    assert PressRelease.objects.published().count() == 2
    editor_client.post(LIST_URL, {"action": "unpublish", "_selected_action": [drafts[0].pk]})
    assert PressRelease.objects.published().count() == 1


def test_the_publish_action_updates_the_last_changed_time(editor_client):
    draft = PressReleaseFactory(draft=True)
    PressRelease.objects.filter(pk=draft.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=3)
    )
    editor_client.post(LIST_URL, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert timezone.now() - draft.updated_at < datetime.timedelta(minutes=1)


def test_topic_autocomplete_finds_topics_by_their_translated_name(editor_client):
    TopicFactory(slug="climate", name_fr="Climat", name_en="Climate", name_es="Clima")
    TopicFactory(slug="health", name_fr="Santé", name_en="Health", name_es="Salud")
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "pressroom",
            "model_name": "pressrelease",
            "field_name": "topics",
            "term": "clim",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Climat"]


def test_an_overlong_topic_name_is_a_form_error(editor_client):
    response = editor_client.post(
        "/admin/pressroom/topic/add/",
        {"name_fr": "x" * 101, "name_en": "Long", "name_es": "Largo", "slug": "long"},
    )
    assert response.status_code == 200
    assert "name_fr" in response.context["adminform"].form.errors
    assert not Topic.objects.exists()


def test_a_topic_differing_only_by_case_is_a_form_error(editor_client):
    TopicFactory(name_fr="Climat")
    response = editor_client.post(
        "/admin/pressroom/topic/add/",
        {
            "name_fr": "CLIMAT",
            "name_en": "Climate again",
            "name_es": "Clima otra vez",
            "slug": "climat-bis",
        },
    )
    assert response.status_code == 200
    errors = str(response.context["adminform"].form.errors)
    assert "Un thème portant ce nom existe déjà." in errors


def test_the_image_thumbnail_and_view_on_site_are_in_the_change_form(editor_client):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "blue").save(buffer, "JPEG")
    from django.core.files.uploadedfile import SimpleUploadedFile

    release = PressReleaseFactory(
        image=SimpleUploadedFile("photo.jpg", buffer.getvalue(), "image/jpeg"),
        image_alt_fr="Une photo bleue",
    )
    html = editor_client.get(
        reverse("admin:pressroom_pressrelease_change", args=[release.pk])
    ).content.decode()
    assert f'<img src="{release.image.url}"' in html
    assert "/admin/r/" in html  # "View on site"


def test_the_admin_loads_jquery_ui_from_our_own_static_files(editor_client):
    html = editor_client.get(ADD_URL).content.decode()
    assert "/static/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html and "//cdn" not in html


def test_an_image_without_alt_text_is_a_form_error(editor_client):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "blue").save(buffer, "PNG")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("photo.png", buffer.getvalue(), "image/png")
    response = editor_client.post(ADD_URL, release_form(image=upload))
    assert response.status_code == 200
    assert "image_alt_fr" in response.context["adminform"].form.errors

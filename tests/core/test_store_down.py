"""The file store down while an editor saves a file (core/admin_mixins.py: KeepsUploads): the form
comes back refused, with an error in the editor's language, and nothing is saved; never a 500.
Against moto's S3 server on loopback (tests/s3.py), stopped."""

import socket
import time

import pytest
from botocore.config import Config

from core import uploads
from iom_cms.settings import object_storage
from pressroom.models import PressRelease
from tests.core.test_held_uploads import jpeg
from tests.factories import PressReleaseFactory
from tests.pressroom.admin_forms import form_data
from tests.pressroom.test_admin import ADD_URL, release_form
from tests.s3 import S3Server

pytestmark = pytest.mark.django_db

MESSAGES = {
    "en": "The file store could not be reached, so nothing was saved.",
    "fr": "Le stockage des fichiers est injoignable : rien n’a été enregistré.",
    "es": "No se pudo acceder al almacenamiento de archivos: no se ha guardado nada.",
}


@pytest.fixture
def store_down(settings):
    """Uploads configured for a bucket on a store that has just stopped."""
    server = S3Server().start()
    try:
        environment = server.environment(server.new_bucket())
    finally:
        server.stop()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_storage(lambda name, default: environment.get(name, default)),
    }
    # One attempt: botocore's retries of a refused connection would only make the test wait.
    settings.STORAGES["default"]["OPTIONS"]["client_config"] = Config(
        retries={"total_max_attempts": 1}
    )
    return server


def refused_with(response, language):
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [error[: len(MESSAGES[language])] for error in form.non_field_errors()] == [
        MESSAGES[language]
    ]
    assert MESSAGES[language] in response.content.decode()


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_adding_a_release_with_an_image_is_refused_in_the_editors_language(
    editor_client, store_down, language
):
    form = release_form(image=jpeg(), image_alt_fr="Un abri", image_alt_en="A shelter")
    response = editor_client.post(ADD_URL, form, headers={"accept-language": language})
    refused_with(response, language)
    assert not PressRelease.objects.exists()


def test_a_change_with_a_new_image_writes_nothing_to_the_row(editor_client, store_down):
    release = PressReleaseFactory(english=True, title_en="Before")
    url = f"/admin/pressroom/pressrelease/{release.pk}/change/"
    data = form_data(
        editor_client.get(url, headers={"accept-language": "en"}),
        title_en="After",
        image=jpeg(),
        image_alt_fr="Un abri",
        image_alt_en="A shelter",
    )
    refused_with(editor_client.post(url, data, headers={"accept-language": "en"}), "en")
    release.refresh_from_db()
    assert (release.title_en, release.image.name) == ("Before", "")
    assert release.history.count() == 1  # no revision recorded either


def test_a_save_without_a_file_does_not_need_the_store(editor_client, store_down):
    release = PressReleaseFactory(english=True, title_en="Before")
    url = f"/admin/pressroom/pressrelease/{release.pk}/change/"
    data = form_data(editor_client.get(url), title_en="After")
    assert editor_client.post(url, data).status_code == 302
    release.refresh_from_db()
    assert release.title_en == "After"


@pytest.fixture
def store_hangs(settings):
    """Uploads configured for a store that accepts connections and never answers (a store under
    a network fault): the deployment's own timeouts (AWS_S3_TIMEOUT), here 1 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    environment = {
        "AWS_STORAGE_BUCKET_NAME": "media",
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "key",
        "AWS_SECRET_ACCESS_KEY": "secret",
        "AWS_S3_TIMEOUT": "1",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_storage(lambda name, default: environment.get(name, default)),
    }
    yield
    listener.close()


def test_a_store_that_never_answers_refuses_the_form_within_its_timeouts(
    editor_client, store_hangs
):
    """Two attempts of 1 s each, not botocore's defaults (60 s, five attempts: longer than any
    worker's timeout, so the editor would get a 502 and no message)."""
    form = release_form(image=jpeg(), image_alt_fr="Un abri", image_alt_en="A shelter")
    started = time.monotonic()
    response = editor_client.post(ADD_URL, form, headers={"accept-language": "en"})
    assert time.monotonic() - started < 15
    refused_with(response, "en")
    assert not PressRelease.objects.exists()


def test_a_file_left_by_a_save_the_store_failed_is_logged_for_prune_media(store_down, caplog):
    """The store went down between a file and the next: the file cannot be deleted at the end of
    the request either; that is logged, and the editor still gets the form back."""
    with uploads.tracking():
        uploads.written("releases/0123456789abcdef0123456789abcdef.jpg")
    assert "orphan upload left for `manage.py prune_media`" in caplog.text

"""Uploads on object storage (core/object_storage.py), against a real S3 API on loopback (moto's
server, tests/s3.py): stored in the bucket with their renditions, and private until public through
the same check as on the local disk (core/media.py), which answers an allowed request with a
redirect to a short-lived presigned URL."""

import datetime
import io
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from core import media
from core.object_storage import PrivateS3Storage
from pressroom.models import PressRelease
from pressroom.services import release_set_status
from tests.core.test_held_uploads import held_token, refused
from tests.pressroom.test_admin import ADD_URL, release_form

pytestmark = pytest.mark.django_db


def jpeg(name="IMG_1234.jpg", width=2000, height=1000):
    from django.core.files.uploadedfile import SimpleUploadedFile

    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def upload(client, when):
    """A release with an image, added through the admin, published at `when`."""
    response = client.post(
        ADD_URL,
        release_form(
            image=jpeg(),
            image_alt_fr="Un abri",
            image_alt_en="A shelter",
            published_at_0=when.strftime("%Y-%m-%d"),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    return PressRelease.objects.get(slug_fr="oim-accueille-dialogue")


def files_of(release):
    return [release.image.name] + [
        getattr(release, f"image_{width}").name for width in (480, 960, 1600)
    ]


def download(url):
    """(status, headers, body) of a GET straight to the store, as a browser follows a redirect."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def stored_bytes(s3_server, bucket, name):
    return s3_server.client().get_object(Bucket=bucket, Key=name)["Body"].read()


@pytest.fixture
def past():
    return timezone.localtime() - datetime.timedelta(days=1)


@pytest.fixture
def future():
    return timezone.localtime() + datetime.timedelta(days=1)


def test_an_upload_and_its_renditions_are_written_to_the_bucket(
    editor_client, bucket, s3_server, past, settings
):
    release = upload(editor_client, past)
    names = files_of(release)
    assert re.fullmatch(r"releases/[0-9a-f]{32}\.jpg", names[0])
    assert len(set(names)) == 4
    assert s3_server.keys(bucket) == sorted(names)
    assert all(name.startswith(f"renditions/{names[0]}/") for name in names[1:])
    # Nothing on the local disk.
    assert not any((Path(settings.MEDIA_ROOT) / name).exists() for name in names)
    # Never public-read: no object carries a grant to everyone, the bucket has no policy.
    client = s3_server.client()
    for name in names:
        grants = client.get_object_acl(Bucket=bucket, Key=name)["Grants"]
        assert not [g for g in grants if "AllUsers" in g["Grantee"].get("URI", "")], grants
    with pytest.raises(client.exceptions.ClientError):
        client.get_bucket_policy(Bucket=bucket)


def test_pages_name_uploads_by_the_site_address_never_the_bucket(
    client, editor_client, bucket, s3_server, past
):
    release = upload(editor_client, past)
    assert default_storage.url(release.image.name) == f"/media/{release.image.name}"
    client.logout()
    html = client.get(release.get_absolute_url()).content.decode()
    assert f"/media/{release.image_960.name}" in html
    assert s3_server.url not in html and bucket not in html


def test_an_embargoed_image_is_refused_to_the_public_and_redirected_for_staff(
    client, editor, bucket, s3_server, future
):
    client.force_login(editor)
    release = upload(client, future)
    names = files_of(release)
    for name in names:
        response = client.get(f"/media/{name}")
        assert response.status_code == 302
        assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
        location = response["Location"]
        assert location.startswith(f"{s3_server.url}/{bucket}/{name}?")
        assert "X-Amz-Signature=" in location
        assert f"X-Amz-Expires={media.PRESIGNED_SECONDS}" in location
        status, headers, body = download(location)
        assert status == 200
        assert body == stored_bytes(s3_server, bucket, name)
        assert headers["Content-Type"] == media.content_type(name)
        assert headers["Cache-Control"] == "private, no-store"
        # Without the signature the store refuses it: the bucket is not public.
        assert download(f"{s3_server.url}/{bucket}/{name}")[0] == 403
    client.logout()
    for name in names:
        assert client.get(f"/media/{name}").status_code == 404


def test_published_it_is_served_to_anyone_and_unpublished_refused_again(
    client, editor, publisher, bucket, s3_server, future, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    release = upload(client, future)
    names = files_of(release)
    client.logout()
    assert {client.get(f"/media/{name}").status_code for name in names} == {404}

    # The embargo ends (no save, no cron): served to anyone, cacheable as the page, but never
    # longer than the presigned URL lives.
    PressRelease.objects.filter(pk=release.pk).update(
        published_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    for name in names:
        response = client.get(f"/media/{name}")
        assert response.status_code == 302
        cache_control = dict(
            (part.split("=") + [""])[:2] for part in response["Cache-Control"].split(", ")
        )
        assert "public" in cache_control
        assert 0 < int(cache_control["s-maxage"]) <= media.REDIRECT_CACHE_SECONDS
        assert int(cache_control["max-age"]) <= media.REDIRECT_CACHE_SECONDS
        assert media.REDIRECT_CACHE_SECONDS < media.PRESIGNED_SECONDS
        assert response["xkey"] == f"all pressroom.pressrelease-{release.pk}"
        status, _headers, body = download(response["Location"])
        assert status == 200 and body == stored_bytes(s3_server, bucket, name)

    with django_capture_on_commit_callbacks(execute=True):
        release_set_status(
            releases=PressRelease.objects.filter(pk=release.pk), status="draft", user=publisher
        )
    assert {client.get(f"/media/{name}").status_code for name in names} == {404}


def test_a_download_keeps_its_original_name(editor_client, bucket, past):
    release = upload(editor_client, past)
    response = editor_client.get(f"/media/{release.image.name}?download")
    status, headers, _body = download(response["Location"])
    assert status == 200
    assert headers["Content-Disposition"] == 'attachment; filename="IMG_1234.jpg"'


def test_a_replaced_image_leaves_the_bucket_with_its_renditions(
    editor_client, bucket, s3_server, past, django_capture_on_commit_callbacks
):
    release = upload(editor_client, past)
    old = files_of(release)
    with django_capture_on_commit_callbacks(execute=True):
        release.image = jpeg("other.jpg", 1200, 800)
        release.save()
    release.refresh_from_db()
    assert s3_server.keys(bucket) == sorted(files_of(release))
    assert not set(old) & set(s3_server.keys(bucket))


def test_a_refused_form_holds_the_upload_in_the_bucket(editor_client, bucket, s3_server):
    token = held_token(refused(editor_client))
    assert token
    held = s3_server.keys(bucket, "held/")
    assert len(held) == 1
    response = editor_client.get(f"/admin/held-upload/{token}/")
    assert response.status_code == 302 and "no-store" in response["Cache-Control"]
    status, _headers, body = download(response["Location"])
    assert status == 200 and body == stored_bytes(s3_server, bucket, held[0])


def test_prune_media_lists_and_removes_orphans_through_the_storage_api(
    editor_client, bucket, s3_server, past
):
    release = upload(editor_client, past)
    client = s3_server.client()
    orphans = ["releases/old-photo.jpg", "renditions/releases/gone.jpg/0123.webp"]
    for name in orphans:
        client.put_object(Bucket=bucket, Key=name, Body=b"x")
    out = io.StringIO()
    call_command("prune_media", stdout=out)
    assert out.getvalue().splitlines()[:-1] == sorted(orphans)
    assert set(orphans) <= set(s3_server.keys(bucket))
    call_command("prune_media", "--delete", stdout=io.StringIO())
    assert s3_server.keys(bucket) == sorted(files_of(release))


def test_urls_are_signed_for_the_address_browsers_reach_the_store_at(s3_server):
    """In docker-compose the nodes reach MinIO as http://minio:9000, browsers as localhost."""
    from iom_cms.settings import object_storage

    environment = {
        **s3_server.environment("media"),
        "AWS_S3_PUBLIC_ENDPOINT_URL": "http://localhost:9000",
    }
    options = object_storage(lambda name, default: environment.get(name, default))["OPTIONS"]
    storage = PrivateS3Storage(**options)
    url = storage.signed_url("releases/a.jpg", seconds=60, parameters={})
    assert url.startswith("http://localhost:9000/media/releases/a.jpg?")
    assert storage.url("releases/a.jpg") == "/media/releases/a.jpg"


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    from iom_cms.settings import object_storage

    assert object_storage(lambda name, default: default) is None


def test_create_media_bucket_makes_it_once(s3_server, settings):
    from iom_cms.settings import object_storage

    environment = s3_server.environment("fresh-bucket")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_storage(lambda name, default: environment.get(name, default)),
    }
    out = io.StringIO()
    call_command("create_media_bucket", stdout=out)
    call_command("create_media_bucket", stdout=out)
    assert out.getvalue().splitlines() == [
        "Created the bucket fresh-bucket.",
        "The bucket fresh-bucket exists.",
    ]
    default_storage.save("releases/a.jpg", io.BytesIO(b"x"))
    assert s3_server.keys("fresh-bucket") == ["releases/a.jpg"]
    s3_server.client().delete_object(Bucket="fresh-bucket", Key="releases/a.jpg")
    s3_server.client().delete_bucket(Bucket="fresh-bucket")


def test_create_media_bucket_has_nothing_to_do_on_the_local_disk():
    out = io.StringIO()
    call_command("create_media_bucket", stdout=out)
    assert "local disk" in out.getvalue()

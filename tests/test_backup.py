"""A backup restores: scripts/backup.sh, then scripts/restore.sh into a fresh database, and every
row (releases, translations, image paths) and every upload is there as it was, from a folder or
from a bucket (every object byte for byte, with its Content-Type).

Runs on the throwaway PostgreSQL of `make test`; on SQLite it is skipped, and with CI=true that
is a failure, as for the browser tests.
"""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image

from pressroom.models import PressRelease
from tests.factories import MediaContactFactory, PressReleaseFactory, TopicFactory

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = "/usr/lib/postgresql/15/bin"


def pg_tool(name):
    found = Path(PG_BIN, name) if Path(PG_BIN, name).exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found (Debian: apt-get install postgresql-client-15)")
    return str(found)


@pytest.fixture
def on_postgresql():
    if connection.vendor != "postgresql":
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the backup test on PostgreSQL")
        pytest.skip("the backup routine is for PostgreSQL (make test runs one)")


def url_for(database):
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgresql://{s['USER']}{password}@{s['HOST']}:{s['PORT']}/{database}"


def image(colour):
    out = io.BytesIO()
    Image.new("RGB", (16, 9), colour).save(out, "JPEG")
    return SimpleUploadedFile(f"{colour}.jpg", out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def content():
    health = TopicFactory(slug="health", name_fr="Santé", name_en="Health", name_es="Salud")
    contact = MediaContactFactory(name="Rahma Soliman")
    releases = [
        PressReleaseFactory(
            english=True,
            spanish=True,
            topics=[health],
            contacts=[contact],
            title_fr=f"Communiqué {n} – « déplacés »",
            title_es=f"Comunicado {n} – «desplazados»",
            image=image(colour),
            image_alt_fr="Des familles",
            image_alt_en="Families",
            image_alt_es="Familias",
            image_caption_en="A camp in Cox's Bazar",
        )
        for n, colour in enumerate(["red", "green", "blue"])
    ]
    releases.append(PressReleaseFactory(draft=True, title_fr="Brouillon sous embargo"))
    return releases


@pytest.fixture
def fresh_database(on_postgresql):
    name = "restored_backup_test"
    with psycopg.connect(url_for("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(url_for("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def every_row(database):
    """{table: sorted rows as JSON} for every table of the database."""
    with psycopg.connect(url_for(database)) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: sorted(
                row[0]
                for row in db.execute(
                    f'SELECT row_to_json(t)::text FROM "{table}" t'  # noqa: S608 - catalogue names
                )
            )
            for table in tables
        }


def run(script, *arguments, **environment):
    result = subprocess.run(
        [str(ROOT / "scripts" / script), *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_release_translation_and_image(
    content, fresh_database, settings, tmp_path
):
    folder = run(
        "backup.sh",
        str(tmp_path / "backups"),
        DATABASE_URL=url_for(connection.settings_dict["NAME"]),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PG_DUMP=pg_tool("pg_dump"),
    )
    assert sorted(os.listdir(folder)) == ["SHA256SUMS", "db.dump", "media.tar.gz"]

    restored_media = tmp_path / "restored-media"
    run(
        "restore.sh",
        folder,
        DATABASE_URL=url_for(fresh_database),
        MEDIA_ROOT=str(restored_media),
        PG_RESTORE=pg_tool("pg_restore"),
    )

    original, restored = every_row(connection.settings_dict["NAME"]), every_row(fresh_database)
    assert restored == original
    assert len(restored["pressroom_pressrelease"]) == 4

    # Read back through a second connection: the translations and image paths, one by one.
    with psycopg.connect(url_for(fresh_database)) as db:
        rows = {
            row[0]: row[1:]
            for row in db.execute(
                "SELECT id, title_fr, title_en, title_es, image, image_alt_es, image_caption_en "
                "FROM pressroom_pressrelease"
            )
        }
    for release in PressRelease.objects.all():
        assert rows[release.pk] == (
            release.title_fr,
            release.title_en,
            release.title_es,
            release.image.name,
            release.image_alt_es,
            release.image_caption_en,
        )
        if release.image:
            copy = restored_media / release.image.name
            assert copy.read_bytes() == Path(release.image.path).read_bytes()


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_before_anything_is_restored(
    content, fresh_database, settings, tmp_path
):
    folder = run(
        "backup.sh",
        str(tmp_path / "backups"),
        DATABASE_URL=url_for(connection.settings_dict["NAME"]),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PG_DUMP=pg_tool("pg_dump"),
    )
    with open(Path(folder) / "db.dump", "r+b") as dump:
        dump.seek(200)
        dump.write(b"\x00garbage\x00")
    result = subprocess.run(
        [str(ROOT / "scripts" / "restore.sh"), folder],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DATABASE_URL": url_for(fresh_database),
            "MEDIA_ROOT": str(tmp_path / "m"),
            "PG_RESTORE": pg_tool("pg_restore"),
        },
        timeout=60,
    )
    assert result.returncode != 0
    assert every_row(fresh_database) == {}


# --- uploads on object storage: the bucket's objects (scripts/media_bucket.py), against moto's
# S3 server on loopback (tests/s3.py) ------------------------------------------------------------


def objects(s3_server, bucket):
    """{key: (bytes, Content-Type)} of every object in the bucket."""
    client = s3_server.client()
    found = {}
    for key in s3_server.keys(bucket):
        answer = client.get_object(Bucket=bucket, Key=key)
        found[key] = (answer["Body"].read(), answer["ContentType"])
    return found


def empty(s3_server, bucket):
    client = s3_server.client()
    for key in s3_server.keys(bucket):
        client.delete_object(Bucket=bucket, Key=key)


def environment(s3_server, bucket, database):
    return {
        **s3_server.environment(bucket),
        "DATABASE_URL": url_for(database),
        "MEDIA_ROOT": "",  # every upload is in the bucket
        "PYTHON": sys.executable,
        "PG_DUMP": pg_tool("pg_dump"),
        "PG_RESTORE": pg_tool("pg_restore"),
    }


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_object_of_the_bucket(
    on_postgresql, fresh_database, bucket, s3_server, tmp_path
):
    for colour in ("red", "green"):
        PressReleaseFactory(image=image(colour), image_alt_fr="Des familles")
    s3_server.client().put_object(
        Bucket=bucket, Key="documents/notes.pdf", Body=b"%PDF-1.4 x", ContentType="application/pdf"
    )
    before = objects(s3_server, bucket)
    assert len(before) >= 3 and any(key.startswith("releases/") for key in before)

    database = connection.settings_dict["NAME"]
    folder = run("backup.sh", str(tmp_path / "backups"), **environment(s3_server, bucket, database))
    assert sorted(p.name for p in (tmp_path / "backups").glob("*/*")) == [
        "SHA256SUMS",
        "db.dump",
        "media-bucket.tar.gz",
    ]
    empty(s3_server, bucket)
    assert objects(s3_server, bucket) == {}

    run("restore.sh", folder, **environment(s3_server, bucket, fresh_database))
    assert objects(s3_server, bucket) == before


@pytest.mark.django_db(transaction=True)
def test_a_bucket_backup_is_not_restored_without_a_bucket_to_go_to(
    on_postgresql, fresh_database, bucket, s3_server, tmp_path
):
    PressReleaseFactory(image=image("blue"), image_alt_fr="Des familles")
    database = connection.settings_dict["NAME"]
    folder = run("backup.sh", str(tmp_path / "backups"), **environment(s3_server, bucket, database))
    result = subprocess.run(
        [str(ROOT / "scripts" / "restore.sh"), folder],
        capture_output=True,
        text=True,
        env={
            **environment(s3_server, bucket, fresh_database),
            "AWS_STORAGE_BUCKET_NAME": "",
            "PATH": "/usr/bin:/bin",
        },
        timeout=60,
    )
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr

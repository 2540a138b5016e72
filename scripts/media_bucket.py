"""The uploads' bucket into a tar file and back, for scripts/backup.sh and scripts/restore.sh.

    python scripts/media_bucket.py backup FILE.tar.gz    # every object of the bucket
    python scripts/media_bucket.py restore FILE.tar.gz   # each object back under its key

The bucket and the store are those of the site (the same variables, .env.example):
AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME, AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, AWS_S3_ADDRESSING_STYLE. boto3 comes with django-storages (the site's
environment has it). Each object is one member of the tar, named by its key, its Content-Type
kept in the member's pax header; objects are streamed, never held whole in memory.
Restoring writes every object of the tar and leaves any other object of the bucket alone (orphans
are for `manage.py prune_media`).
"""

import os
import sys
import tarfile

import boto3
from botocore.config import Config

CONTENT_TYPE = "IOM.content_type"  # a pax header of our own (tarfile keeps unknown keywords)


def bucket_and_client():
    bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    endpoint = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    style = os.environ.get("AWS_S3_ADDRESSING_STYLE") or ("path" if endpoint else "auto")
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=os.environ.get("AWS_S3_REGION_NAME") or None,
        config=Config(signature_version="s3v4", s3={"addressing_style": style}),
    )  # the keys: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or boto3's own (an instance role)
    return bucket, client


def backup(path):
    bucket, client = bucket_and_client()
    count = 0
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as archive:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                found = client.get_object(Bucket=bucket, Key=item["Key"])
                member = tarfile.TarInfo(item["Key"])
                member.size = found["ContentLength"]
                member.mtime = found["LastModified"].timestamp()
                member.mode = 0o644
                member.pax_headers = {CONTENT_TYPE: found.get("ContentType", "")}
                archive.addfile(member, found["Body"])
                count += 1
    return count


def restore(path):
    bucket, client = bucket_and_client()
    count = 0
    with tarfile.open(path, "r:gz") as archive:
        for member in archive:
            if not member.isfile() or member.name.startswith("/") or ".." in member.name.split("/"):
                raise SystemExit(f"media_bucket: refusing tar member {member.name!r}")
            content_type = member.pax_headers.get(CONTENT_TYPE)
            extra = {"ContentType": content_type} if content_type else {}
            client.upload_fileobj(archive.extractfile(member), bucket, member.name, ExtraArgs=extra)
            count += 1
    return count


def main(argv):
    if len(argv) != 3 or argv[1] not in ("backup", "restore"):
        raise SystemExit(__doc__.split("\n\n")[1])
    count = {"backup": backup, "restore": restore}[argv[1]](argv[2])
    bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    print(f"media_bucket: {argv[1]}: {count} objects, bucket {bucket}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)

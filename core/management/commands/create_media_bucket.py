"""manage.py create_media_bucket: make the bucket that uploads go to, if it is not there yet.

For a fresh S3-compatible store (docker-compose.yml runs it once, before the web containers
start, against its MinIO). The bucket is created private, the store's default: the site hands
files out by presigned URLs only (core/object_storage.py). With uploads on the local disk (no
AWS_STORAGE_BUCKET_NAME) there is nothing to do. Safe to run again.
"""

from typing import Any

from botocore.exceptions import ClientError
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from core import media


class Command(BaseCommand):
    help = "Create the uploads' bucket (object storage) if it does not exist."

    def handle(self, *args: Any, **options: Any) -> None:
        storage: Any = default_storage
        if not media.is_object_storage(storage):
            self.stdout.write("Uploads are on the local disk: no bucket to create.")
            return
        client = storage.connection.meta.client
        try:
            client.head_bucket(Bucket=storage.bucket_name)
        except ClientError:
            client.create_bucket(Bucket=storage.bucket_name)
            self.stdout.write(f"Created the bucket {storage.bucket_name}.")
            return
        self.stdout.write(f"The bucket {storage.bucket_name} exists.")

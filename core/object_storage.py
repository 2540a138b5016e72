"""Uploads on object storage (the S3 API: AWS S3, MinIO, …) when a bucket is configured.

django-storages' S3 backend, with two changes that keep core/media.py the one decision point:

- `url(name)` is the site's own address, `/media/<name>`, as on the local disk: pages name an
  upload (and its renditions) there, never in the bucket, so a page is the same for every reader
  and cacheable, and every request for the file goes through Django's check first.
- `signed_url(name, …)` is what core.media.hand_out() redirects an allowed request to: a presigned
  GET of the private object, valid a few minutes, signed for the address browsers reach the store
  at (`public_endpoint_url`, AWS_S3_PUBLIC_ENDPOINT_URL: in docker-compose the nodes reach MinIO
  as http://minio:9000 but browsers as http://localhost:9000). Signing is local: no request.

The bucket stays private (no ACL is set on any object; the bucket needs no policy): an object is
read only by the nodes (their keys) or through a presigned URL.

iom_cms/settings.py makes STORAGES["default"] one of these from AWS_STORAGE_BUCKET_NAME and its
companions (.env.example, README "Configuration"); with no bucket, uploads stay on the local disk.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from django.utils.functional import cached_property
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# What a file store raises when it fails: botocore's errors (the store is down, out of reach,
# refusing the keys), OSError on the local disk (full, not writable).
STORE_ERRORS = (OSError, BotoCoreError, ClientError)


class PrivateS3Storage(S3Storage):
    def get_default_settings(self) -> dict[str, Any]:
        return {**super().get_default_settings(), "public_endpoint_url": None}

    def url(
        self,
        name: str,
        parameters: Mapping[str, str] | None = None,
        expire: int | None = None,
        http_method: str | None = None,
    ) -> str:
        """The address pages use: /media/<name>, answered by core.media.serve."""
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

    def signed_url(self, name: str, *, seconds: int, parameters: Mapping[str, str]) -> str:
        """A presigned GET of `name`, valid `seconds`, with S3's response overrides
        (ResponseContentDisposition, ResponseCacheControl, …)."""
        params = {
            **parameters,
            "Bucket": self.bucket_name,
            "Key": self._normalize_name(clean_name(name)),
        }
        url: str = self._signing_client.generate_presigned_url(
            "get_object", Params=params, ExpiresIn=seconds
        )
        return url

    @cached_property
    def _signing_client(self) -> Any:
        """A client for the public endpoint (boto3 clients are thread-safe; signing sends
        nothing, so this client never connects)."""
        return self._create_session().client(
            "s3",
            region_name=self.region_name,
            use_ssl=self.use_ssl,
            endpoint_url=self.public_endpoint_url or self.endpoint_url,
            config=self.client_config,
            verify=self.verify,
        )

    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = super().__getstate__()
        state.pop("_signing_client", None)
        return state

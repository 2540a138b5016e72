#!/bin/sh
# The compose "media-bucket" job (docker-compose.yml), run in the MinIO image with its `mc`
# client, as MinIO's administrator: makes the uploads' bucket, and the user that the web
# containers and the worker use (MINIO_MEDIA_USER), whose one policy allows that bucket's objects
# and nothing else: list the bucket, read, write and delete its objects; no other bucket, no
# bucket settings, no administration. The administrator's keys stay with this job and MinIO.
# Every step may run again (each `docker compose up`). Only shell built-ins and `mc`: the MinIO
# image is minimal.
set -eu

bucket=${AWS_STORAGE_BUCKET_NAME:-}
if [ -z "$bucket" ]; then
    echo "$0: AWS_STORAGE_BUCKET_NAME is empty: uploads stay on the media volume, nothing to do"
    exit 0
fi
case $bucket in
    *[!a-z0-9.-]*)
        echo "$0: not a bucket name: '$bucket' (lower-case letters, digits, dots, hyphens)" >&2
        exit 1
        ;;
esac
: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${MINIO_MEDIA_USER:?}" "${MINIO_MEDIA_PASSWORD:?}"
if [ "$MINIO_MEDIA_USER" = "$MINIO_ROOT_USER" ]; then
    echo "$0: MINIO_MEDIA_USER must differ from MINIO_ROOT_USER" >&2
    exit 1
fi
endpoint=${MINIO_URL:-http://minio:9000}
policy=$bucket-objects
policy_file=${TMPDIR:-/tmp}/$policy.json

printf '%s\n' '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
      "Resource": ["arn:aws:s3:::'"$bucket"'"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                 "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      "Resource": ["arn:aws:s3:::'"$bucket"'/*"]
    }
  ]
}' > "$policy_file"

mc alias set store "$endpoint" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" > /dev/null
mc mb --ignore-existing "store/$bucket"
mc admin user add store "$MINIO_MEDIA_USER" "$MINIO_MEDIA_PASSWORD"  # again: the password in .env
mc admin policy create store "$policy" "$policy_file"  # again: the policy as written here
# A policy already attached is refused ("already in effect"): that is success here.
if ! output=$(mc admin policy attach store "$policy" --user "$MINIO_MEDIA_USER" 2>&1); then
    case $output in
        *"already in effect"*) ;;
        *)
            echo "$output" >&2
            exit 1
            ;;
    esac
fi
echo "$0: bucket $bucket ready; $MINIO_MEDIA_USER may use its objects and nothing else"

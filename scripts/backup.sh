#!/usr/bin/env bash
# Back up the site: the database (pg_dump, custom format) and the uploads, into a new folder
# OUTDIR/<UTC time>/ with their checksums. Prints that folder. The uploads are where the site
# keeps them: a tar of MEDIA_ROOT (media.tar.gz), and, when AWS_STORAGE_BUCKET_NAME is set, every
# object of that bucket (media-bucket.tar.gz, scripts/media_bucket.py, with the site's AWS_*
# variables); at least one of the two.
#
#   DATABASE_URL=postgresql://user:password@host:5432/iom MEDIA_ROOT=/srv/iom-cms/media \
#     scripts/backup.sh /var/backups/iom-cms
#   DATABASE_URL=… AWS_STORAGE_BUCKET_NAME=iom-media AWS_S3_ENDPOINT_URL=http://minio:9000 \
#     AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… scripts/backup.sh /var/backups/iom-cms
#
# Needs pg_dump of the server's major version or newer (Debian: postgresql-client-15), and for a
# bucket a Python with boto3 (PYTHON; the site's image and `make venv` have one). The README
# ("Operations and security") shows the same with docker compose, and how to restore
# (scripts/restore.sh). The database is dumped first: an upload added meanwhile is in the copy
# without a row pointing to it, which is harmless; the other way round would not be.
set -euo pipefail

out=${1:?usage: DATABASE_URL=... MEDIA_ROOT=... [AWS_STORAGE_BUCKET_NAME=...] $0 OUTDIR}
: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
if [[ -z ${MEDIA_ROOT:-} && -z ${AWS_STORAGE_BUCKET_NAME:-} ]]; then
  echo "set MEDIA_ROOT to the folder of the uploads, or AWS_STORAGE_BUCKET_NAME to their bucket" >&2
  exit 1
fi
PG_DUMP=${PG_DUMP:-pg_dump}
PYTHON=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)

dir="$out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dir"
chmod 700 "$dir"  # the dump holds staff accounts and unpublished releases
"$PG_DUMP" --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$dir/db.dump"
files=(db.dump)
if [[ -n ${MEDIA_ROOT:-} ]]; then
  tar -C "$MEDIA_ROOT" -czf "$dir/media.tar.gz" .
  files+=(media.tar.gz)
fi
if [[ -n ${AWS_STORAGE_BUCKET_NAME:-} ]]; then
  "$PYTHON" "$here/media_bucket.py" backup "$dir/media-bucket.tar.gz"
  files+=(media-bucket.tar.gz)
fi
(cd "$dir" && sha256sum "${files[@]}" >SHA256SUMS)
echo "$dir"

#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database, and its uploads: the tar of
# MEDIA_ROOT into that folder, the bucket's objects into the bucket AWS_STORAGE_BUCKET_NAME names
# (it must exist: `manage.py create_media_bucket`, or compose's media-bucket job).
#
#   createdb iom_restored    # or CREATE DATABASE iom_restored; a fresh, empty database
#   DATABASE_URL=postgresql://user:password@host:5432/iom_restored MEDIA_ROOT=/srv/iom-cms/media \
#     scripts/restore.sh /var/backups/iom-cms/20250101T020000Z
#   (with a bucket: AWS_STORAGE_BUCKET_NAME and the other AWS_* variables of the site, as for
#   scripts/backup.sh, instead of or beside MEDIA_ROOT)
#
# Checks the checksums first, and that every part of the backup has somewhere to go; restores the
# database in one transaction, so a failure leaves it empty rather than half restored. Then point
# the site's DATABASE_URL at the restored database.
set -euo pipefail

dir=${1:?usage: DATABASE_URL=... MEDIA_ROOT=... [AWS_STORAGE_BUCKET_NAME=...] $0 BACKUP_FOLDER}
: "${DATABASE_URL:?set DATABASE_URL to the empty database to restore into}"
PG_RESTORE=${PG_RESTORE:-pg_restore}
PYTHON=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)

(cd "$dir" && sha256sum --check --quiet SHA256SUMS)
if [[ -e $dir/media.tar.gz ]]; then
  : "${MEDIA_ROOT:?this backup has uploads from a folder: set MEDIA_ROOT to where they go}"
fi
if [[ -e $dir/media-bucket.tar.gz ]]; then
  : "${AWS_STORAGE_BUCKET_NAME:?this backup has a bucket: set AWS_STORAGE_BUCKET_NAME (and AWS_*)}"
fi
"$PG_RESTORE" --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$dir/db.dump"
if [[ -e $dir/media.tar.gz ]]; then
  mkdir -p "$MEDIA_ROOT"
  tar -C "$MEDIA_ROOT" -xzf "$dir/media.tar.gz"
fi
if [[ -e $dir/media-bucket.tar.gz ]]; then
  "$PYTHON" "$here/media_bucket.py" restore "$dir/media-bucket.tar.gz"
fi
echo "restored $dir"

#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and an uploads folder.
#
#   createdb iom_restored    # or CREATE DATABASE iom_restored; a fresh, empty database
#   DATABASE_URL=postgresql://user:password@host:5432/iom_restored MEDIA_ROOT=/srv/iom-cms/media \
#     scripts/restore.sh /var/backups/iom-cms/20250101T020000Z
#
# Checks the checksums first; restores in one transaction, so a failure leaves the database
# empty rather than half restored. Then point the site's DATABASE_URL at the restored database.
set -euo pipefail

dir=${1:?usage: DATABASE_URL=... MEDIA_ROOT=... $0 BACKUP_FOLDER}
: "${DATABASE_URL:?set DATABASE_URL to the empty database to restore into}"
: "${MEDIA_ROOT:?set MEDIA_ROOT to the folder the uploads go to}"
PG_RESTORE=${PG_RESTORE:-pg_restore}

(cd "$dir" && sha256sum --check --quiet SHA256SUMS)
"$PG_RESTORE" --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$dir/db.dump"
mkdir -p "$MEDIA_ROOT"
tar -C "$MEDIA_ROOT" -xzf "$dir/media.tar.gz"
echo "restored $dir"

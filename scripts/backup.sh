#!/usr/bin/env bash
# Back up the site: the database (pg_dump, custom format) and the uploads (a tar of MEDIA_ROOT),
# into a new folder OUTDIR/<UTC time>/ with their checksums. Prints that folder.
#
#   DATABASE_URL=postgresql://user:password@host:5432/iom MEDIA_ROOT=/srv/iom-cms/media \
#     scripts/backup.sh /var/backups/iom-cms
#
# Needs pg_dump of the server's major version or newer (Debian: postgresql-client-15). The
# README ("Operations and security") shows the same with docker compose, and how to restore
# (scripts/restore.sh). The database is dumped first: an upload added meanwhile is in the tar
# without a row pointing to it, which is harmless; the other way round would not be.
set -euo pipefail

out=${1:?usage: DATABASE_URL=... MEDIA_ROOT=... $0 OUTDIR}
: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
: "${MEDIA_ROOT:?set MEDIA_ROOT to the folder of the uploads}"
PG_DUMP=${PG_DUMP:-pg_dump}

dir="$out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dir"
chmod 700 "$dir"  # the dump holds staff accounts and unpublished releases
"$PG_DUMP" --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$dir/db.dump"
tar -C "$MEDIA_ROOT" -czf "$dir/media.tar.gz" .
(cd "$dir" && sha256sum db.dump media.tar.gz >SHA256SUMS)
echo "$dir"

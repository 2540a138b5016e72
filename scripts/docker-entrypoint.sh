#!/bin/sh
# Start of the web container: bring the database up to date, give nginx this image's static
# files, then run the image's command (gunicorn, or whatever `docker compose run web ...` asks).
set -e
python manage.py migrate --noinput
if [ -n "${STATIC_EXPORT_DIR:-}" ]; then
  # Files of earlier versions stay: pages cached elsewhere may still ask for them.
  cp -R "$STATIC_ROOT/." "$STATIC_EXPORT_DIR/"
fi
exec "$@"

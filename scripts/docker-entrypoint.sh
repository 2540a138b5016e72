#!/bin/sh
# Start of a web container: give nginx this image's static files, then run the image's command
# (gunicorn, or whatever `docker compose run web ...` asks).
# Migrations are not run here: with several replicas each would try at once. The "migrate" job
# of docker-compose.yml runs `manage.py migrate_locked` once, and web starts after it succeeded.
set -e
if [ -n "${STATIC_EXPORT_DIR:-}" ]; then
  # Files of earlier versions stay: pages cached elsewhere may still ask for them.
  cp -R "$STATIC_ROOT/." "$STATIC_EXPORT_DIR/"
fi
exec "$@"

#!/bin/sh
# Start of the web container: bring the database up to date, then run the image's command
# (gunicorn, or whatever `docker compose run web ...` asks for).
set -e
python manage.py migrate --noinput
exec "$@"

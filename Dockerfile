# syntax=docker/dockerfile:1
# The site for production: gunicorn on port 8000, behind nginx (docker-compose.yml) and a
# TLS-terminating proxy. Configured from the environment (.env.example).

# Base images: a supported release line each (tests/test_deployment.py refuses an end-of-life
# one), pinned by digest with deploy/pin-images.sh (README, "Base images").

# jquery-ui comes from npm; only its dist/ folder goes into the image.
FROM node:24-trixie-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund


FROM python:3.11-slim-trixie
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STATIC_ROOT=/srv/iom-cms/static \
    MEDIA_ROOT=/srv/iom-cms/media
RUN useradd --system --user-group --uid 10001 --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app

# Dependencies first, in their own layer: code changes do not reinstall them. Exactly the
# versions and files of requirements.lock (hashes checked), nothing it does not list.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY . .
COPY --from=assets /build/node_modules/jquery-ui/dist node_modules/jquery-ui/dist
# Editable, so that the code stays in /app: settings find templates/, static/ and locale/ beside it.
# The static files are collected here, with the pages nginx serves itself (the 429 page in each
# language, in errors/); at start the entrypoint copies them to the volume that nginx serves
# (STATIC_EXPORT_DIR). The volumes' folders belong to the app user, and so do the volumes Docker
# creates from them.
RUN pip install --no-deps -e . \
 && export SECRET_KEY=build-only-not-used-at-run-time DEBUG=false \
 && python manage.py collectstatic --noinput \
 && python manage.py render_error_pages \
 && mkdir -p var "$MEDIA_ROOT" /srv/iom-cms/static-export \
 && chown app:app var "$MEDIA_ROOT" /srv/iom-cms/static-export

USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "/app/deploy/healthcheck.py"]
ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
# Workers, threads and timeouts from the environment (GUNICORN_*, .env.example); no access log:
# Django logs one line per request with its duration and request id.
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "iom_cms.wsgi"]

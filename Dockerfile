# syntax=docker/dockerfile:1
# The site for production: gunicorn on port 8000 behind a TLS-terminating proxy; WhiteNoise serves
# the static files. Configured from the environment (.env.example); docker-compose.yml runs it.

# jquery-ui comes from npm; only its dist/ folder goes into the image.
FROM node:20-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund


FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STATIC_ROOT=/srv/iom-cms/static \
    MEDIA_ROOT=/srv/iom-cms/media
RUN useradd --system --user-group --uid 10001 --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app

# Dependencies first, in their own layer: code changes do not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
 && pip install -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt

COPY . .
COPY --from=assets /build/node_modules/jquery-ui/dist node_modules/jquery-ui/dist
# Editable, so that the code stays in /app: settings find templates/, static/ and locale/ beside it.
RUN pip install --no-deps -e . \
 && SECRET_KEY=build-only-not-used-at-run-time DEBUG=false python manage.py collectstatic --noinput \
 && mkdir -p var "$MEDIA_ROOT" \
 && chown app:app var "$MEDIA_ROOT"

USER app
EXPOSE 8000
ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
CMD ["gunicorn", "iom_cms.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

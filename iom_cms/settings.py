"""Settings for iom-cms, read from the environment (and from a `.env` file beside manage.py).

Every variable is listed, with its default, in `.env.example`. Production is the default:
`DEBUG` is off unless set, and then `SECRET_KEY` and `ALLOWED_HOSTS` must be given.
"""

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"  # the SQLite database and uploaded media when trying the site
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    # A fresh key per process is enough to try the site; `make run` writes a stable one to .env.
    # token_urlsafe, not Django's generator: django-environ reads a default starting with "$" as a
    # reference to another variable.
    SECRET_KEY = env("SECRET_KEY", default=secrets.token_urlsafe(50))
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "iom_cms.apps.AdminConfig",  # django.contrib.admin with our site (two-factor login)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "simple_history",
    "imagekit",
    "django_prose_editor",
    "csp",
    "axes",
    "django_otp",
    "django_tasks",
    "django_tasks_db",
    "django_otp.plugins.otp_totp",
    "core",
    "iom_cms",
    "pressroom",
    "alerts",
    "organisation",
    "events",
    "pages",
    # Last, as it asks: replaced and deleted uploads are removed after the commit (core/media.py
    # adds their renditions).
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    # Outermost: every request gets a log line and a request id, whatever answers it.
    "iom_cms.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # ETag and 304 answers, for pages made now and pages from the cache alike.
    "django.middleware.http.ConditionalGetMiddleware",
    # The one caching rule (Cache-Control, surrogate keys, the page cache): outside django-csp's
    # middleware, so that a kept page keeps its own policy header.
    "core.public_cache.PublicCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything reads the path: NUL bytes and invalid UTF-8 are a 400, static files too.
    "iom_cms.middleware.MalformedRequestMiddleware",
    # TRACE and every other method no address serves: 405 before anything else runs.
    "iom_cms.middleware.UnservedMethodMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Who made each change, for the press releases' history (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Files written by a save that then rolled back are removed at the end of the request.
    "core.uploads.DiscardUncommittedUploads",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "iom_cms.urls"
WSGI_APPLICATION = "iom_cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
            # in_language, used by every app's templates.
            "builtins": ["core.templatetags.languages"],
        },
    },
    {
        # The pieces that lists repeat (release summaries, topic lists): core/jinja.py says why.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "core.jinja.environment"},
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A kept connection is tested before reuse, so requests recover as soon as PostgreSQL is back.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails a request in seconds (a 503), not when the worker times out.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # PostgreSQL's JIT compiler off for the site's sessions: its cost estimates made it compile
    # page queries for 0.4–0.8 s at 100,000 releases (bench/README.md), for queries that run in
    # milliseconds. A DATABASE_URL with ?options=… sets its own.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
    # psycopg's pool, one per process: DB_POOL_MAX connections at most (README, "Replicas,
    # connections and limits": nodes × workers × DB_POOL_MAX < max_connections). Unset or 0:
    # no pool, one connection per thread kept CONN_MAX_AGE seconds.
    if DB_POOL_MAX := env.int("DB_POOL_MAX", default=0):
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": env.int("DB_POOL_MIN", default=1),
            "max_size": DB_POOL_MAX,
            # A request that finds every connection busy waits this long, then fails (503).
            "timeout": env.float("DB_POOL_TIMEOUT", default=10.0),
        }
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps them: Django must not
else:
    # SQLite (trying the site) builds the finder's covering index without its INCLUDE column:
    # slower, same results, so the warning is noise there.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache of public pages for anonymous readers (core/public_cache.py), shared by every
# process so that a change clears it for all: a file cache on one machine, Redis with several
# (redis://cache:6379/1, with maxmemory-policy volatile-lru: README, "Running several nodes").
# PAGE_CACHE_SECONDS caps how long any cache keeps a page (s-maxage); 0 turns the page cache off.
# BROWSER_CACHE_SECONDS caps what browsers keep (max-age): they are never purged.
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A Redis that is down or slow costs a request a quarter of a second, not a retry loop.
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=0.25, socket_timeout=0.25, retry=None
    )
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
BROWSER_CACHE_SECONDS = env.int("BROWSER_CACHE_SECONDS", default=30)

# The edge caches (Varnish) purged by surrogate key on every change (core/edge.py), e.g.
# EDGE_PURGE_URLS=http://varnish:80/ (comma-separated, one per edge). Empty: no edge.
EDGE_PURGE_URLS = env.list("EDGE_PURGE_URLS", default=[])
# Each purge is made again after these seconds (comma-separated), for a page that a node was still
# making from the old rows when the change committed: the last one past nginx's 35 s read timeout.
EDGE_REPURGE_SECONDS = env.list("EDGE_REPURGE_SECONDS", cast=int, default=[2, 40])

# The task queue (django-tasks): a table in the database, run by `manage.py db_worker`. It
# retries failed edge purges (core/edge.py) and sends the email alerts (alerts/tasks.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Email: EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587. Unset: printed on the
# console when DEBUG is on (`make run`), else handed to an SMTP server on localhost.
vars().update(
    env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="IOM <newsroom@iom.int>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address, for links in emails (no request there to take it from).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Email alerts (alerts/): see README, "Email alerts".
ALERTS = {
    # Daily and weekly digests leave at this hour, Geneva time; weekly ones on Mondays.
    "DIGEST_HOUR": env.int("ALERTS_DIGEST_HOUR", default=8),
    # A confirmation link works this long; an unconfirmed subscription is then deleted.
    "CONFIRM_DAYS": 3,
    # Asking again for the same subscription re-sends its confirmation at most this often.
    "RESEND_MINUTES": 15,
    # Subscribe requests per hour: from one address of the visitor, for one email address.
    "LIMIT_PER_IP": env.int("ALERTS_LIMIT_PER_IP", default=20),
    "LIMIT_PER_EMAIL": env.int("ALERTS_LIMIT_PER_EMAIL", default=3),
    # Seconds before another worker takes over messages that one which stopped left unsent.
    "LEASE_SECONDS": env.int("ALERTS_LEASE_SECONDS", default=120),
    # Seconds between attempts after a temporary SMTP error; then the message is given up.
    "RETRY_DELAYS": [60, 300, 1800, 7200, 21600],
    # Permanent failures in a row after which an address is paused.
    "BOUNCES_TO_PAUSE": 3,
}

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username and address is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the default; every page lives under its language prefix.
# Each language is written out here once, in the site's order, with what the code needs to know
# of it; every other list of languages, per-language column, constraint and search document is
# derived from LANGUAGES (README.md, "Adding a language", names every step).
# - search_config: the PostgreSQL text-search configuration (stemming, stop words) of its
#   versions, blind to accents (`french_unaccent`: `french` after `unaccent`, migration
#   pressroom/0011): the finder's queries use it, and the migration that made the search
#   columns froze it into them (core/search_columns.py).
# - og_locale: its Open Graph locale (language_TERRITORY).
# Its writing direction comes from Django (get_language_info(code)["bidi"]): <html dir>.
SITE_LANGUAGES = {
    "fr": {"name": _("French"), "search_config": "french_unaccent", "og_locale": "fr_FR"},
    "en": {"name": _("English"), "search_config": "english_unaccent", "og_locale": "en_GB"},
    "es": {"name": _("Spanish"), "search_config": "spanish_unaccent", "og_locale": "es_ES"},
}
LANGUAGE_CODE = "fr"
LANGUAGES = [(code, language["name"]) for code, language in SITE_LANGUAGES.items()]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates where Django's differ from the UN's style: English "23 May 2024" (iom_cms/formats/).
FORMAT_MODULE_PATH = ["iom_cms.formats"]
USE_I18N = True

# Stored in UTC, shown in Geneva time unless an item says otherwise.
USE_TZ = True
TIME_ZONE = "Europe/Zurich"

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(SITE_LANGUAGES)  # a column per language: title_fr, title_en…
# modeltranslation's tabbed admin needs jQuery UI: served from our own static files (installed
# by npm at set-up), never from its default CDN. The setting has no MODELTRANSLATION_ prefix.
JQUERY_UI_URL = "jquery-ui/jquery-ui.min.js"

TAGGIT_CASE_INSENSITIVE = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("jquery-ui", BASE_DIR / "node_modules" / "jquery-ui" / "dist"),
]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Whether Django sends uploads' bytes itself (no web server in front) or hands them to nginx
# with X-Accel-Redirect after its check (core/media.py).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads on object storage (S3 API: AWS, MinIO) when AWS_STORAGE_BUCKET_NAME is set, the
# renditions with them: every node reads and writes the same files (core/object_storage.py).
# Unset: the local disk, MEDIA_ROOT.


def object_storage(env: Callable[..., str]) -> dict[str, Any] | None:
    """STORAGES["default"] for the bucket that `env("AWS_STORAGE_BUCKET_NAME")` names, or None.

    The keys may be left unset where boto3 finds its own (an instance role), the endpoint too on
    AWS itself; another store (MinIO) is addressed by path (http://host:9000/bucket/name)."""
    if not (bucket := env("AWS_STORAGE_BUCKET_NAME", default="")):
        return None
    from botocore.config import Config  # installed with django-storages[s3]

    endpoint = env("AWS_S3_ENDPOINT_URL", default="") or None
    addressing_style = env("AWS_S3_ADDRESSING_STYLE", default="") or (
        "path" if endpoint else "auto"
    )
    # A store that hangs must not hold an editor's save (or a gunicorn worker) past its timeout:
    # AWS_S3_TIMEOUT seconds to connect and to read, two attempts, then the admin's form error.
    timeout = float(env("AWS_S3_TIMEOUT", default="5"))
    return {
        "BACKEND": "core.object_storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint,
            # Where browsers reach the store, for the presigned URLs (default: the endpoint).
            "public_endpoint_url": env("AWS_S3_PUBLIC_ENDPOINT_URL", default="") or None,
            "region_name": env("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default="") or None,
            "addressing_style": addressing_style,
            "signature_version": "s3v4",
            "client_config": Config(
                s3={"addressing_style": addressing_style},
                signature_version="s3v4",
                connect_timeout=timeout,
                read_timeout=timeout,
                retries={"mode": "standard", "total_max_attempts": 2},
            ),
            "default_acl": None,  # the bucket's own: private, never public-read
            "querystring_auth": True,
            "file_overwrite": True,  # names are random; renditions are rewritten in place
        },
    }


if _object_storage := object_storage(env):
    STORAGES["default"] = _object_storage
# Image renditions (pressroom/images.py): written beside the uploads, once, when an image is saved.
IMAGEKIT_CACHEFILE_DIR = "renditions"
# Rendition names that nobody can derive from the original's (core/renditions.py).
IMAGEKIT_SPEC_CACHEFILE_NAMER = "core.renditions.private_name"

# Request limits, set deliberately (nginx refuses bodies over 10 MB before they reach Django).
# Form data without the files: the release form is about 60 fields and 50 KB of text.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB
# The busiest form is a changelist with 100 selected rows and list_editable columns (~500).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1_000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# Uploads larger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o644

# The admin's address: moving it off /admin/ keeps most scanners away (ADMIN_URL=office/).
ADMIN_URL = env("ADMIN_URL", default="admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured("ADMIN_URL must be a path like 'admin/' (no leading slash).")

# Security. Behind a TLS-terminating proxy, set USE_X_FORWARDED_PROTO=true.
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The header the proxy in front sets to the client's address (nginx: X-Real-IP). Unset: the
# address of the connection itself. Only set it when every request comes through that proxy.
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Health checks come from inside the deployment, over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): everything from our own origin, nothing inline, no
# framing. An inline <script> or <style> needs nonce="{{ request.csp_nonce }}"; form media (the
# editor's import map) gets it in templates/admin/change_form.html.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        # The hash is of the fixed base stylesheet that the rich-text editor (Tiptap, in
        # django-prose-editor) adds to the page: that exact text only. Upgrading the editor may
        # change it; tests/browser/test_rich_text_editor.py then reports the new hash.
        "style-src": [SELF, NONCE, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    },
}

# Cookies: only over https, out of reach of scripts, not sent on cross-site requests. In
# production the __Host- prefix also makes browsers refuse them from a subdomain or over http.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # the admin reads the token from its forms, never from the cookie
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
# Only staff log in: a session lasts a working day at most. Changing a password ends the
# user's other sessions (Django's session hash), so a stolen session dies with the old password.
SESSION_COOKIE_AGE = 8 * 60 * 60

# Only staff log in, to the admin; a `next` pointing elsewhere (another site) lands here instead.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# Failed logins (django-axes): after 5 failures for the same username from the same address,
# that pair is locked for an hour. Per pair, so that nobody can lock a colleague out from
# elsewhere. Unlock sooner: `manage.py axes_reset_username NAME` (see README).
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = 1  # hour
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "iom_cms.middleware.client_ip"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# Two-factor login (django-otp, TOTP): staff may turn it on for themselves in the admin; with
# this on, superusers cannot use the admin without it.
OTP_REQUIRED_FOR_SUPERUSERS = env.bool("OTP_REQUIRED_FOR_SUPERUSERS", default=False)
OTP_TOTP_ISSUER = "IOM CMS"

# One line per request (iom_cms.middleware.RequestLogMiddleware) and errors with their trace,
# to stdout, each with the request id.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "iom_cms.middleware.RequestIdFilter"},
        # No signed link's token (previews, email alerts) in any line (core/redaction.py).
        "redact_tokens": {"()": "iom_cms.middleware.RedactTokensFilter"},
    },
    "formatters": {
        "line": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id", "redact_tokens"],
            "formatter": "line",
        },
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # 4xx answers are in the request line already; 5xx keep their trace.
        "django.request": {"level": "ERROR"},
        # runserver's line per request, written by the site's handler (no token in it), not by
        # Django's own, which filters nothing.
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # Axes says "AXES: BEGIN version ..." at start; its lockouts are warnings.
        "axes": {"level": "WARNING"},
    },
}

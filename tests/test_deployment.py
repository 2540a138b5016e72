"""The deployment files agree with each other and with the settings.

docker-compose.yml is checked offline (no Docker engine needed); the settings are started in a
subprocess with a production-like environment; nginx's config is tested by the nginx of this
machine when there is one, in front of the live test server.
"""

import datetime
import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from tests.factories import PressReleaseFactory
from tests.nginx import (
    NGINX_CONF,
    fetch,
    needs_nginx,
    nginx_command,
    nginx_config_for_this_machine,
    write_trusted_proxies,
)

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
SETTINGS_FILE = ROOT / "iom_cms" / "settings.py"

# env("X"), env.bool("X"), env.list("X"), env.int("X"), env.path("X"), env.db("X"), ...
SETTINGS_VARIABLE = re.compile(r"\benv(?:\.\w+)?\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']")
# ${X}, ${X:-default}, ${X:?message}; "$$" is compose's escape for a literal "$".
COMPOSE_VARIABLE = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)")
# "X=value", or "# X=value" for an optional variable shown with its default.
EXAMPLE_VARIABLE = re.compile(r"^(?:#\s*)?([A-Z][A-Z0-9_]*)=", re.MULTILINE)


def compose():
    return yaml.safe_load(COMPOSE_FILE.read_text())


def variables_in_env_example():
    return set(EXAMPLE_VARIABLE.findall(ENV_EXAMPLE.read_text()))


# The settings read .env beside manage.py, and a variable missing from the environment is taken
# from there: a developer's .env (DEBUG=true after `make run`) would leak into a "production"
# check. The subprocess therefore starts Django with that file ignored.
IGNORE_DOTENV = "import environ; environ.Env.read_env = lambda *args, **kwargs: None; "


def run_django(code, **environment):
    """Run Python code in a fresh interpreter with only the given environment (and PATH)."""
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), **environment}
    return subprocess.run(
        [sys.executable, "-c", IGNORE_DOTENV + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_environment(tmp_path):
    return {
        "DJANGO_SETTINGS_MODULE": "iom_cms.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }


def test_compose_file_validates_against_the_compose_spec():
    check_jsonschema = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [check_jsonschema, "--builtin-schema", "vendor.compose-spec", COMPOSE_FILE],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_defines_the_db_web_and_nginx_services():
    assert {"db", "web", "nginx"} <= set(compose()["services"])


def test_compose_runs_several_nodes_behind_varnish_with_a_shared_cache_and_a_worker():
    services = compose()["services"]
    assert {"varnish", "redis", "worker"} <= set(services)
    assert services["varnish"]["image"].startswith("varnish:")
    assert (
        "./deploy/varnish/default.vcl:/etc/varnish/default.vcl:ro" in services["varnish"]["volumes"]
    )
    assert "volatile-lru" in services["redis"]["command"]
    worker = services["worker"]
    assert worker["entrypoint"] + worker["command"] == ["python", "manage.py", "db_worker"]
    for name in ("web", "worker"):
        environment = services[name]["environment"]
        assert environment["CACHE_URL"] == "redis://redis:6379/1"
        assert environment["EDGE_PURGE_URLS"] == "http://varnish:80/"


def test_compose_keeps_the_uploads_in_minio_for_every_node():
    services = compose()["services"]
    minio = services["minio"]
    assert minio["image"].startswith("minio/minio:RELEASE.")
    assert "minio-data:/data" in minio["volumes"]
    job = services["media-bucket"]
    assert job["image"] == minio["image"]  # MinIO's own `mc`, no other image to pin
    assert job["entrypoint"] == ["/bin/sh", "/srv/media-bucket.sh"]
    assert "./deploy/minio/media-bucket.sh:/srv/media-bucket.sh:ro" in job["volumes"]
    assert job["restart"] == "no"
    assert job["depends_on"]["minio"]["condition"] == "service_healthy"
    assert job["environment"]["AWS_STORAGE_BUCKET_NAME"] == "${AWS_STORAGE_BUCKET_NAME-iom-media}"
    for name in ("web", "worker"):
        service = services[name]
        environment = service["environment"]
        assert environment["AWS_STORAGE_BUCKET_NAME"] == "${AWS_STORAGE_BUCKET_NAME-iom-media}"
        assert environment["AWS_S3_ENDPOINT_URL"] == "http://minio:9000"
        # The bucket's own user, never MinIO's administrator.
        assert environment["AWS_ACCESS_KEY_ID"].startswith("${MINIO_MEDIA_USER:?")
        assert environment["AWS_SECRET_ACCESS_KEY"].startswith("${MINIO_MEDIA_PASSWORD:?")
        assert "MINIO_ROOT" not in json.dumps(service), name
        condition = service["depends_on"]["media-bucket"]["condition"]
        assert condition == "service_completed_successfully", name
    # MinIO's administrator: MinIO itself and the job, nobody else.
    holders = {name for name, service in services.items() if "MINIO_ROOT" in json.dumps(service)}
    assert holders == {"minio", "media-bucket"}
    # Browsers follow the presigned URLs to MinIO on the host's port.
    assert minio["ports"] == ["${MINIO_PORT:-9000}:9000"]
    assert environment["AWS_S3_PUBLIC_ENDPOINT_URL"] == (
        "${AWS_S3_PUBLIC_ENDPOINT_URL:-http://localhost:9000}"
    )


MEDIA_BUCKET_SCRIPT = ROOT / "deploy" / "minio" / "media-bucket.sh"
# Stands in for MinIO's `mc`: records each call (and the policy file it is given), as `mc` answers
# a second `policy attach` of the same policy.
FAKE_MC = """#!/bin/sh
echo "$*" >> "$MC_LOG"
if [ "$1 $2 $3" = "admin policy create" ]; then cp "$6" "$MC_LOG.policy.json"; fi
if [ "$1 $2 $3" = "admin policy attach" ] && [ -e "$MC_LOG.attached" ]; then
    echo "mc: <ERROR> Unable to make user/group policy association. The specified policy change \
is already in effect. (Specified policy update has no net effect)." >&2
    exit 1
fi
if [ "$1 $2 $3" = "admin policy attach" ]; then touch "$MC_LOG.attached"; fi
"""


def run_media_bucket_job(tmp_path, **environment):
    bin_directory = tmp_path / "bin"
    bin_directory.mkdir(exist_ok=True)
    (bin_directory / "mc").write_text(FAKE_MC)
    (bin_directory / "mc").chmod(0o755)
    env = {
        "PATH": f"{bin_directory}:/usr/bin:/bin",
        "MC_LOG": str(tmp_path / "mc.log"),
        "TMPDIR": str(tmp_path),
        "AWS_STORAGE_BUCKET_NAME": "iom-media",
        "MINIO_ROOT_USER": "iom",
        "MINIO_ROOT_PASSWORD": "root-secret",
        "MINIO_MEDIA_USER": "iom-web",
        "MINIO_MEDIA_PASSWORD": "web-secret",
        **environment,
    }
    return subprocess.run(
        ["/bin/sh", str(MEDIA_BUCKET_SCRIPT)], env=env, capture_output=True, text=True
    )


def test_the_media_bucket_job_gives_the_nodes_a_user_limited_to_the_bucket(tmp_path):
    first = run_media_bucket_job(tmp_path)
    assert first.returncode == 0, first.stderr
    again = run_media_bucket_job(tmp_path)  # every `docker compose up` runs it
    assert again.returncode == 0, again.stderr
    calls = (tmp_path / "mc.log").read_text().splitlines()
    policy_file = str(tmp_path / "iom-media-objects.json")
    assert calls[:5] == [
        "alias set store http://minio:9000 iom root-secret",
        "mb --ignore-existing store/iom-media",
        "admin user add store iom-web web-secret",
        f"admin policy create store iom-media-objects {policy_file}",
        "admin policy attach store iom-media-objects --user iom-web",
    ]
    policy = json.loads((tmp_path / "mc.log.policy.json").read_text())
    allowed = {
        resource: set(statement["Action"])
        for statement in policy["Statement"]
        for resource in statement["Resource"]
    }
    assert all(statement["Effect"] == "Allow" for statement in policy["Statement"])
    assert set(allowed) == {"arn:aws:s3:::iom-media", "arn:aws:s3:::iom-media/*"}
    assert {"s3:GetObject", "s3:PutObject", "s3:DeleteObject"} <= allowed[
        "arn:aws:s3:::iom-media/*"
    ]
    assert "s3:ListBucket" in allowed["arn:aws:s3:::iom-media"]
    everything = set().union(*allowed.values())
    assert not [action for action in everything if "*" in action or "Policy" in action], everything


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"MINIO_MEDIA_USER": "iom"}, "must differ from MINIO_ROOT_USER"),
        ({"MINIO_MEDIA_PASSWORD": ""}, "MINIO_MEDIA_PASSWORD"),
        ({"AWS_STORAGE_BUCKET_NAME": "x/*"}, "not a bucket name"),
    ],
)
def test_the_media_bucket_job_refuses_a_user_it_cannot_make_safely(tmp_path, environment, message):
    result = run_media_bucket_job(tmp_path, **environment)
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "mc.log").exists()


def test_the_media_bucket_job_has_nothing_to_do_without_a_bucket(tmp_path):
    result = run_media_bucket_job(tmp_path, AWS_STORAGE_BUCKET_NAME="")
    assert result.returncode == 0
    assert not (tmp_path / "mc.log").exists()


def test_every_depends_on_names_a_defined_service():
    services = compose()["services"]
    for name, service in services.items():
        for dependency in service.get("depends_on", []):
            assert dependency in services, f"{name} depends on undefined service {dependency}"


def test_every_named_volume_is_declared():
    data = compose()
    declared = set(data.get("volumes") or {})
    for name, service in data["services"].items():
        for volume in service.get("volumes", []):
            if isinstance(volume, dict):
                if volume.get("type") != "volume":
                    continue
                source = volume["source"]
            else:
                source = volume.split(":")[0]
                if source.startswith((".", "/", "~")):  # a bind mount
                    continue
            assert source in declared, f"{name} uses undeclared volume {source}"


def test_every_variable_the_compose_file_uses_is_in_env_example():
    used = set(COMPOSE_VARIABLE.findall(COMPOSE_FILE.read_text()))
    assert used, "expected docker-compose.yml to take values from .env"
    assert used <= variables_in_env_example(), used - variables_in_env_example()


def test_web_takes_its_configuration_from_dot_env():
    env_file = compose()["services"]["web"]["env_file"]
    paths = (
        [env_file]
        if isinstance(env_file, str)
        else [entry if isinstance(entry, str) else entry["path"] for entry in env_file]
    )
    assert paths == [".env"]


def test_env_example_lists_every_variable_the_settings_read():
    read = set(SETTINGS_VARIABLE.findall(SETTINGS_FILE.read_text()))
    assert {"DEBUG", "SECRET_KEY", "DATABASE_URL"} <= read, "the settings parser found too little"
    assert read <= variables_in_env_example(), read - variables_in_env_example()


def test_env_example_keeps_debug_off():
    assert re.search(r"^DEBUG=false$", ENV_EXAMPLE.read_text(), re.MULTILINE)


def test_deploy_check_passes_without_warnings_in_production(tmp_path):
    result = run_django(
        "from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        **production_environment(tmp_path),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNING" not in output, output


def test_production_cookies_are_secure_and_carry_the_host_prefix(tmp_path):
    result = run_django(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY)",
        **production_environment(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "True",
        "True",
        "True",
    ]


def test_settings_refuse_to_start_with_debug_off_and_no_secret_key(tmp_path):
    environment = production_environment(tmp_path)
    del environment["SECRET_KEY"]
    result = run_django("import django; django.setup()", **environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


# --- nginx in front of gunicorn (tests/nginx.py runs it) ---------------------------------------


def test_varnish_then_nginx_is_the_only_way_in():
    services = compose()["services"]
    assert "ports" not in services["web"], "gunicorn must be reachable only through nginx"
    assert "ports" not in services["nginx"], "nginx must be reachable only through Varnish"
    assert services["web"]["expose"] == ["8000"]
    assert services["nginx"]["expose"] == ["80"]
    assert services["varnish"]["ports"] == ["${HTTP_PORT:-8000}:80"]
    assert services["nginx"]["depends_on"]["web"]["condition"] == "service_healthy"
    assert '.host = "nginx";' in (ROOT / "deploy" / "varnish" / "default.vcl").read_text()


def test_nginx_gets_its_config_and_the_files_read_only():
    volumes = compose()["services"]["nginx"]["volumes"]
    assert "./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro" in volumes
    assert "static:/srv/iom-cms/static:ro" in volumes
    assert "media:/srv/iom-cms/media:ro" in volumes
    web = compose()["services"]["web"]
    assert "static:" + web["environment"]["STATIC_EXPORT_DIR"] in web["volumes"]
    assert "media:" + web["environment"]["MEDIA_ROOT"] in web["volumes"]


def test_django_trusts_the_header_nginx_sets_and_leaves_the_uploads_to_it():
    environment = compose()["services"]["web"]["environment"]
    assert environment["CLIENT_IP_HEADER"] == "X-Real-IP"
    assert environment["SERVE_MEDIA"] == "false"
    config = NGINX_CONF.read_text()
    assert "proxy_set_header X-Real-IP $remote_addr;" in config
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in config
    assert "proxy_set_header X-Forwarded-Proto $forwarded_proto;" in config
    assert re.search(r"^\s*client_max_body_size 10m;", config, re.MULTILINE)
    assert "server web:8000 resolve;" in config


def test_the_image_installs_exactly_the_lock_file():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --require-hashes --no-deps -r requirements.lock" in dockerfile
    assert "HEALTHCHECK" in dockerfile and "deploy/healthcheck.py" in dockerfile


def test_the_lock_file_pins_every_runtime_dependency_with_hashes():
    import tomllib

    from packaging.requirements import Requirement

    lock = (ROOT / "requirements.lock").read_text()
    pins = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\$", lock, re.MULTILINE))
    assert pins, "requirements.lock has no pins"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for line in project["dependencies"]:
        requirement = Requirement(line)
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        [version] = [spec.version for spec in requirement.specifier]
        assert pins.get(name) == version, (
            f"{name}=={version} in pyproject.toml but {pins.get(name)} in requirements.lock: "
            "run deploy/update-lock.sh"
        )
    for entry in re.split(r"\n(?=[a-z0-9])", lock):
        if re.match(r"^[a-z0-9].*==", entry):
            assert "--hash=sha256:" in entry, entry.splitlines()[0]


@needs_nginx
def test_the_nginx_config_is_valid(tmp_path):
    config = nginx_config_for_this_machine(tmp_path)
    result = subprocess.run(
        nginx_command(config, tmp_path, "-t"), capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


@needs_nginx
def test_nginx_serves_static_files_and_caches_hashed_ones_for_a_year(nginx_front):
    base, _directory = nginx_front
    status, headers, body = fetch(base + "/static/css/site.0123456789ab.css")
    assert status == 200 and body == b"body{}"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"


@needs_nginx
@pytest.mark.django_db(transaction=True)
def test_nginx_serves_public_uploads_in_a_sandbox(nginx_front):
    base, _directory = nginx_front
    release = PressReleaseFactory(image=jpeg(), image_alt_fr="Un abri")
    status, headers, body = fetch(base + release.image.url)
    assert status == 200
    with release.image.open() as stored:
        assert body == stored.read()
    assert headers["Content-Type"] == "image/jpeg"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


@needs_nginx
def test_nginx_refuses_a_body_over_10_mb_before_django_sees_it(nginx_front):
    base, _directory = nginx_front
    status, _headers, _body = fetch(base + "/admin/login/", data=b"x" * (10 * 1024 * 1024 + 1))
    assert status == 413


@needs_nginx
def test_nginx_passes_requests_to_django_with_a_request_id(nginx_front):
    base, directory = nginx_front
    status, headers, body = fetch(base + "/healthz", headers={"X-Real-IP": "6.6.6.6"})
    assert (status, body) == (200, b"ok\n")
    request_id = headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id, kept by Django
    time.sleep(0.2)
    assert f"request_id={request_id}" in (directory / "access.log").read_text()


@needs_nginx
def test_nginx_logs_a_preview_address_without_its_token(nginx_front):
    base, directory = nginx_front
    fetch(base + "/fr/communiques/apercu/0123abcd:s3cr3t-Sig_n/?x=1")
    fetch(base + "/fr/communiques/un-communique/")
    time.sleep(0.2)
    log = (directory / "access.log").read_text()
    assert "s3cr3t" not in log
    assert '"GET /fr/communiques/apercu/<token>/?x=1 HTTP/1.1"' in log
    assert '"GET /fr/communiques/un-communique/ HTTP/1.1"' in log


def jpeg():
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1200, 600), "teal").save(out, "JPEG")
    return SimpleUploadedFile("IMG_1234.jpg", out.getvalue(), content_type="image/jpeg")


SIGNED_LINKS = (
    "pressroom:preview",
    "alerts:confirm",
    "alerts:manage",
    "alerts:export",
    "alerts:unsubscribe",
)


@needs_nginx
def test_nginx_logs_no_token_of_any_signed_link_in_any_language(nginx_front):
    """Every address that carries a signed link's token, as Django writes it in each language,
    and the same address as the Referer of the next request: no part of the token is logged."""
    base, directory = nginx_front
    token = "0123456789abcdef0123456789abcdef:s3cr3tSignature_0123456789abcdefghijkl"
    addresses = []
    for code, _name in django_settings.LANGUAGES:
        with translation.override(code):
            addresses += [reverse(name, kwargs={"token": token}) for name in SIGNED_LINKS]
    assert len(addresses) == len(SIGNED_LINKS) * len(django_settings.LANGUAGES)
    for address in addresses:
        fetch(base + address.rstrip("/"))
        fetch(base + address + "more/?x=1", data=b"x=1")
        fetch(base + "/fr/", headers={"Referer": base + address + "?next=1"})
    time.sleep(0.2)
    log = (directory / "access.log").read_text()
    assert "s3cr3t" not in log and "0123456789abcdef" not in log
    assert log.count("<token>") >= 3 * len(addresses)  # two paths and a Referer each


# --- rate limits ---------------------------------------------------------------------------------


def burst(url, count, data=None):
    """count requests at once (8 at a time), as a scraper would send them: their statuses."""
    return burst_of([url] * count, data=data)


def burst_of(urls, data=None):
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda url: fetch(url, data=data), urls))
    return [status for status, _headers, _body in answers], answers


@needs_nginx
def test_a_burst_on_the_finder_gets_429_in_french_and_other_pages_are_unaffected(nginx_front):
    base, _directory = nginx_front
    statuses, answers = burst(base + "/fr/communiques/", 40)
    assert statuses.count(200) >= 10  # the burst allowance
    assert 429 in statuses, statuses
    assert set(statuses) == {200, 429}, statuses
    _status, headers, body = answers[statuses.index(429)]
    page = body.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert "Trop de requêtes" in page and "Veuillez patienter une minute" in page
    assert headers["Retry-After"] == "60"
    assert headers["Cache-Control"] == "no-store"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    # The same visitor, at once: its feed and API share the finder's budget (spent; it refills
    # by 2 a second, so a slow machine may let one or two through: their own budget of 10 would
    # let all six through)...
    shared, _answers = burst_of([base + "/fr/communiques/feed/", base + "/fr/communiques/api/"] * 3)
    assert shared.count(429) >= 3, shared
    # ... but every other page answers as usual.
    for path in ("/fr/", "/fr/communiques/un-communique/", "/healthz", "/fr/evenements/"):
        assert fetch(base + path)[0] != 429, path
    other, _answers = burst(base + "/fr/", 30)
    assert 429 not in other


@needs_nginx
@pytest.mark.parametrize(
    ("path", "lang", "words"),
    [
        ("/en/press-releases/api/", "en", "Please wait a minute"),
        ("/es/comunicados/feed/", "es", "Espere un minuto"),
    ],
)
def test_the_429_page_speaks_the_language_of_the_address(nginx_front, path, lang, words):
    base, _directory = nginx_front
    statuses, answers = burst(base + path, 30)
    assert 429 in statuses, statuses
    page = answers[statuses.index(429)][2].decode()
    assert f'<html lang="{lang}" dir="ltr">' in page and words in page


@needs_nginx
def test_a_burst_of_logins_gets_429_before_django(nginx_front):
    base, _directory = nginx_front
    statuses, _answers = burst(base + "/admin/login/", 20, data=b"username=a&password=b")
    assert 429 in statuses, statuses
    assert statuses.count(429) >= 8  # bursts of 10 allowed, the rest refused
    assert fetch(base + "/admin/login/")[0] == 200  # reading the form is not limited


def fetch_from(source, url, data=None, headers=None):
    """A request sent from the loopback address `source` (127.0.0.2 is this machine too, but
    not an address nginx trusts in these tests): its status."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=10, source_address=(source, 0)
    )
    try:
        method = "POST" if data is not None else "GET"
        form = {"Content-Type": "application/x-www-form-urlencoded"} if data is not None else {}
        connection.request(method, parts.path, body=data, headers={**form, **(headers or {})})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def spoofed_logins(base, source, count=20):
    """`count` login POSTs from `source`, each claiming another visitor in X-Forwarded-For."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(
            pool.map(
                lambda n: fetch_from(
                    source,
                    base + "/admin/login/",
                    data=b"username=a&password=b",
                    headers={"X-Forwarded-For": f"203.0.113.{n + 1}"},
                ),
                range(count),
            )
        )


@needs_nginx
def test_a_spoofed_forwarded_for_from_an_untrusted_address_does_not_escape_the_limit(
    nginx_front,
):
    base, directory = nginx_front  # TRUSTED_PROXIES=127.0.0.1
    statuses = spoofed_logins(base, "127.0.0.2")
    assert statuses.count(429) >= 8, statuses  # one budget: the connection's own address
    time.sleep(0.2)
    lines = (directory / "access.log").read_text().splitlines()
    logins = [line for line in lines if "POST /admin/login/" in line]
    assert logins and all(line.startswith("127.0.0.2 ") for line in logins), logins[:3]


@needs_nginx
def test_a_trusted_proxy_passes_each_visitors_own_address(nginx_front):
    base, directory = nginx_front
    statuses = spoofed_logins(base, "127.0.0.1")  # Varnish, adding each visitor's address
    assert 429 not in statuses, statuses  # twenty visitors, twenty budgets
    time.sleep(0.2)
    log = (directory / "access.log").read_text()
    assert "203.0.113.20 " in log


@needs_nginx
@pytest.mark.parametrize("nginx_front", ["::1 127.0.0.0/8"], indirect=True)
def test_trusted_proxies_decides_whose_forwarded_for_is_believed(nginx_front):
    base, directory = nginx_front  # now 127.0.0.2 is trusted too
    statuses = spoofed_logins(base, "127.0.0.2")
    assert 429 not in statuses, statuses
    time.sleep(0.2)
    assert "203.0.113.20 " in (directory / "access.log").read_text()


@pytest.mark.parametrize("value", ["", " , ", "10.0.0.0/8; include /etc/passwd", "localhost"])
def test_the_trusted_proxies_script_refuses_what_is_not_an_address(tmp_path, value):
    with pytest.raises(subprocess.CalledProcessError):
        write_trusted_proxies(tmp_path, value)


def test_the_trusted_proxies_script_writes_one_line_per_address(tmp_path):
    path = write_trusted_proxies(tmp_path, "172.28.0.0/24, 10.1.2.3 2001:db8::/32")
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    assert lines == [
        "set_real_ip_from 172.28.0.0/24;",
        "set_real_ip_from 10.1.2.3;",
        "set_real_ip_from 2001:db8::/32;",
    ]


def test_compose_trusts_forwarded_for_from_its_own_network_only():
    data = compose()
    [network] = data["networks"]["default"]["ipam"]["config"]
    assert network["subnet"] == "${COMPOSE_SUBNET:-172.28.0.0/24}"
    nginx = data["services"]["nginx"]
    assert nginx["environment"]["TRUSTED_PROXIES"] == (
        "${TRUSTED_PROXIES:-${COMPOSE_SUBNET:-172.28.0.0/24}}"
    )
    script = "./deploy/nginx/trusted-proxies.sh:/docker-entrypoint.d/15-trusted-proxies.sh:ro"
    assert script in nginx["volumes"]
    assert os.access(ROOT / "deploy" / "nginx" / "trusted-proxies.sh", os.X_OK)  # else skipped
    assert not re.search(r"^\s*set_real_ip_from", NGINX_CONF.read_text(), re.MULTILINE)


def nginx_map(name):
    """The patterns of one `map ... $name { ... }` block of nginx.conf."""
    block = re.search(r"map [^{]*\$" + name + r" \{(.*?)\n    \}", NGINX_CONF.read_text(), re.S)
    return re.findall(r'"~([^"]+)"', block.group(1))


LANGUAGE_CODES = [code for code, _name in django_settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("name", ["list", "feed", "api"])
def test_the_finder_limit_names_the_finder_in_every_language(language, name):
    [pattern] = nginx_map("finder_limit_key")
    with translation.override(language):
        address = reverse(f"pressroom:{name}")
        release = reverse("pressroom:detail", kwargs={"slug": "a-release"})
    assert re.search(pattern, address), address
    assert not re.search(pattern, release), release


def test_the_429_page_exists_in_every_language_nginx_picks(tmp_path):
    call_command("render_error_pages", output=tmp_path)
    codes = LANGUAGE_CODES
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        f"429.{code}.html" for code in codes
    )
    [pattern] = nginx_map("page_language")
    picked = re.search(r"\(\?<code>([a-z|]+)\)", pattern).group(1).split("|")
    assert set(picked) == set(codes) - {django_settings.LANGUAGE_CODE}
    assert f"default {django_settings.LANGUAGE_CODE};" in NGINX_CONF.read_text()


def test_the_image_renders_the_error_pages_nginx_serves():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "python manage.py render_error_pages" in dockerfile
    assert "alias /srv/iom-cms/static/errors/429.$page_language.html;" in NGINX_CONF.read_text()


# --- migrations, replicas, timeouts ---------------------------------------------------------------


def test_migrations_run_once_in_a_job_that_every_app_container_waits_for():
    services = compose()["services"]
    migrate = services["migrate"]
    assert migrate["entrypoint"] + migrate["command"][:1] == [
        "python",
        "manage.py",
        "migrate_locked",
    ]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    # web, and any other container of the site's image (a task worker), starts after it.
    app_services = [
        name for name, service in services.items() if "build" in service and name != "migrate"
    ]
    assert "web" in app_services
    for name in app_services:
        condition = services[name]["depends_on"]["migrate"]["condition"]
        assert condition == "service_completed_successfully", name
    commands = [
        line
        for line in (ROOT / "scripts" / "docker-entrypoint.sh").read_text().splitlines()
        if not line.lstrip().startswith("#")
    ]
    assert not any("migrate" in line for line in commands), commands


def test_web_replicas_come_from_the_environment():
    web = compose()["services"]["web"]
    assert web["deploy"]["replicas"] == "${WEB_REPLICAS:-2}"
    assert "container_name" not in web  # a fixed name would allow one replica only


def gunicorn_settings(**environment):
    """deploy/gunicorn.conf.py as gunicorn reads it, with the given environment only."""
    code = (
        "import json, runpy; c = runpy.run_path('deploy/gunicorn.conf.py'); "
        "print(json.dumps({k: c[k] for k in ('bind', 'workers', 'threads', 'timeout', "
        "'graceful_timeout', 'control_socket', 'control_socket_disable')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_image_runs_gunicorn_with_its_config_file():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "iom_cms.wsgi"]' in dockerfile


def test_gunicorn_reads_its_settings_from_the_environment():
    assert gunicorn_settings() == {
        "bind": "0.0.0.0:8000",
        "workers": 3,
        "threads": 1,
        "timeout": 30,
        "graceful_timeout": 30,
        "control_socket": "",
        "control_socket_disable": True,
    }
    tuned = gunicorn_settings(
        GUNICORN_WORKERS="5", GUNICORN_THREADS="4", GUNICORN_CONTROL_SOCKET="/run/g.ctl"
    )
    assert (tuned["workers"], tuned["threads"]) == (5, 4)
    assert (tuned["control_socket"], tuned["control_socket_disable"]) == ("/run/g.ctl", False)


def test_every_variable_gunicorn_reads_is_in_env_example():
    config = (ROOT / "deploy" / "gunicorn.conf.py").read_text()
    read = set(re.findall(r"""(?:environ\.get|number)\(\s*"([A-Z][A-Z0-9_]*)\"""", config))
    assert {"GUNICORN_WORKERS", "GUNICORN_TIMEOUT", "GUNICORN_CONTROL_SOCKET"} <= read
    assert read <= variables_in_env_example(), read - variables_in_env_example()


def seconds(value):
    match = re.fullmatch(r"(\d+)(s|m)", value)
    return int(match.group(1)) * (60 if match.group(2) == "m" else 1)


def test_timeouts_are_aligned_from_gunicorn_to_nginx_and_compose():
    gunicorn = gunicorn_settings()
    [read_timeout] = re.findall(r"proxy_read_timeout (\w+);", NGINX_CONF.read_text())
    stop_grace = compose()["services"]["web"]["stop_grace_period"]
    # gunicorn gives up on a request first (and replaces its worker): nginx still waits for
    # that answer rather than cutting the request while Django works on it.
    assert gunicorn["timeout"] < seconds(read_timeout)
    # On SIGTERM, a request that started just before may take its full time...
    assert gunicorn["graceful_timeout"] >= gunicorn["timeout"]
    # ... and Docker waits for the workers before it kills them.
    assert seconds(stop_grace) > gunicorn["graceful_timeout"]


# --- base images ----------------------------------------------------------------------------------

# The last day each release line of a base image gets security fixes. Sources: python.org
# (devguide "Status of Python versions"), nodejs.org ("Previous releases"), postgresql.org
# ("Versioning policy"), nginx.org (a stable line ends when the next one is released, each
# April); Debian's security support for the distribution an image is built on.
END_OF_LIFE = {
    "python": {"3.10": "2026-10-31", "3.11": "2027-10-31", "3.12": "2028-10-31",
               "3.13": "2029-10-31", "3.14": "2030-10-31"},
    "node": {"20": "2026-04-30", "22": "2027-04-30", "24": "2028-04-30", "26": "2029-04-30"},
    "postgres": {"14": "2026-11-12", "15": "2027-11-11", "16": "2028-11-09",
                 "17": "2029-11-08", "18": "2030-11-14"},
    "nginx": {"1.28": "2026-04-14", "1.30": "2027-04-30"},
}  # fmt: skip
DEBIAN_END_OF_LIFE = {"bullseye": "2024-08-14", "bookworm": "2026-06-10", "trixie": "2028-08-09"}
IMAGE_REFERENCE = re.compile(r"^(?P<name>[^:@\s]+)(?::(?P<tag>[^@\s]+))?(?:@(?P<digest>\S+))?$")


def base_images(dockerfile=None, compose_file=None):
    """Every image reference the Dockerfile builds from and compose runs, except our own."""
    dockerfile = (dockerfile or ROOT / "Dockerfile").read_text()
    data = yaml.safe_load((compose_file or COMPOSE_FILE).read_text())
    stages = re.findall(r"^FROM\s+\S+\s+AS\s+(\S+)", dockerfile, re.MULTILINE | re.IGNORECASE)
    images = [
        reference
        for reference in re.findall(r"^FROM\s+(\S+)", dockerfile, re.MULTILINE)
        if reference not in stages
    ]
    images += [service["image"] for service in data["services"].values() if "build" not in service]
    return [
        IMAGE_REFERENCE.match(reference).groupdict() | {"ref": reference} for reference in images
    ]


def test_base_images_name_a_release_line_never_a_moving_tag():
    for image in base_images():
        tag = image["tag"] or ""
        assert re.search(r"\d", tag), f"{image['ref']}: name a version, not {tag or 'latest'}"


def test_no_base_image_is_past_its_end_of_life():
    today = datetime.date.today().isoformat()
    for image in base_images():
        name = image["name"].removeprefix("docker.io/").removeprefix("library/")
        tag = image["tag"]
        if name in END_OF_LIFE:
            line = re.match(r"\d+(?:\.\d+)?", tag).group()
            lines = END_OF_LIFE[name]
            line = line if line in lines else line.split(".")[0]
            assert line in lines, f"{image['ref']}: add the end of life of {name} {line} here"
            assert today <= lines[line], f"{image['ref']}: {name} {line} ended on {lines[line]}"
        for codename, end in DEBIAN_END_OF_LIFE.items():
            if codename in tag:
                assert today <= end, f"{image['ref']}: Debian {codename} ended on {end}"
    names = {image["name"] for image in base_images()}
    assert {"python", "node", "nginx", "postgres"} <= names


def test_base_images_are_pinned_by_digest_all_or_none():
    """deploy/pin-images.sh adds the digests; with REQUIRE_IMAGE_DIGESTS=true all are required."""
    images = base_images()
    for image in images:
        if image["digest"]:
            assert re.fullmatch(r"sha256:[0-9a-f]{64}", image["digest"]), image["ref"]
    pinned = [image["ref"] for image in images if image["digest"]]
    if pinned or os.environ.get("REQUIRE_IMAGE_DIGESTS") == "true":
        unpinned = [image["ref"] for image in images if not image["digest"]]
        assert unpinned == [], "run deploy/pin-images.sh"


def test_pin_images_pins_every_base_image_and_only_those(tmp_path):
    (tmp_path / "deploy").mkdir()
    for name in ("Dockerfile", "docker-compose.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "deploy" / "pin-images.sh", tmp_path / "deploy")
    # A docker that answers `buildx imagetools inspect IMAGE` with a digest made from the name.
    fake = tmp_path / "bin" / "docker"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\necho sha256:$(printf %s "$4" | sha256sum | cut -c1-64)\n')
    fake.chmod(0o755)
    environment = {"PATH": f"{fake.parent}:{os.environ['PATH']}"}
    for _ in range(2):  # a second run refreshes the digests, it does not add more
        result = subprocess.run(
            [tmp_path / "deploy" / "pin-images.sh"],
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
    pinned = base_images(tmp_path / "Dockerfile", tmp_path / "docker-compose.yml")
    assert len(pinned) == len(base_images())
    for image in pinned:
        digest = hashlib.sha256(f"{image['name']}:{image['tag']}".encode()).hexdigest()
        assert image["digest"] == f"sha256:{digest}", image["ref"]
    compose_text = (tmp_path / "docker-compose.yml").read_text()
    assert "image: iom-cms:local\n" in compose_text

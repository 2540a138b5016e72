"""The deployment files agree with each other and with the settings.

docker-compose.yml is checked offline (no Docker engine needed); the settings are started in a
subprocess with a production-like environment; nginx's config is tested by the nginx of this
machine when there is one, in front of the live test server.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

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
    assert services["varnish"]["image"].startswith("varnish:7")
    assert (
        "./deploy/varnish/default.vcl:/etc/varnish/default.vcl:ro" in services["varnish"]["volumes"]
    )
    assert "volatile-lru" in services["redis"]["command"]
    assert services["worker"]["entrypoint"] == ["python", "manage.py", "db_worker"]
    for name in ("web", "worker"):
        environment = services[name]["environment"]
        assert environment["CACHE_URL"] == "redis://redis:6379/1"
        assert environment["EDGE_PURGE_URLS"] == "http://varnish:80/"


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


# --- nginx in front of gunicorn ---------------------------------------------------------------

NGINX_CONF = ROOT / "deploy" / "nginx" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# CI installs nginx (.ci/run); there a missing nginx must fail the run, not skip these tests.
needs_nginx = pytest.mark.skipif(
    not os.path.exists(NGINX) and os.environ.get("CI") != "true",
    reason="nginx not installed (apt-get install nginx-light)",
)


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
    assert "server web:8000;" in config


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


def nginx_config_for_this_machine(directory, upstream="127.0.0.1:8000", port=80):
    """deploy/nginx/nginx.conf with this machine's paths: compose's names do not resolve here."""
    config = NGINX_CONF.read_text()
    config = config.replace("server web:8000;", f"server {upstream};")
    config = config.replace("listen 80 default_server;", f"listen 127.0.0.1:{port};")
    config = config.replace("/srv/iom-cms/", f"{directory}/srv/")
    config = config.replace("error_log /dev/stderr warn;", f"error_log {directory}/error.log;")
    config = config.replace(
        "access_log /dev/stdout main;", f"access_log {directory}/access.log main;"
    )
    temp = "".join(
        f"    {kind}_temp_path {directory}/{kind}-temp;\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = config.replace("http {\n", "http {\n" + temp, 1)
    path = Path(directory) / "nginx.conf"
    path.write_text(config)
    return path


def nginx_command(config, directory, *arguments):
    return [
        NGINX,
        "-p",
        str(directory),
        "-c",
        str(config),
        "-e",
        f"{directory}/error.log",
        "-g",
        f"pid {directory}/nginx.pid;",
        *arguments,
    ]


@needs_nginx
def test_the_nginx_config_is_valid(tmp_path):
    config = nginx_config_for_this_machine(tmp_path)
    result = subprocess.run(
        nginx_command(config, tmp_path, "-t"), capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def nginx_front(live_server, settings):
    """Our nginx config in front of the live test server, with its own static and media."""
    directory = Path(tempfile.mkdtemp(prefix="nginx-"))
    (directory / "srv" / "static" / "css").mkdir(parents=True)
    (directory / "srv" / "media" / "releases").mkdir(parents=True)
    (directory / "srv" / "static" / "css" / "site.0123456789ab.css").write_text("body{}")
    (directory / "srv" / "media" / "releases" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    for path in [directory, *directory.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # workers run as "nobody" under root
    port = free_port()
    upstream = live_server.url.removeprefix("http://")
    config = nginx_config_for_this_machine(directory, upstream=upstream, port=port)
    server = subprocess.Popen(nginx_command(config, directory, "-g", "daemon off;"))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/static/css/site.0123456789ab.css", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        yield base, directory
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(directory, ignore_errors=True)


def fetch(url, data=None, headers=None, timeout=10):
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@needs_nginx
def test_nginx_serves_static_files_and_caches_hashed_ones_for_a_year(nginx_front):
    base, _directory = nginx_front
    status, headers, body = fetch(base + "/static/css/site.0123456789ab.css")
    assert status == 200 and body == b"body{}"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"


@needs_nginx
def test_nginx_serves_uploads_in_a_sandbox(nginx_front):
    base, _directory = nginx_front
    status, headers, _body = fetch(base + "/media/releases/photo.jpg")
    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"
    assert "sandbox" in headers["Content-Security-Policy"]


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

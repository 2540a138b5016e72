"""The deployment files agree with each other and with the settings.

docker-compose.yml is checked offline (no Docker engine needed); the settings are started in a
subprocess with a production-like environment. None of these tests touches the database.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

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
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
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
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_defines_the_db_and_web_services():
    assert {"db", "web"} <= set(compose()["services"])


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
    paths = [env_file] if isinstance(env_file, str) else [
        entry if isinstance(entry, str) else entry["path"] for entry in env_file
    ]
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


def test_settings_refuse_to_start_with_debug_off_and_no_secret_key(tmp_path):
    environment = production_environment(tmp_path)
    del environment["SECRET_KEY"]
    result = run_django("import django; django.setup()", **environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr

"""The development environment is the production image's, plus the tools: same pins, same files.

`make run` installs requirements.lock (the image's lock), `make test` requirements-dev.lock; both
are written by deploy/update-lock.sh from pyproject.toml. The Makefile makes .venv again when an
earlier attempt left it half-made.
"""

import re
import shutil
import subprocess
import textwrap
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def locked(name):
    """{package: (version, hashes)} of a lock file written by pip-compile --generate-hashes."""
    text = (ROOT / name).read_text()
    entries = {}
    for entry in re.split(r"\n(?=[a-z0-9])", text):
        if match := re.match(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\$", entry, re.MULTILINE):
            entries[match[1]] = (match[2], sorted(re.findall(r"--hash=(sha256:\w+)", entry)))
    assert entries, f"{name} has no pins"
    return entries


def pins(requirements):
    for line in requirements:
        requirement = Requirement(line)
        [version] = [spec.version for spec in requirement.specifier]
        yield re.sub(r"[-_.]+", "-", requirement.name).lower(), version


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
RUNTIME = dict(pins(PROJECT["dependencies"]))
DEV = dict(pins(PROJECT["optional-dependencies"]["dev"]))


def test_the_development_lock_pins_every_dependency_as_pyproject_does():
    dev_lock = locked("requirements-dev.lock")
    for name, version in {**RUNTIME, **DEV}.items():
        assert dev_lock.get(name, (None,))[0] == version, (
            f"{name}=={version} in pyproject.toml but not in requirements-dev.lock: "
            "run deploy/update-lock.sh"
        )


def test_every_package_both_locks_name_has_the_same_version_and_files():
    runtime_lock, dev_lock = locked("requirements.lock"), locked("requirements-dev.lock")
    assert set(runtime_lock) <= set(dev_lock), "the tests lack a package the image installs"
    for name, (version, hashes) in runtime_lock.items():
        assert dev_lock[name] == (version, hashes), (
            f"{name}: {version} in requirements.lock, {dev_lock[name][0]} in "
            "requirements-dev.lock: run deploy/update-lock.sh"
        )


def test_every_locked_package_has_hashes():
    for name in ("requirements.lock", "requirements-dev.lock"):
        for package, (_version, hashes) in locked(name).items():
            assert hashes, f"{package} in {name}"


def test_make_installs_the_lock_files_and_make_run_only_the_runtime_one():
    makefile = (ROOT / "Makefile").read_text()
    runtime_recipe = re.search(r"^\$\(VENV\)/\.installed-run:.*?\n\n", makefile, re.M | re.S)[0]
    dev_recipe = re.search(r"^\$\(VENV\)/\.installed-dev:.*?\n\n", makefile, re.M | re.S)[0]
    assert "--require-hashes --no-deps -r requirements.lock" in runtime_recipe
    assert "--require-hashes --no-deps -r requirements-dev.lock" in dev_recipe
    for recipe in (runtime_recipe, dev_recipe):
        assert "--no-deps -e ." in recipe and ".[dev]" not in recipe
    assert re.search(r"^run: venv-run ", makefile, re.M)
    assert re.search(r"^venv-run: \$\(VENV\)/\.installed-run ", makefile, re.M)


# --- A half-made .venv ---------------------------------------------------------------------------
# The Makefile runs in a temporary folder with a stand-in for python3 whose `-m venv DIR` makes a
# DIR/bin/python that answers `-m pip --version`, and with INSTALL=true, so nothing is installed.

FAKE_PYTHON = textwrap.dedent(
    """\
    #!/bin/sh
    # Called as: python3 -m venv DIR
    echo made >> "$(dirname "$0")/venvs-made"
    mkdir -p "$3/bin"
    printf '#!/bin/sh\\nexit 0\\n' > "$3/bin/python"
    chmod +x "$3/bin/python"
    """
)
# A machine without python3-venv: `python3 -m venv` makes a .venv without pip, and fails.
PYTHON_WITHOUT_VENV = textwrap.dedent(
    """\
    #!/bin/sh
    mkdir -p "$3/bin"
    ln -s /bin/false "$3/bin/python"
    echo "The virtual environment was not created successfully because ensurepip is not available."
    exit 1
    """
)


@pytest.fixture
def project(tmp_path):
    for name in ("Makefile", "requirements.lock", "requirements-dev.lock", "pyproject.toml"):
        (tmp_path / name).write_text((ROOT / name).read_text())
    for name, script in (("python", FAKE_PYTHON), ("python-without-venv", PYTHON_WITHOUT_VENV)):
        (tmp_path / name).write_text(script)
        (tmp_path / name).chmod(0o755)
    return tmp_path


def make(project, target, python="python"):
    return subprocess.run(
        [
            shutil.which("make"),
            "--no-print-directory",
            f"PYTHON={project / python}",
            "INSTALL=true",
            target,
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def venvs_made(project):
    log = project / "venvs-made"
    return len(log.read_text().splitlines()) if log.exists() else 0


@pytest.mark.parametrize("target", [".venv/.installed-dev", ".venv/.installed-run"])
@pytest.mark.parametrize(
    "half_made",
    [
        pytest.param("#!/bin/sh\nexit 1\n", id="python-without-pip"),
        pytest.param(None, id="no-python"),
    ],
)
def test_a_half_made_venv_is_made_again(project, target, half_made):
    (project / ".venv/bin").mkdir(parents=True)
    (project / ".venv/left-over").touch()
    if half_made:
        (project / ".venv/bin/python").write_text(half_made)
        (project / ".venv/bin/python").chmod(0o755)

    result = make(project, target)

    assert result.returncode == 0, result.stderr
    assert venvs_made(project) == 1
    assert not (project / ".venv/left-over").exists()
    assert (project / target).exists()


def test_a_working_venv_is_kept(project):
    assert make(project, ".venv/.installed-run").returncode == 0
    (project / ".venv/.installed-run").unlink()  # as when requirements.lock changes

    assert make(project, ".venv/.installed-run").returncode == 0
    assert make(project, ".venv/.installed-dev").returncode == 0
    assert venvs_made(project) == 1


def test_without_python3_venv_make_says_what_to_install_and_leaves_no_half_made_venv(project):
    result = make(project, ".venv/.installed-dev", python="python-without-venv")

    assert result.returncode != 0
    assert "install python3-venv" in result.stderr
    assert not (project / ".venv").exists()


def test_pre_commit_runs_the_checks_of_make_test_with_the_pinned_tools_only():
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert {repo["repo"] for repo in config["repos"]} == {"local"}, "nothing to download"
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {hook["language"] for hook in hooks} == {"system"}
    entries = " | ".join(hook["entry"] for hook in hooks)
    test_script = (ROOT / "scripts/test.sh").read_text()
    for check in ("ruff check", "ruff format --check", "mypy", "makemigrations --check"):
        assert check in test_script and check in entries, check

#!/usr/bin/env bash
# What `make test` runs: lint and formatting (ruff), type checks (mypy: core/ and the services),
# a check for missing migrations, then pytest on a throwaway PostgreSQL (scripts/pgtest.sh).
# Arguments go to pytest: scripts/test.sh -k feed -x
#
# Without the PostgreSQL server binaries the tests run on SQLite and say so; with CI=true that is
# a failure, so CI can never pass on the wrong database without anyone noticing.
set -euo pipefail
cd "$(dirname "$0")/.."

make --silent venv  # quiet when there is nothing to install
export PATH="$PWD/.venv/bin:$PATH"
export DJANGO_SETTINGS_MODULE=iom_cms.test_settings

echo "== ruff"
ruff check .
ruff format --check .

echo "== mypy"
mypy  # what it checks: [tool.mypy] in pyproject.toml

echo "== missing migrations"
DATABASE_URL="sqlite://:memory:" python manage.py makemigrations --check --dry-run

if scripts/pgtest.sh available; then
  echo "== pytest on a throwaway PostgreSQL"
  exec scripts/pgtest.sh run -- pytest "$@"
fi

if [[ ${CI:-} == true ]]; then
  echo "PostgreSQL server binaries not found: CI=true requires the tests to run on PostgreSQL" >&2
  exit 1
fi
echo "PostgreSQL server binaries not found: running the tests on SQLite"
DATABASE_URL="sqlite://:memory:" exec pytest "$@"

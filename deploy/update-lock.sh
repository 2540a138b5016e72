#!/usr/bin/env bash
# Regenerate requirements.lock from pyproject.toml's runtime dependencies: every package the
# production image installs, transitive ones included, pinned with the hashes of its files on
# PyPI. Run it after changing a version in pyproject.toml, then `make test`, then commit both.
#   deploy/update-lock.sh            # needs network access to PyPI
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=${TOOLS_VENV:-var/lock-tools}
if [[ ! -x $TOOLS/bin/pip-compile ]]; then
  python3 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install --quiet pip-tools==7.6.2
fi
# Straight from PyPI, whatever the local pip configuration adds (mirrors, wheel folders): the
# hashes must be those of the files the Docker build downloads.
PIP_CONFIG_FILE=/dev/null "$TOOLS/bin/pip-compile" --quiet --generate-hashes --strip-extras \
  --no-emit-index-url --no-emit-find-links --index-url https://pypi.org/simple \
  --output-file requirements.lock pyproject.toml
echo "requirements.lock updated; now run make test and commit it with pyproject.toml."

#!/usr/bin/env bash
# Regenerate the two lock files from pyproject.toml: every package, transitive ones included,
# pinned with the hashes of its files on PyPI.
#   requirements.lock      the runtime dependencies: what the production image and `make run` install
#   requirements-dev.lock  the same plus the dev extra (tests, linters, mypy): what `make test`
#                          installs; constrained by requirements.lock, so a package both need has
#                          the same version in both (tests/test_deployment.py checks it)
# Run it after changing a version in pyproject.toml, then `make test`, then commit the three files.
#   deploy/update-lock.sh            # needs network access to PyPI
# pip-compile keeps the versions already in a lock file when it can; to move everything to the
# newest versions pyproject.toml allows, delete both lock files first.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=${TOOLS_VENV:-var/lock-tools}
if [[ ! -x $TOOLS/bin/pip-compile ]]; then
  python3 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install --quiet pip-tools==7.6.2
fi
# Straight from PyPI, whatever the local pip configuration adds (mirrors, wheel folders,
# constraints): the hashes must be those of the files the Docker build downloads.
compile() {
  PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= PIP_CONSTRAINT= "$TOOLS/bin/pip-compile" --quiet \
    --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
    --index-url https://pypi.org/simple "$@" pyproject.toml
}
compile --output-file requirements.lock
compile --extra dev --constraint requirements.lock --output-file requirements-dev.lock
echo "requirements.lock and requirements-dev.lock updated; now run make test and commit them" \
  "with pyproject.toml."

# Everyday commands. Needs python3 and npm; `make test` also wants the PostgreSQL server binaries.
#   make run                  try the site at http://127.0.0.1:8000/ with demo content (and the
#                             task worker: email alerts are printed in the terminal)
#   make test ARGS="-k feed"  lint, migration check and the tests (ARGS go to pytest)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: venv venv-run run test lint messages clean

# Both install exactly the lock files (hashes checked, transitive dependencies included), then the
# project itself without dependencies, as the Dockerfile does. `make run` needs only the runtime
# lock (requirements.lock, the image's); `make test` (scripts/test.sh) and `make venv` the
# development lock, which adds the test tools, Playwright and the linters at the same versions.
# Stamp files remember what was installed: pip and npm run again only when a lock file,
# pyproject.toml or package-lock.json changes. deploy/update-lock.sh writes the lock files.
venv: $(VENV)/.installed-dev node_modules/.installed
venv-run: $(VENV)/.installed-run node_modules/.installed

INSTALL = $(BIN)/python -m pip install --quiet --disable-pip-version-check

# Makes .venv, or makes it again when the one there is half-made: a machine without python3-venv
# leaves a .venv with no pip (or no bin/python) behind, and a Python upgrade can break its link.
define make-venv
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV) \
	  && $(BIN)/python -m pip --version >/dev/null 2>&1; } || { \
	  rm -rf $(VENV); \
	  echo "$(PYTHON) -m venv could not make $(VENV) with pip: install python3-venv (Debian)." >&2; \
	  exit 1; }
endef

$(VENV)/.installed-run: requirements.lock pyproject.toml
	$(make-venv)
	$(INSTALL) --require-hashes --no-deps -r requirements.lock
	$(INSTALL) --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock pyproject.toml
	$(make-venv)
	$(INSTALL) --require-hashes --no-deps -r requirements-dev.lock
	$(INSTALL) --no-deps -e .
	touch $@

# npm ci starts by deleting node_modules, stamp included.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The first run writes a .env for trying the site: DEBUG on and a key of its own.
# No prerequisite on purpose: an existing .env is never overwritten.
.env:
	sed -e 's/^DEBUG=.*/DEBUG=true/' \
	    -e "s/^SECRET_KEY=.*/SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')/" \
	    .env.example > $@
	@echo "Wrote .env (DEBUG=true) for trying the site."

# The task worker (email alerts) runs beside the server and stops with it; with DEBUG on, the
# emails it sends are printed in this terminal (EMAIL_URL in .env sends them for real).
run: venv-run .env
	$(MANAGE) migrate
	$(MANAGE) load_demo
	$(MANAGE) db_worker --no-reload & WORKER=$$!; trap 'kill $$WORKER' EXIT; \
	  $(MANAGE) runserver 127.0.0.1:8000

test:
	scripts/test.sh $(ARGS)

lint: venv
	$(BIN)/ruff check .

messages: venv
	$(MANAGE) makemessages --all --ignore=.venv --ignore=node_modules --ignore=var
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

# Keeps .env and the data in var/ (the SQLite database and uploaded media).
clean:
	rm -rf $(VENV) node_modules var/static .ruff_cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

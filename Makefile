# Everyday commands. Needs python3 and npm; `make test` also wants the PostgreSQL server binaries.
#   make run                  try the site at http://127.0.0.1:8000/ with demo content
#   make test ARGS="-k feed"  lint, migration check and the tests (ARGS go to pytest)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: venv run test lint messages clean

# Stamp files remember what was installed: pip and npm run again only when
# pyproject.toml or package-lock.json change.
venv: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
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

run: venv .env
	$(MANAGE) migrate
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

test:
	scripts/test.sh $(ARGS)

lint: venv
	$(BIN)/ruff check .

messages: venv
	$(MANAGE) makemessages -l fr -l en -l es --ignore=.venv --ignore=node_modules --ignore=var
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

# Keeps .env and the data in var/ (the SQLite database and uploaded media).
clean:
	rm -rf $(VENV) node_modules var/static .ruff_cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

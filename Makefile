# Taller: `make run` serves the site with demo content, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test setup setup-test lint check messages clean

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Taller needs Python 3.11 or newer (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	@touch $@

# The PDFs are not made here: publishing the demo queues them in the
# database (TASKS_BACKEND=database), and the worker `make run` starts makes
# them in the background while the site is already served.
setup: $(VENV)/.installed
	$(BIN)/python manage.py compile_translations -v 0
	$(BIN)/python manage.py migrate --noinput -v 0
	TASKS_BACKEND=database $(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py create_local_admin

# The site and the task worker together; Ctrl+C stops both.
run: setup
	@echo "Taller is at http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "The PDFs are being made in the background; their links say so until they are ready."
	@export TASKS_BACKEND=database; \
		$(BIN)/python manage.py db_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

setup-test: $(VENV)/.installed-test

test: setup-test
	$(BIN)/python manage.py compile_translations -v 0
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Interface strings: collect every msgid (written in Spanish) into the .po
# files of each language; translate them there. Needs GNU gettext (xgettext).
# `make setup` compiles them without gettext.
messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l es -l pt_BR -l en --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=bench --ignore=static --ignore=media
	$(BIN)/python manage.py compile_translations

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: setup-test
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	@# Production settings with a throw-away key: any deployment warning fails the check.
	DJANGO_SETTINGS_MODULE=cms.settings.production \
		SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

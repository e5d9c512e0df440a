# Quick start: `make run` serves the app, `make test` runs every check. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-postgres lint format bench bench-load-postgres system-deps gift-pegjs clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

# gift-pegjs (a GIFT parser the export tests run under Node), pinned by its package-lock.json.
GIFT_PEGJS := tests/exports/gift_pegjs
GIFT_PEGJS_STAMP := $(GIFT_PEGJS)/node_modules/.installed-stamp

$(GIFT_PEGJS_STAMP): $(GIFT_PEGJS)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix $(GIFT_PEGJS) --no-audit --no-fund --silent && touch $@; \
	else echo "Note: npm is missing (apt-get install nodejs npm); the gift-pegjs test will skip."; fi

gift-pegjs: $(GIFT_PEGJS_STAMP)

## run: set up, then serve the web app with demo data on http://127.0.0.1:5000 (PORT=5001 for another port)
PORT ?= 5000
run: $(STAMP)
	$(BIN)/quizapp demo --port $(PORT)

## system-deps: Debian packages the browser and PDF tests use (Chromium, poppler), when we may install them
system-deps:
	@bash .ci/system-deps

# The suite runs on every core (pytest-xdist), each test file whole on one worker so its
# module fixtures (a served app, generated questions) are made once. TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

## test: set up, then lint, format check and the whole test suite
test: $(STAMP) system-deps gift-pegjs
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PYTEST) $(PYTEST_ARGS) || $(PYTEST_FAILED)

## test-postgres: every test that uses the database (marker `database`, set by tests/conftest.py
## from fixture use) again on PostgreSQL: a throwaway cluster from .ci/postgres, or the server
## QUIZAPP_TEST_DATABASE_URL names. The other tests do not touch a database; make test runs them.
## Browser tests (marker e2e) run in make test only: what they add to the web and service tests
## (pages, scripts, layout, accessibility in Chromium) does not depend on the database, and the
## data paths they drive are each run on PostgreSQL by tests/web and tests/services.
## Tests marked same_on_any_database (slow clients, PDF bombs against a served app) check
## sockets and worker processes, nothing the database decides.
POSTGRES_TESTS ?= database and not e2e and not same_on_any_database
test-postgres: $(STAMP) system-deps gift-pegjs
	bash .ci/postgres run $(PYTEST) -m "$(POSTGRES_TESTS)" $(PYTEST_ARGS) || $(PYTEST_FAILED)

# pytest's exit status 5 means it collected no tests: a broken selection, never a pass.
PYTEST_FAILED = { rc=$$?; [ $$rc -ne 5 ] || echo "pytest collected no tests (exit 5): check PYTEST_ARGS"; exit $$rc; }

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## bench: the speed benchmarks (not tests; they print tables); the load test runs on SQLite
bench: $(STAMP)
	$(BIN)/python tests/benchmarks/bench_generate.py
	$(BIN)/python tests/benchmarks/bench_web.py
	$(BIN)/python tests/benchmarks/bench_pdf.py
	$(BIN)/python tests/benchmarks/bench_load.py --database sqlite

## bench-load-postgres: 500 students join, answer and submit against gunicorn on PostgreSQL
bench-load-postgres: $(STAMP)
	$(BIN)/python tests/benchmarks/bench_load.py --database postgresql

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info

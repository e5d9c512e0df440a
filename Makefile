# Quick start: `make run` serves the app, `make test` runs every check. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint format bench system-deps clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

## run: set up, then serve the web app with demo data on http://127.0.0.1:5000
run: $(STAMP)
	$(BIN)/quizapp demo

## system-deps: Debian packages the browser and PDF tests use (Chromium, poppler), when we may install them
system-deps:
	@bash .ci/system-deps

## test: set up, then lint, format check and the whole test suite
test: $(STAMP) system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## bench: the speed benchmarks (not tests; they print tables)
bench: $(STAMP)
	$(BIN)/python tests/benchmarks/bench_generate.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info

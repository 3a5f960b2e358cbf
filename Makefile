# referral-intake: `make run` sets everything up and runs the demo; `make test` runs the tests.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
INTAKE := $(VENV)/bin/intake
STAMP := $(VENV)/.installed
DEMO_HOME ?= var/demo

.PHONY: setup run test test-fast lint bench clean system-deps

setup: $(STAMP) system-deps

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $(STAMP)

# tesseract (OCR) and chromium (the web UI's browser test) come from Debian's packages.
system-deps:
	@bash scripts/system-deps.sh

run: setup
	$(INTAKE) demo --home $(DEMO_HOME)

test: setup
	$(PY) -m pytest -n 2 -q

test-fast: setup
	$(PY) -m pytest -n 2 -q -m "not slow"

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: setup
	$(PY) bench/x12_throughput.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

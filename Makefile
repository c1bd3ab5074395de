# The two commands of the quick start: `make run` and `make test`. Both build .venv/ from the
# locked, hash-pinned requirements when it is missing or older than the lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint typecheck check soak bench lock snapshot-update clean

# Package folders are prerequisites too: a new module or subpackage changes its folder's
# mtime, and the strict editable install (links in build/) must be redone to see it.
SOURCE_DIRS := $(shell find extractors tui themes -type d ! -name __pycache__ 2>/dev/null)

$(STAMP): requirements-dev.lock pyproject.toml $(SOURCE_DIRS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	# strict editable mode: real files in site-packages that mypy can follow; re-run after adding a module
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . --config-settings editable_mode=strict
	# byte-compile now (pip does not for an editable install), so no first start pays for it
	$(BIN)/python -m compileall -q build
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/sitroom

test: $(STAMP)
	$(BIN)/python -P -m pytest -m "not soak"

lint: $(STAMP)
	$(BIN)/ruff check extractors tui themes tests benchmarks
	$(BIN)/ruff format --check extractors tui themes tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy -p sitroom.extractors -p sitroom.tui

check: lint typecheck test

soak: $(STAMP)
	$(BIN)/python -P -m pytest -m soak

snapshot-update: $(STAMP)
	$(BIN)/python -P -m pytest tests/ui --snapshot-update

# Regenerate both lock files from pyproject.toml (needs the package index).
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --extra dev -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info

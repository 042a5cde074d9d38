# Two jobs for a fresh machine: `make run` starts the app, `make test` runs the whole suite.
# Each creates its own virtual environment in .venv with the machine's python3 (3.11 or newer).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: run test lint docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/fascialines serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/python -m mypy src/fascialines/web
	$(BIN)/python -m pytest

docs: $(VENV)/.installed
	$(BIN)/fascialines docs --out docs/atlas-reference.md

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis

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

# The core, type-checked strictly (settings in pyproject.toml); web/ is not part of it.
CORE := $(filter-out src/fascialines/web/%,$(wildcard src/fascialines/*.py src/fascialines/tracing/*.py))

test: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/python -m mypy $(CORE)
	$(BIN)/python -m pytest

# Every benchmarks/bench_*.py writes benchmarks/results/<name>.json; report.py merges them into
# benchmarks/results.json and BENCHMARKS.md.
bench: $(VENV)/.installed
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done
	$(BIN)/python benchmarks/report.py

docs: $(VENV)/.installed
	$(BIN)/fascialines docs --out docs/atlas-reference.md

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis

# Two jobs for a fresh machine: `make run` starts the app, `make test` runs the whole suite.
# Each creates its own virtual environment in .venv with the machine's python3 (3.11 or newer)
# and installs the exact versions, checked by hash, from the lock files in requirements/.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8050
WORKERS ?= 1
THREADS ?= 4
# The uv release that writes the lock files (`make lock`); any later one reads the same inputs.
UV_VERSION ?= 0.13.8
LOCK_FLAGS := --universal --python-version 3.11 --generate-hashes --quiet

.PHONY: run test docs lock audit load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The locked packages first (every one checked against its hash), then fascialines itself
# without build isolation, so the build backend is the locked hatchling too.
$(VENV)/.installed-run: pyproject.toml requirements/run.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/run.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements/test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/fascialines serve --host $(HOST) --port $(PORT) --workers $(WORKERS) --threads $(THREADS)

# The core, type-checked strictly (settings in pyproject.toml); web/ is checked on its own line.
CORE := $(filter-out src/fascialines/web/%,$(wildcard src/fascialines/*.py src/fascialines/atlas/*.py src/fascialines/tracing/*.py src/fascialines/teaching/*.py src/fascialines/handout/*.py))

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks deploy docs
	$(BIN)/ruff format --check src tests benchmarks deploy docs
	$(BIN)/python -m mypy $(CORE)
	$(BIN)/python -m mypy --config-file= --ignore-missing-imports src/fascialines/web
	$(BIN)/python -m pytest

# Every benchmarks/bench_*.py writes benchmarks/results/<name>.json; report.py merges them into
# benchmarks/results.json and BENCHMARKS.md.
bench: $(VENV)/.installed-test
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done
	$(BIN)/python benchmarks/report.py

docs: $(VENV)/.installed-test
	$(BIN)/fascialines docs --out docs/atlas-reference.md

# Refresh the lock files after a change to the dependencies in pyproject.toml (needs PyPI).
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(BIN)/uv pip compile pyproject.toml requirements/build.in $(LOCK_FLAGS) -o requirements/run.txt
	$(BIN)/uv pip compile pyproject.toml requirements/build.in --extra test $(LOCK_FLAGS) \
		-o requirements/test.txt

# Check the locked versions against the Python Packaging Advisory Database (needs its service).
audit: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-audit
	$(BIN)/pip-audit --require-hashes --disable-pip -r requirements/run.txt
	$(BIN)/pip-audit --require-hashes --disable-pip -r requirements/test.txt

# The full load test: nginx in front of two servers, 50 users for 60 s (see deploy/README.md).
load: $(VENV)/.installed-test
	PATH="$(abspath $(BIN)):$$PATH" bash deploy/load-test.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install extract evaluate evaluate-dev test test-fast lint check clean bench report notebook train crossval train-data

install: $(BIN)/accords

$(BIN)/accords: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

extract: install
	$(BIN)/accords extract --corpus corpus --out outputs

evaluate: install
	$(BIN)/accords evaluate --gold tests/gold_seeds --outputs outputs

# the development set: real releases of other sites with their annotations (tests/dev)
evaluate-dev: install
	$(BIN)/accords extract --corpus tests/dev/corpus --out outputs-dev
	$(BIN)/accords evaluate --gold tests/dev/gold --outputs outputs-dev

# the learned parts (commitments, parties): candidates of the annotated releases (tests/dev, seeds)
# with their gold labels, leave-site-out cross-validation against the rules, and the
# shipped weights (written only where the model beats the rules on held-out sites)
train-data: install
	$(BIN)/python -m pipeline.training data

# PARTS=commitments (any of chrome, commitments, parties, ner) limits a run to those parts
crossval: train-data
	$(BIN)/python -m pipeline.training crossval $(PARTS)

train: train-data
	$(BIN)/python -m pipeline.training train $(PARTS)

test: install
	$(BIN)/pytest

# the quick loop: everything but the browser and Dask cluster tests (marked `slow`)
test-fast: install
	$(BIN)/pytest -m "not slow"

lint: install
	$(BIN)/ruff check pipeline tests tools benchmarks

# what CI and the pre-commit hook run: lint, formatting, types, import layers
check: install
	$(BIN)/ruff check pipeline tests tools benchmarks
	$(BIN)/ruff format --check pipeline tests tools benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf outputs/*.parquet outputs/*.json outputs/.*.tmp .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

BENCH_ARGS ?= --repeat 2

bench: install
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

report: install
	$(BIN)/accords report --outputs outputs

# the example notebook in JupyterLab, with its charts inline; JupyterLab (the notebook
# extra) is installed on the first call only. Headless: `jupyter execute examples/explore.ipynb`
NOTEBOOK_EXTRA := $(VENV)/.notebook-extra
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

$(NOTEBOOK_EXTRA): $(BIN)/accords
	$(BIN)/pip install --quiet -e ".[notebook]"
	@touch $@

notebook: $(NOTEBOOK_EXTRA)
	$(BIN)/jupyter lab examples/explore.ipynb $(ALLOW_ROOT)

# The two commands of the README: `make run` (the main job) and `make test` (every check).
# Both create .venv on first use, so a fresh machine needs only python3 and pip.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: run test setup lint typecheck pytest docs clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev,docs]'
	@touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/asmb-spec report
	$(BIN)/mkdocs build --strict

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy --strict spec contracts tests

pytest: $(STAMP)
	$(BIN)/pytest

docs: $(STAMP)
	$(BIN)/mkdocs build --strict

test: lint typecheck pytest docs

clean:
	rm -rf site .mypy_cache .pytest_cache .ruff_cache .hypothesis

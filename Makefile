# One entry for every task. `make demo` and `make test` are the two commands of the README.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint format bench bench-live install docs-images

$(BIN)/convener: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(BIN)/convener

install: $(BIN)/convener

demo: install
	$(BIN)/convener demo

test:
	./scripts/test

lint: install
	$(BIN)/ruff check convener tests bench scripts
	$(BIN)/ruff format --check convener tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format convener tests bench scripts
	$(BIN)/ruff check --fix convener tests bench scripts

# bench/search: 100,000 statements, the vectors' time extrapolated from 2,000
# embedded (embedding all of them takes over an hour on 2 cores: `python bench/search`).
bench: install
	$(BIN)/python bench/pages
	$(BIN)/python bench/documents
	$(BIN)/python bench/api
	$(BIN)/python bench/markdown
	$(BIN)/python bench/search --embed 2000

# Needs Redis on 127.0.0.1:6379; connects 1,000, 2,500 and 5,000 live clients to 4 server processes.
bench-live: install
	$(BIN)/python bench/live

docs-images: install
	./scripts/report_images
	$(BIN)/python scripts/arabic_screenshots.py

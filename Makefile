# newsgraph: `make demo` and `make test` work on a fresh machine with Python 3.11, pip, make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo serve screenshots test lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph analyze samples/ --db newsgraph.db
	$(BIN)/newsgraph quotes --db newsgraph.db
	@echo "serving the demo store at http://127.0.0.1:8000/ (Ctrl-C stops it)"
	$(BIN)/newsgraph serve --db newsgraph.db

serve: $(STAMP)
	$(BIN)/newsgraph serve --db newsgraph.db

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py --db newsgraph.db --out docs/screenshots

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

eval: $(STAMP)
	$(BIN)/newsgraph eval seed
	$(BIN)/newsgraph eval quotes --split dev

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache

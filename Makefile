# Pantau TPPO: the two set-up commands are `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test demo bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## make run: install, initialise the embedded SQLite corpus, run the main job (crawl, classify, store, summary)
run: $(STAMP)
	$(BIN)/pantau db upgrade
	$(BIN)/pantau run

## make test: install and run the whole test suite (PostgreSQL and Redis tests run when the servers are up)
test: $(STAMP)
	bash scripts/ensure-test-deps.sh
	$(BIN)/python -m pytest -q

## make demo: crawl the bundled local mirror into a fresh SQLite corpus and print a summary
demo: $(STAMP)
	$(BIN)/pantau demo

## make bench: run every benchmark (long; see README for sizes)
bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) data .pytest_cache

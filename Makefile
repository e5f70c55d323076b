# The declared workflow. Every target sets up its own environment on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RAW    ?= data/raw
OUT    ?= data/processed
JOBS   ?= 0
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup extract test samples train evaluate bench clean

help: ## List the targets
	@echo "Usage: make <target> [RAW=folder] [OUT=folder]"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the project (done automatically by other targets)

extract: $(STAMP) ## Extract every PDF in RAW into the dataset in OUT
	$(PY) -m tcpipe.cli extract $(RAW) --out $(OUT) --jobs $(JOBS)

test: $(STAMP) ## Run the test suite on the real sample PDFs
	$(PY) -m pytest tests $(PYTEST_ARGS)

samples: $(STAMP) ## Re-render the sample PDFs and expected rows from ../shared/seeds (needs LibreOffice)
	$(PY) -m tests.generator

clean: ## Remove the environment and generated outputs
	rm -rf $(VENV) $(OUT)/*.parquet debug

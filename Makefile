# The declared workflow. Every target sets up its own environment on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RAW    ?= data/raw
OUT    ?= data/processed
JOBS   ?= 0
STAMP  := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps

.DEFAULT_GOAL := help
.PHONY: help setup system-deps extract test samples train evaluate evaluate-links bench fuzz query report review coverage clean

help: ## List the targets
	@echo "Usage: make <target> [RAW=folder] [OUT=folder]"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

# OCR (tesseract) and a headless browser (chromium, for the report test) come from Debian.
# Without them the pipeline still runs: scans are marked failed with the reason.
$(SYSDEPS): | $(STAMP)
	@if command -v tesseract >/dev/null && command -v chromium >/dev/null && command -v soffice >/dev/null; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian packages: tesseract-ocr ocrmypdf chromium libreoffice-writer (once)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    tesseract-ocr tesseract-ocr-eng ocrmypdf chromium fonts-liberation libreoffice-writer-nogui >/dev/null) \
	  || echo "WARNING: could not install tesseract/chromium: scanned PDFs will fail with 'ocr_unavailable'"; \
	else \
	  echo "NOTE: install tesseract-ocr and chromium (Debian: apt-get install tesseract-ocr chromium) for OCR and the report test"; \
	fi
	@touch $(SYSDEPS)

setup: $(STAMP) $(SYSDEPS) ## Create .venv, install the project and the Debian tools (automatic)

extract: setup ## Extract every plan (PDF, DOCX, HTML) in RAW into the dataset in OUT
	$(PY) -m tcpipe.cli extract $(RAW) --out $(OUT) --jobs $(JOBS)

test: setup ## Run the test suite on the real sample PDFs
	$(PY) -m pytest tests $(PYTEST_ARGS)

samples: setup ## Re-render the sample PDFs and expected rows from ../shared/seeds (needs LibreOffice)
	$(PY) -m tests.generator

train: setup ## Retrain the pillar/TALENT classifier from the dataset in OUT (deterministic)
	$(PY) -m normalise.classify.train --data $(OUT)/actions.parquet

evaluate: setup ## Evaluate keyword baseline, model and combination, held out by document
	$(PY) -m normalise.classify.evaluate --data $(OUT)/actions.parquet

evaluate-links: setup ## Cross-cycle links, fates and progress attachment vs gold (tests/links/; TUNE=1: the Essex grid)
	$(PY) -m tests.links.evaluate --out build/links $(if $(TUNE),--tune)

bench: setup ## Benchmark the pipeline on a generated 150-plan corpus against raw baselines
	$(PY) -m bench

fuzz: setup ## Long mutation fuzz of the PDF loader
	TCPLANS_FUZZ_CASES=2000 $(PY) -m pytest tests/test_fuzz.py -q

query: setup ## Run SQL over the dataset: make query SQL="select count(*) from actions"
	$(PY) -m tcpipe.cli query --dataset $(OUT) "$(SQL)"

report: setup ## Write OUT/report/index.html comparing institutions
	$(PY) -m tcpipe.cli report --dataset $(OUT)

review: setup ## Write review pages (page images with boxes beside the rows) to OUT/review/
	$(PY) -m tcpipe.cli review --raw $(RAW) --dataset $(OUT)

coverage: setup ## Which signatories have plans in the dataset, for which periods
	$(PY) -m tcpipe.cli coverage --dataset $(OUT)

clean: ## Remove the environment and generated outputs
	rm -rf $(VENV) $(OUT)/*.parquet $(OUT)/.cache debug

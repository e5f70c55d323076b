# The declared workflow. Every target sets up its own environment on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RAW    ?= data/raw
OUT    ?= data/processed
JOBS   ?= 0
STAMP  := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps
# Training environment (make train / make evaluate only): torch's CPU build, pinned, so pip
# never pulls the multi-GB CUDA one (pip finds it through its find-links or a CPU index).
TRAIN_VENV  := .venv-train
TRAIN_PY    := $(TRAIN_VENV)/bin/python
TRAIN_STAMP := $(TRAIN_VENV)/.installed
TORCH       ?= torch==2.13.0+cpu
GOLD        ?=

.DEFAULT_GOAL := help
.PHONY: help setup system-deps extract test samples train evaluate evaluate-links bench fuzz query report review coverage clean zoo evaluate-extraction

help: ## List the targets
	@echo "Usage: make <target> [RAW=folder] [OUT=folder]"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

# OCR (tesseract) and a headless browser (chromium, for the report test) come from Debian;
# Carlito/Caladea (LibreOffice's Calibri/Cambria stand-ins, which print ff/fi/tt ligatures) for the zoo.
# Without them the pipeline still runs: scans are marked failed with the reason.
$(SYSDEPS): | $(STAMP)
	@if command -v tesseract >/dev/null && command -v chromium >/dev/null && command -v soffice >/dev/null \
	   && { ! command -v fc-list >/dev/null || fc-list | grep -q Carlito; }; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian packages: tesseract-ocr ocrmypdf chromium libreoffice-writer fonts (once)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    tesseract-ocr tesseract-ocr-eng ocrmypdf chromium fonts-liberation fonts-crosextra-carlito \
	    fonts-crosextra-caladea libreoffice-writer-nogui >/dev/null) \
	  || echo "WARNING: could not install tesseract/chromium: scanned PDFs will fail with 'ocr_unavailable'"; \
	else \
	  echo "NOTE: install tesseract-ocr and chromium (Debian: apt-get install tesseract-ocr chromium) for OCR and the report test"; \
	fi
	@touch $(SYSDEPS)

setup: $(STAMP) $(SYSDEPS) ## Create .venv, install the project and the Debian tools (automatic)

extract: setup ## Extract every plan (PDF, DOCX, HTML) in RAW into the dataset in OUT
	$(PY) -m tcpipe.cli extract $(RAW) --out $(OUT) --jobs $(JOBS) --mirror

test: setup ## Run the test suite on the real sample PDFs
	$(PY) -m pytest tests $(PYTEST_ARGS)

samples: setup ## Re-render the sample PDFs and expected rows from ../shared/seeds (needs LibreOffice)
	$(PY) -m tests.generator

$(TRAIN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_PY) -m pip install -q --upgrade pip
	$(TRAIN_PY) -m pip install -q "$(TORCH)"
	$(TRAIN_PY) -m pip install -q -e '.[train]'
	@touch $(TRAIN_STAMP)

train: setup $(TRAIN_STAMP) ## Distil the embeddings and fit the labeller on data/labels (deterministic)
	HF_HUB_OFFLINE=1 $(TRAIN_PY) -m training.train --distill

evaluate: setup $(TRAIN_STAMP) ## Labeller vs guide labels (frozen split, seed plans by document); GOLD=folder scores gold files
	HF_HUB_OFFLINE=1 $(TRAIN_PY) -m training.evaluate --runtime-python $(PY) $(if $(GOLD),--gold $(GOLD) --data $(OUT))

evaluate-links: setup ## Cross-cycle links, fates and progress attachment vs gold (tests/links/; TUNE=1: the threshold grid, leave-one-pair-out)
	$(PY) -m tests.links.evaluate --out build/links $(if $(TUNE),--tune)

bench: setup ## Benchmark the pipeline on a generated 150-plan corpus against raw baselines
	$(PY) -m bench

fuzz: setup ## Long mutation fuzz of the PDF loader, and hostile HTML/DOCX through the sanitisers and the converter sandbox
	TCPLANS_FUZZ_CASES=2000 $(PY) -m pytest tests/test_fuzz.py -q
	TCPLANS_FUZZ_CASES=2000 TCPLANS_FUZZ_CONVERT_CASES=20 $(PY) -m pytest tests/test_fuzz_convert.py -q

query: setup ## Run SQL over the dataset: make query SQL="select count(*) from actions"
	$(PY) -m tcpipe.cli query --dataset $(OUT) "$(SQL)"

report: setup ## Write OUT/report/index.html comparing institutions
	$(PY) -m tcpipe.cli report --dataset $(OUT)

review: setup ## Write review pages (page images with boxes beside the rows) to OUT/review/
	$(PY) -m tcpipe.cli review --raw $(RAW) --dataset $(OUT)

coverage: setup ## Which signatories have plans in the dataset, for which periods
	$(PY) -m tcpipe.cli coverage --dataset $(OUT)

# ---- layout zoo (issue #10): randomised variants of every layout family, with gold files ----
ZOO       ?= build/zoo
ZOO_SEED  ?= 20261205
ZOO_N     ?= 17
ZOO_STAMP := $(ZOO)/.stamp-$(ZOO_SEED)-$(ZOO_N)
ZOO_SRC   := $(wildcard tests/generator/zoo/*.py tests/generator/zoo/*.yaml) tests/generator/common.py \
             tests/generator/scan.py $(wildcard tests/expected/*.json)

$(ZOO_STAMP): $(ZOO_SRC) | setup
	rm -f $(ZOO)/.stamp-*
	$(PY) -m tests.generator.zoo --out $(ZOO) --seed $(ZOO_SEED) --per-family $(ZOO_N)
	@touch $@

zoo: $(ZOO_STAMP) ## Render the layout zoo (PDFs + gold files) into build/zoo (cached by a stamp)

evaluate-extraction: setup $(ZOO_STAMP) ## Run the pipeline on the zoo and score it per family (metrics/extraction.json)
	$(PY) -m tcpipe.cli extract $(ZOO)/pdfs --out $(ZOO)/dataset --jobs $(JOBS) --quiet
	$(PY) -m tests.generator.zoo.evaluate --zoo $(ZOO) --dataset $(ZOO)/dataset --out metrics/extraction.json

clean: ## Remove the environment and generated outputs
	rm -rf $(VENV) $(TRAIN_VENV) $(OUT)/*.parquet $(OUT)/.cache debug

# Deal-to-documents: `make proposals` builds every deal in inputs/, `make test` runs the tests.
# Both set everything up from nothing (a .venv with the project installed).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
READY  := $(VENV)/.ready
DEALS  := $(sort $(wildcard inputs/*.yaml inputs/*.yml))
CODE   := $(shell find pipeline templates -type f -not -path '*/__pycache__/*' 2>/dev/null)
N      ?= 200
JOBS   ?=

.PHONY: help proposals portfolio test check new pdf bench golden schema clean distclean system-deps

# `## ` marks a target for users, `### ` one for maintainers of the project: `make help` lists them apart.
help: ## show this help
	@echo "Targets:"
	@grep -E '^[a-z-]+:.*[^#]## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'
	@echo ""
	@echo "For maintainers of dealdocs:"
	@grep -E '^[a-z-]+:.*### ' $(MAKEFILE_LIST) | awk -F':.*### ' '{printf "  make %-12s %s\n", $$1, $$2}'

proposals: build/.made ## build every deal in inputs/ into build/: deck and briefs (our team), three proposals (the customer)

build/.made: $(DEALS) $(CODE) $(READY)
	$(PY) -m pipeline build $(DEALS) --out build $(if $(JOBS),-j $(JOBS))
	@touch $@

test: $(READY) system-deps ## run the test suite (installs what it needs first)
	$(PY) -m pytest

portfolio: $(READY) ## build every deal, then build/portfolio.xlsx and build/portfolio.html (LANG_PORTFOLIO=en for English)
	$(PY) -m pipeline portfolio $(DEALS) --out build --lang $(or $(LANG_PORTFOLIO),zh)

check: $(READY) ## validate every deal in inputs/ and report problems, writing nothing
	$(PY) -m pipeline check $(DEALS)

new: $(READY) ## start a new deal: make new NAME=customs-2026 [LANGUAGE=en] writes inputs/customs-2026.yaml
	@test -n "$(NAME)" || { echo "usage: make new NAME=<deal-id> [LANGUAGE=en]"; exit 2; }
	$(PY) -m pipeline new inputs/$(NAME).yaml $(if $(LANGUAGE),--language $(LANGUAGE))

pdf: proposals system-deps ## a PDF beside every built document that changed (LibreOffice)
	$(PY) -m pipeline pdf --out build $(if $(JOBS),-j $(JOBS))

bench: $(READY) ### benchmark N synthetic deals (make bench N=200)
	$(PY) tools/bench.py --deals $(N) --json build/bench/results.json

golden: $(READY) ### refresh the golden text of the example deals' documents
	$(PY) tools/golden.py --write

schema: $(READY) ### refresh schema/deal.schema.json from the model
	$(PY) -m pipeline schema > schema/deal.schema.json

$(READY): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

# LibreOffice, a CJK font and poppler: for the PDF checks and `make pdf`. Installed when
# missing and we may (root with apt-get); otherwise the tests that need them are skipped.
system-deps:
	@if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' \
	    || [ ! -e /usr/lib/libreoffice/program/libsclo.so ] || ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing LibreOffice (writer, impress, calc), fonts-noto-cjk, poppler-utils and chromium"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils \
	      chromium >/dev/null; \
	  else \
	    echo "note: LibreOffice, fonts-noto-cjk, poppler-utils or chromium missing; the tests that need them are skipped"; \
	  fi; \
	fi

clean: ## remove the generated documents
	rm -rf build

distclean: clean ### also remove the virtual environment
	rm -rf $(VENV) *.egg-info

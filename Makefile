# One command sets up and builds (`make site`); one runs every test (`make test`).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
BROWSER := /usr/bin/chromium

.PHONY: setup site rebuild test serve check bundle bench search-eval browser clean

setup: $(INSTALLED)

$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

# Debian packages for the headless-browser tests and CJK fonts for screenshots.
browser: $(BROWSER)

$(BROWSER):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk

# The build refuses sources with metadata errors (warnings are only printed).
site: check
	$(VENV)/bin/mkdocs build --strict

# Quick local rebuild: only pages whose Markdown changed are rendered again
# (not --strict: MkDocs warns on every --dirty build; `make site` is the strict one).
rebuild: setup
	$(VENV)/bin/mkdocs build --dirty --no-strict

serve: setup
	$(VENV)/bin/mkdocs serve --dirty

test: setup browser
	$(PY) -m pytest

# Metadata and source checks with messages for editors (also run by CI).
check: setup
	$(PY) -m build_tools check

# Offline site in one zip: dist/policy-archive-<date>.zip.
bundle: setup
	$(PY) -m build_tools bundle

# Search quality and speed, measured in headless Chromium (query set: tests/search_queries.json).
search-eval: setup browser
	$(PY) -m build_tools search-eval

# Build and search figures on generated corpora (SIZES=100,1000 to go faster).
SIZES ?= 100,1000,5000
bench: setup browser
	$(PY) -m build_tools bench --sizes $(SIZES)

clean:
	rm -rf site dist .cache docs/documents docs/browse

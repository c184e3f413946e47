# One command sets up and builds (`make site`); one runs every test (`make test`).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
BROWSER := /usr/bin/chromium
OFFICE := /usr/bin/soffice

.PHONY: setup compiled site rebuild test test-quick fuzz serve check bundle bench search-eval browser office clean

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

# Debian's LibreOffice (no GUI) reads .doc/.wps sources and renders the Word fixtures of the
# original-format tests to PDF; CJK fonts so the PDFs carry real Chinese glyphs.
office: $(OFFICE)

$(OFFICE):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk

# The project's modules compiled ahead, as pip compiles the packages it installs: with
# PYTHONDONTWRITEBYTECODE set (as on our machines) every build compiled them again, 0.1 s of each
# rebuild. Only modules changed since the last run are compiled.
compiled: setup
	$(PY) -m compileall -q build_tools

# Every page is built even when sources have gaps: check prints the problems (its exit status
# is ignored here; `make check` is the gate), missing fields show as 待核实, and a source that
# cannot be converted is left out and named in the log.
site: compiled
	-$(PY) -m build_tools check
	$(VENV)/bin/mkdocs build --strict

# Quick local rebuild: only pages whose Markdown changed are rendered again
# (not --strict: MkDocs warns on every --dirty build; `make site` is the strict one).
rebuild: compiled
	$(VENV)/bin/mkdocs build --dirty --no-strict

# Live preview; --no-strict for the same reason as `rebuild` (MkDocs warns on every --dirty build).
serve: compiled
	$(VENV)/bin/mkdocs serve --dirty --no-strict

# Property tests replay the same derandomised examples on every run (hypothesis profile "ci").
# PYTEST_FLAGS="-n 2" runs the tests on two processes (pytest-xdist; each builds in its own copy).
PYTEST_FLAGS ?=
test: setup browser office
	HYPOTHESIS_PROFILE=ci $(PY) -m pytest $(PYTEST_FLAGS)

# The same without the slow tests (headless Chromium, large inputs): a quick check while editing.
test-quick: setup office
	HYPOTHESIS_PROFILE=ci $(PY) -m pytest -m "not slow" $(PYTEST_FLAGS)

# Property tests on new random examples: rounds of FUZZ_EXAMPLES per test until FUZZ_MINUTES
# have passed or one fails; its failing example is appended to test-artifacts/fuzz-failures.txt.
FUZZ_EXAMPLES ?= 2000
FUZZ_MINUTES ?= 10
fuzz: setup
	@end=$$(( $$(date +%s) + 60 * $(FUZZ_MINUTES) )); \
	while HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q -m hypothesis; do \
		[ $$(date +%s) -lt $$end ] || exit 0; \
	done; echo "Add the example from test-artifacts/fuzz-failures.txt to the test as @example(...)"; exit 1

# Metadata and source checks with messages for editors (also run by CI).
check: setup
	$(PY) -m build_tools check

# Offline site in one zip: dist/policy-archive-<date>.zip.
bundle: setup
	$(PY) -m build_tools bundle

# Search quality and speed, measured in headless Chromium (query set: tests/search_queries.json).
search-eval: setup browser
	$(PY) -m build_tools search-eval

# Build and search figures on generated corpora (SIZES=100,1000 to go faster), or on real laws
# (CORPUS=lawrefbook SIZES=3475; needs ../shared/corpus, skipped without it).
SIZES ?= 100,1000,5000
CORPUS ?= generated
bench: setup browser
	$(PY) -m build_tools bench --corpus $(CORPUS) --sizes $(SIZES)

clean:
	rm -rf site dist .cache docs/documents docs/browse

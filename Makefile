# Quick start: `make demo` builds the example site, `make test` runs the suite.
# Both set up a virtual environment first (Python >= 3.11).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The oldest supported Sphinx line is tested in a venv of its own.
VENV_OLD ?= .venv-sphinx8
STAMP_OLD := $(VENV_OLD)/.installed-stamp
SPHINXOPTS ?= -W --keep-going -q

.PHONY: demo test docs lint clean install mutation score-citations

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,docs]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sphinx-newsroom check example_site
	$(BIN)/sphinx-build $(SPHINXOPTS) -b html example_site example_site/_build/html
	@echo "HTML: example_site/_build/html/index.html"
	@if command -v latexmk >/dev/null 2>&1 && command -v xelatex >/dev/null 2>&1; then \
		$(BIN)/sphinx-build $(SPHINXOPTS) -b latex example_site example_site/_build/latex && \
		$(MAKE) -C example_site/_build/latex LATEXMKOPTS='-interaction=nonstopmode -halt-on-error -silent' all-pdf >/dev/null && \
		echo "PDF: $$(ls example_site/_build/latex/*.pdf)"; \
	else \
		echo "PDF skipped: install xelatex and latexmk (see README) to build it."; \
	fi

$(STAMP_OLD): pyproject.toml
	$(PYTHON) -m venv $(VENV_OLD)
	$(VENV_OLD)/bin/python -m pip install -q --upgrade pip
	$(VENV_OLD)/bin/python -m pip install -q -e '.[test]' 'sphinx>=8.2,<9'
	touch $(STAMP_OLD)

# The whole suite on the newest Sphinx, then again on the newest Sphinx 8.
test: $(STAMP) $(STAMP_OLD)
	$(BIN)/python -m pytest -q
	@echo "== again with $$($(VENV_OLD)/bin/python -c 'import sphinx; print("Sphinx", sphinx.__version__)')"
	$(VENV_OLD)/bin/python -m pytest -q -p no:cacheprovider

docs: $(STAMP)
	$(BIN)/sphinx-build $(SPHINXOPTS) -b html docs docs/_build/html

# Mutation testing of the pure folders (model/, citations/) against their unit
# tests; settings in pyproject.toml [tool.mutmut], results in docs/testing.md.
# mutmut works in mutants/, which is removed first so every run starts clean.
mutation: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[mutation]'
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

# Accuracy of the footnote parser and classifier on the labelled corpus in
# tests/citations/, per language, field and split (docs/citation-accuracy.md).
score-citations: $(STAMP)
	$(BIN)/python tools/score_citations.py

lint: $(STAMP)
	$(BIN)/python -m ruff check sphinx_newsroom tests

clean:
	rm -rf example_site/_build docs/_build mutants

# Two commands on a fresh machine (see README):
#   make serve   install everything, build both languages, serve them on http://127.0.0.1:8000/
#   make test    install everything, run every test (CI runs exactly this via .ci/run)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: serve test build record constraints

serve: $(VENV)/.installed node_modules/.installed
	$(PY) -m asyncdocs serve --port $(PORT)

test: $(VENV)/.installed node_modules/.installed
	bash .ci/debian-packages.sh
	$(PY) -m pytest

SITE_URL ?= http://127.0.0.1:$(PORT)/

build: $(VENV)/.installed node_modules/.installed
	$(PY) -m asyncdocs build --site-url $(SITE_URL)

# Re-record the output of snippets (all, or: make record ARGS="tutorial/async-await/countasync.py").
record: $(VENV)/.installed
	$(PY) -m asyncdocs record $(ARGS)

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==26.3
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Pin every transitive Python dependency after changing pyproject.toml.
constraints:
	rm -rf /tmp/asyncdocs-pin && python3 -m venv /tmp/asyncdocs-pin
	/tmp/asyncdocs-pin/bin/pip install --quiet -e '.[test]'
	/tmp/asyncdocs-pin/bin/pip freeze --exclude-editable | grep -v '^asyncdocs' > constraints.txt

# Familienbüro workbench. `make run` installs and serves the workbench; `make test` installs and tests.
PY := .venv/bin/python
PIP := .venv/bin/pip
PORT ?= 8866
# Debian's chromium for the browser tests (never `playwright install`)
CHROMIUM ?= $(shell command -v chromium 2>/dev/null || echo /usr/bin/chromium)
INSTALLED := .venv/.installed
# Voila finds templates only in Jupyter data paths: link the package's template (package data,
# workbench/templates/voila/templates/workbench, ADR 0024) into the venv's for a plain `voila`;
# `workbench serve` finds it in the package by itself (an installed wheel has no link)
VOILA_TEMPLATE := .venv/share/jupyter/voila/templates/workbench
# GETTSIM for the benchmark comparison lives in its own venv; its version is the `bench` extra in pyproject.toml.
BENCH_VENV := benchmarks/.venv-gettsim
GETTSIM_REQ := $(shell sed -n 's/^ *"\(gettsim==[^"]*\)".*/\1/p' pyproject.toml | head -n1)

.PHONY: install run lab test bench axe clean

.venv/bin/python:
	python3 -m venv .venv
	$(PIP) install -q --upgrade pip

# re-installs only when pyproject.toml changed: `make install` on a ready venv takes no time
$(INSTALLED): .venv/bin/python pyproject.toml
	$(PIP) install -q -e '.[dev,hub,postgres]'
	$(PIP) install -q --no-deps '$(GETTSIM_REQ)'  # the `peer` extra: GETTSIM's test cases as data
	touch $@

$(VOILA_TEMPLATE): | $(INSTALLED)
	ln -sfn $(CURDIR)/workbench/templates/voila/templates/workbench $@

install: $(INSTALLED) $(VOILA_TEMPLATE)

# npm packages of package.json: axe-core for the accessibility test (skipped without npm),
# configurable-http-proxy for the JupyterHub test (tests/deploy/test_jupyterhub.py)
axe:
	@if [ -f node_modules/axe-core/axe.min.js ] && [ -x node_modules/.bin/configurable-http-proxy ]; then :; \
	elif command -v npm >/dev/null 2>&1; then npm install --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility test will be skipped"; fi

# workbench.serve is Voila with a token login (WORKBENCH_TOKEN, else a new one per start: it prints
# the start page's link with it), refusals (no tracebacks, data and maintainers' folders outside
# notebooks/), an origin check, a rate and a session limit; every setting is in voila.json (this folder)
run: install
	$(PY) -m workbench.serve notebooks/ --port=$(PORT)

# maintainers: their notebooks (they write params.yaml) live in maintainers/, outside the advisors'
# notebooks/ (workbench/maintenance/paths.py: maintainers_dir); only JupyterLab opens them
# (token login, 127.0.0.1, URL with the token printed on start)
MAINTAINERS_DIR := maintainers
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: install
	$(PY) -m jupyterlab --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=$(MAINTAINERS_DIR) $(ROOT_FLAG)

# the import contracts first (pyproject.toml [tool.importlinter], ADR 0021): a broken one stops the run in a second
test: install axe
	.venv/bin/lint-imports --no-cache --no-logo
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q

bench: install
	@test -x $(BENCH_VENV)/bin/python || python3 -m venv $(BENCH_VENV) || echo "bench: could not create $(BENCH_VENV); the comparison is skipped"
	@$(BENCH_VENV)/bin/pip install -q '$(GETTSIM_REQ)' || echo "bench: could not install $(GETTSIM_REQ); the comparison is skipped"
	$(PY) benchmarks/elterngeld.py
	$(PY) benchmarks/optimizer.py
	$(PY) benchmarks/haushalt.py
	$(PY) benchmarks/leistungscheck.py
	CHROMIUM=$(CHROMIUM) $(PY) benchmarks/voila.py

clean:
	rm -rf .venv build *.egg-info test-artifacts node_modules

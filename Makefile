# Familienbüro workbench. `make run` installs and serves the workbench; `make test` installs and tests.
PY := .venv/bin/python
PIP := .venv/bin/pip
# GETTSIM for the benchmark comparison lives in its own venv; its version is the `bench` extra in pyproject.toml.
BENCH_VENV := benchmarks/.venv-gettsim
GETTSIM_REQ := $(shell sed -n 's/^ *"\(gettsim==[^"]*\)".*/\1/p' pyproject.toml)

.PHONY: install run test bench lab clean

.venv/bin/python:
	python3 -m venv .venv
	$(PIP) install -q --upgrade pip

install: .venv/bin/python
	$(PIP) install -q -e '.[dev]'

test: install
	$(PY) -m pytest -q

bench: install
	@test -x $(BENCH_VENV)/bin/python || python3 -m venv $(BENCH_VENV) || echo "bench: could not create $(BENCH_VENV); the comparison is skipped"
	@$(BENCH_VENV)/bin/pip install -q '$(GETTSIM_REQ)' || echo "bench: could not install $(GETTSIM_REQ); the comparison is skipped"
	$(PY) benchmarks/elterngeld.py

clean:
	rm -rf .venv build *.egg-info test-artifacts

# Familienbüro workbench. `make run` installs and serves the workbench; `make test` installs and tests.
PY := .venv/bin/python
PIP := .venv/bin/pip

.PHONY: install run test bench lab clean

.venv/bin/python:
	python3 -m venv .venv
	$(PIP) install -q --upgrade pip

install: .venv/bin/python
	$(PIP) install -q -e '.[dev]'

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) benchmarks/elterngeld.py

clean:
	rm -rf .venv build *.egg-info test-artifacts

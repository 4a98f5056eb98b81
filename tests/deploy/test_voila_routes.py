"""The served workbench reveals no case data, no parameters and no notebook code: real HTTP requests.

Three real servers on free loopback ports:

- ``served``: ``python -m workbench.serve notebooks/`` (what ``make run`` starts) with the
  repository's voila.json and a case store *outside* the served folder;
- ``plain``: Voilà itself (``python -m voila``) with the same voila.json on a folder that has
  the case store *inside* it (someone starting ``voila`` by hand), and a notebook whose cell fails;
- ``limited``: ``workbench.serve`` with room for one page, to see the session limit at work.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy.servers import ROOT, Server, free_port, get, start
from workbench.store import CaseStore

SECRET_NAME = "Zwetschgenbaum"  # an invented family name: it must never appear in a reply
CASE = {"format": "workbench-case/1", "case_id": "ROUTE-1", "language": "de",
        "household": {"parents": [{"id": "A", "name": SECRET_NAME,
                                   "income_before_birth": {"kind": "employee", "gross_monthly": 3000}}],
                      "children": [{"id": "K1", "birth_date": "2026-06-15"}]},
        "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB"}}}

# What a leak would look like: the SQLite file, our parameters, notebook JSON, system files.
LEAK_MARKERS = (SECRET_NAME, "SQLite format", "valid_from", '"cell_type"', "from workbench",
                "root:x:0", "cases.sqlite", "WORKBENCH_DATA")

PROBES = [
    "/voila/files/cases.sqlite",
    "/voila/files/daten/cases.sqlite",
    "/voila/files/start.ipynb",
    "/voila/files/maintainers/parameter.ipynb",
    "/voila/files/..%2f..%2fworkbench%2frules%2felterngeld%2fparams.yaml",
    "/voila/files/%2e%2e/voila.json",
    "/voila/static/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/voila/static/..%2fstart.ipynb",
    "/voila/templates/workbench/static/..%2f..%2fconf.json",
    "/voila/templates/..%2f..%2f..%2f..%2fnotebooks%2fstart.ipynb",
    "/voila/labextensions/..%2f..%2f..%2fetc%2fpasswd",
    "/static/../notebooks/start.ipynb",
    "/voila/render/..%2f..%2fworkbench%2frules%2felterngeld%2fparams.yaml",
    "/voila/render/../../voila.json",
    "/voila/render/%2e%2e/%2e%2e/etc/passwd",
    "/voila/render/daten/cases.sqlite",
    "/voila/render/start.ipynb/../../pyproject.toml",
    "/voila/render/maintainers/parameter.ipynb",
    "/voila/tree/maintainers",
    "/voila/api/contents",
    "/voila/api/contents/start.ipynb?content=1",
    "/api/contents",
    "/api/contents/start.ipynb",
    "/api/kernels",
    "/api/sessions",
    "/tree",
    "/notebooks/start.ipynb",
    "/files/start.ipynb",
    "/lab",
    "/start.ipynb",
    "/edit/start.ipynb",
    "/nbconvert/html/start.ipynb",
]


def _store_with_case(folder: Path) -> Path:
    CaseStore(folder / "cases.sqlite").save(CASE, expected_version=None)
    (folder / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + SECRET_NAME.encode())  # an allowlisted suffix
    return folder


def assert_reveals_nothing(server: Server, path: str) -> None:
    reply = get(server.url + path)
    leaked = [m for m in LEAK_MARKERS if m in reply.body]
    assert reply.status != 200 or not leaked, f"{path}: {reply.status}, reveals {leaked}"
    assert not leaked, f"{path}: {reply.status}, reveals {leaked}"
    assert "Traceback" not in reply.body


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = _store_with_case(tmp_path_factory.mktemp("daten-aussen"))
    port = free_port()
    server = start(["-m", "workbench.serve", "notebooks/", f"--port={port}"], ready="/voila/static/voila.js",
                   env={"WORKBENCH_DATA": str(data)}, name="voila-routes", port=port)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tree = tmp_path_factory.mktemp("freigabe")
    shutil.copy(ROOT / "notebooks" / "start.ipynb", tree / "start.ipynb")
    _notebook(tree / "fehler.ipynb", ["x = 1", f"raise ValueError('Familie {SECRET_NAME}, Steuer-ID 12345678901')"])
    data = _store_with_case(tree / "daten")
    port = free_port()
    server = start(["-m", "voila", str(tree), "--no-browser", f"--port={port}"], ready="/voila/static/voila.js",
                   env={"WORKBENCH_DATA": str(data)}, name="voila-plain", port=port)
    yield server
    server.stop()


def _notebook(path: Path, cells: list[str]) -> None:
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
                     "outputs": [], "source": src} for i, src in enumerate(cells)],
          "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")


@pytest.mark.parametrize("path", PROBES)
def test_no_route_of_the_workbench_server_reveals_data_parameters_or_code(served: Server, path: str) -> None:
    assert_reveals_nothing(served, path)


@pytest.mark.parametrize("path", PROBES)
def test_plain_voila_with_our_voila_json_serves_no_file_of_a_data_folder_inside_its_tree(
        plain: Server, path: str) -> None:
    assert_reveals_nothing(plain, path)


def test_plain_voila_with_our_voila_json_serves_no_file_at_all(plain: Server) -> None:
    for path in ("/voila/files/daten/bild.png", "/voila/files/daten/cases.sqlite", "/voila/files/start.ipynb"):
        assert get(plain.url + path).status == 403, path


def test_the_start_page_is_served_without_its_source_and_with_security_headers(served: Server) -> None:
    reply = get(served.url + "/voila/render/start.ipynb")
    assert reply.status == 200
    assert "Familienbüro" in reply.body
    assert "StartPage" not in reply.body and '"cell_type"' not in reply.body
    assert "frame-ancestors 'self'" in reply.headers["Content-Security-Policy"]
    assert reply.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert reply.headers["Referrer-Policy"] == "same-origin"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"


def test_the_root_leads_to_the_start_page_not_to_a_folder_listing(served: Server) -> None:
    reply = get(served.url + "/")
    assert "voila/render/start.ipynb" in reply.body
    assert "maintainers" not in reply.body and "elterngeld.ipynb" not in reply.body


def test_a_page_asked_for_under_a_foreign_host_name_is_refused(served: Server) -> None:
    """DNS rebinding: a web page of evil.example that resolves to 127.0.0.1 must not read the workbench."""
    assert get(served.url + "/voila/render/start.ipynb", headers={"Host": "evil.example:8866"}).status == 403


def test_a_failing_cell_shows_no_traceback_and_no_data(plain: Server) -> None:
    reply = get(plain.url + "/voila/render/fehler.ipynb")
    assert reply.status == 200
    assert "There was an error when executing cell" in reply.body
    for leak in (SECRET_NAME, "12345678901", "ValueError", "Traceback", "raise "):
        assert leak not in reply.body


def test_a_preheated_page_still_works_after_its_kernel_waited_longer_than_a_minute(served: Server) -> None:
    """A pooled kernel runs the notebook before the request and waits for it.

    Waiting inside a cell ran into ``VoilaExecutor.timeout`` (60 s): the next visitor got
    "Cell execution timed out" instead of the page. The pages wait in a thread now.
    """
    started = served.log.stat().st_ctime
    time.sleep(max(0.0, started + 75 - time.time()))  # the pools were heated at start
    for notebook in ("elterngeld.ipynb", "start.ipynb"):
        reply = get(served.url + f"/voila/render/{notebook}")
        assert reply.status == 200
        assert "timed out" not in reply.body and "There was an error" not in reply.body, notebook
        assert "application/vnd.jupyter.widget-view+json" in reply.body, notebook
    assert "Using pre-heated kernel" in served.log_text()


# --- the session limit -----------------------------------------------------------------
@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tree = tmp_path_factory.mktemp("klein")
    _notebook(tree / "seite.ipynb", ["print('Seite bereit')"])
    port = free_port()
    server = start(["-m", "workbench.serve", str(tree), f"--port={port}",
                    "--WorkbenchVoila.max_sessions=1", "--WorkbenchVoila.orphan_grace_s=3",
                    "--VoilaConfiguration.preheat_kernel=False"],
                   ready="/voila/static/voila.js", env={"WORKBENCH_DATA": str(tree.parent / "klein-daten")},
                   name="voila-limit", port=port)
    yield server
    server.stop()


def test_when_the_pages_are_used_up_the_next_page_is_refused_in_german_and_a_closed_one_frees_its_place(
        limited: Server) -> None:
    first = get(limited.url + "/voila/render/seite.ipynb")
    assert first.status == 200 and "Seite bereit" in first.body
    # the first page's kernel has no open connection, but it is younger than the grace period
    second = get(limited.url + "/voila/render/seite.ipynb")
    assert second.status == 503
    assert "Es sind schon 1 Seiten der Workbench geöffnet" in second.body
    assert "close a window or tab" in second.body
    assert second.headers["Retry-After"] == "60"
    time.sleep(4)  # now the first page counts as closed (no connection for 3 s): its kernel makes room
    third = get(limited.url + "/voila/render/seite.ipynb")
    assert third.status == 200 and "Seite bereit" in third.body
    assert "shutting down kernel" in limited.log_text()


# --- refusals before listening ------------------------------------------------------------
def _serve(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "workbench.serve", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "WORKBENCH_DATA": str(data)})


@pytest.mark.parametrize("ip", ["0.0.0.0", "192.0.2.10", "::"])
def test_listening_for_other_machines_without_a_token_is_refused_with_a_german_message(
        ip: str, tmp_path: Path) -> None:
    done = _serve("notebooks/", f"--ip={ip}", "--port=1", data=tmp_path)
    assert done.returncode == 2
    assert "Die Workbench lauscht nur auf diesem Rechner (127.0.0.1)" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["--debug"], ["--show_tracebacks=True"], ["--strip_sources=False"]])
def test_settings_that_would_show_code_or_tracebacks_are_refused(args: list[str], tmp_path: Path) -> None:
    done = _serve("notebooks/", "--port=1", *args, data=tmp_path)
    assert done.returncode == 2
    assert "startet nur" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_data_folder_inside_the_served_folder_is_refused(tmp_path: Path) -> None:
    done = _serve("notebooks/", "--port=1", data=ROOT / "notebooks" / "daten")
    assert done.returncode == 2
    assert "liegt im freigegebenen Notebook-Ordner" in done.stderr
    assert not (ROOT / "notebooks" / "daten").exists()


def test_the_workbench_command_serves_through_the_same_refusals(tmp_path: Path) -> None:
    import os

    done = subprocess.run([sys.executable, "-m", "workbench.cli", "serve", "--ip", "0.0.0.0", "--port", "1"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "WORKBENCH_DATA": str(tmp_path)})
    assert done.returncode == 2
    assert "nicht auf 0.0.0.0" in done.stderr and "Traceback" not in done.stderr

"""`workbench cases …`: the case store on the command line, exit 2 with a message on bad input, never a traceback."""

from __future__ import annotations

import functools
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.shared import SHARED

EXAMPLE = SHARED / "examples" / "elterngeld" / "ex-money-021.json"


def run_in(tmp_path: Path, *args: str, store: Path | str | None = None,
        **settings: str) -> subprocess.CompletedProcess[str]:
    """``workbench ARGS`` with the data folder in ``tmp_path``; ``store`` goes to WORKBENCH_STORE."""
    env = os.environ | {"WORKBENCH_DATA": str(tmp_path / "data")} | settings
    if store is not None:
        env["WORKBENCH_STORE"] = str(store)
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True, text=True,
                          timeout=120, env=env)


run = run_in


def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "fall.json"
    path.write_text(json.dumps(json.loads(EXAMPLE.read_text())["case"]), encoding="utf-8")
    return path


def test_import_list_show_export_and_delete_a_case(tmp_path: Path, store_location: Path | str) -> None:
    """On SQLite (WORKBENCH_STORE naming the file) and on PostgreSQL (WORKBENCH_STORE=postgresql://…)."""
    path = case_file(tmp_path)
    run = functools.partial(run_in, store=store_location)
    out = run(tmp_path, "cases", "import", str(path))
    assert out.returncode == 0 and "Fall ex-money-021 als Version 1 gespeichert" in out.stdout
    assert run(tmp_path, "cases", "import", str(path)).stdout.strip() == "Fall ex-money-021 als Version 2 gespeichert"
    listed = run(tmp_path, "cases", "list", "--search", "JONAS")
    assert listed.returncode == 0
    assert listed.stdout.startswith("ex-money-021\tv2\t") and "vollständig\tEva & Jonas" in listed.stdout
    as_json = json.loads(run(tmp_path, "cases", "list", "--json").stdout)
    assert [(c["case_id"], c["version"], c["complete"]) for c in as_json] == [("ex-money-021", 2, True)]
    assert run(tmp_path, "cases", "list", "--search", "niemand").stdout == ""
    shown = json.loads(run(tmp_path, "cases", "show", "ex-money-021", "--version", "1").stdout)
    assert shown["version"] == 1 and shown["data"]["case_id"] == "ex-money-021"
    exported = tmp_path / "export.json"
    assert run(tmp_path, "cases", "export", "ex-money-021", "-o", str(exported)).returncode == 0
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    assert json.loads(exported.read_text()) == json.loads(run(tmp_path, "cases", "export", "ex-money-021").stdout)
    deleted = run(tmp_path, "cases", "delete", "ex-money-021", "--yes")
    assert deleted.returncode == 0 and "Fall ex-money-021 gelöscht" in deleted.stdout
    assert run(tmp_path, "cases", "list", "--json").stdout.strip() == "[]"
    if isinstance(store_location, Path):
        assert stat.S_IMODE(store_location.parent.stat().st_mode) == 0o700
    else:  # nothing was written into the data folder
        assert not (tmp_path / "data").exists()


def test_the_history_shows_which_advisor_saved_each_version(tmp_path: Path, store_location: Path | str) -> None:
    path = case_file(tmp_path)
    assert run_in(tmp_path, "cases", "import", str(path), store=store_location, JUPYTERHUB_USER="berater-a",
                  WORKBENCH_ADVISOR="wird-nicht-genommen").returncode == 0  # the hub's login wins
    assert run_in(tmp_path, "cases", "import", str(path), store=store_location, JUPYTERHUB_USER="",
                  WORKBENCH_ADVISOR="beraterin-b").returncode == 0  # one system login, advisor named by setting
    lines = run_in(tmp_path, "cases", "history", "ex-money-021", store=store_location).stdout.splitlines()
    assert [(line.split("\t")[0], line.split("\t")[2], line.split("\t")[3]) for line in lines] == [
        ("v2", "vollständig", "beraterin-b"), ("v1", "vollständig", "berater-a")]
    as_json = json.loads(run_in(tmp_path, "cases", "history", "ex-money-021", "--json", store=store_location).stdout)
    assert [(v["version"], v["saved_by"]) for v in as_json] == [(2, "beraterin-b"), (1, "berater-a")]


def test_a_store_setting_that_cannot_work_exits_2_with_a_german_message(tmp_path: Path) -> None:
    unreachable = run_in(tmp_path, "cases", "list", store="postgresql://workbench:geheim-pw@127.0.0.1:1/faelle")
    assert unreachable.returncode == 2 and "Traceback" not in unreachable.stderr
    assert "Die Falldatenbank postgresql://workbench@127.0.0.1:1/faelle ist nicht erreichbar" in unreachable.stderr
    assert "geheim-pw" not in unreachable.stderr  # the password is never shown
    other = run_in(tmp_path, "cases", "list", store="mysql://x@host/db")
    assert other.returncode == 2 and "WORKBENCH_STORE nennt eine Falldatenbank der Art mysql://" in other.stderr


def test_bad_input_exits_with_2_and_a_message_never_a_traceback(tmp_path: Path) -> None:
    path = case_file(tmp_path)
    run(tmp_path, "cases", "import", str(path))
    broken = tmp_path / "broken.json"
    broken.write_text("{ nope", encoding="utf-8")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_text("keine Datenbank " * 100, encoding="utf-8")
    (tmp_path / "exists.json").write_text("{}", encoding="utf-8")
    cases = {
        ("cases", "show", "gibt-es-nicht"): "Fall gibt-es-nicht nicht gefunden",
        ("cases", "show", "ex-money-021", "--version", "9"): "keine Version 9",
        ("cases", "show", "ex-money-021", "--version", "x"): "ganze Zahl ab 1",
        ("cases", "export", "gibt-es-nicht"): "nicht gefunden",
        ("cases", "export", "ex-money-021", "-o", str(tmp_path / "exists.json")): "gibt es schon",
        ("cases", "import", str(tmp_path / "fehlt.json")): "nicht gefunden",
        ("cases", "import", str(broken)): "kein gültiges JSON",
        ("cases", "delete", "ex-money-021"): "bitte mit --yes bestätigen",
        ("cases", "delete", "gibt-es-nicht", "--yes"): "nicht gefunden",
        ("cases", "list", "--store", str(garbage)): "kann nicht geöffnet werden",
        ("cases", "list", "--limit", "0"): "ganze Zahl ab 1",
        ("cases",): "required",
    }
    for args, expected in cases.items():
        out = run(tmp_path, *args)
        assert out.returncode == 2, args
        assert expected in out.stderr, (args, out.stderr)
        assert "Traceback" not in out.stderr + out.stdout, args
    assert json.loads(run(tmp_path, "cases", "show", "ex-money-021").stdout)["version"] == 1  # nothing was deleted


def test_a_store_file_can_be_named_on_the_command_line(tmp_path: Path) -> None:
    store = tmp_path / "anderer" / "ort.sqlite"
    assert run(tmp_path, "cases", "import", str(case_file(tmp_path)), "--store", str(store)).returncode == 0
    assert store.is_file() and stat.S_IMODE(store.stat().st_mode) == 0o600
    assert run(tmp_path, "cases", "list", "--json").stdout.strip() == "[]"
    assert "ex-money-021" in run(tmp_path, "cases", "list", "--store", str(store)).stdout


def test_prune_removes_superseded_drafts(tmp_path: Path) -> None:
    from workbench.store import CaseStore

    store = CaseStore(tmp_path / "data" / "cases.sqlite")
    store.save({"case_id": "ex-money-021"}, expected_version=None)
    store.import_json(case_file(tmp_path))
    out = run(tmp_path, "cases", "prune")
    assert out.returncode == 0 and out.stdout.strip() == "Überholte Entwürfe gelöscht: 1"
    assert [s.version for s in store.history("ex-money-021")] == [2]

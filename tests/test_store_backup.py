"""Backup, restore, retention and a family's request for its data or its deletion (docs/store.md, docs/datenschutz.md)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.pg_server import raw_sql
from tests.shared import SHARED
from workbench.case import migrate
from workbench.cli import main
from workbench.errors import CaseNotFound, StoreConflict, StoreError
from workbench.store import CaseStore

ROOT = Path(__file__).resolve().parents[1]
# the shared example is a workbench-case/1 file: the store reads every version through the migration to /2
CASE: dict[str, Any] = migrate(json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text())["case"])
SAVER = """
import sys
from pathlib import Path
from workbench.store import CaseStore
store = CaseStore(Path(sys.argv[1]))
version = store.open("laufend").version
while True:
    version = store.save({"case_id": "laufend", "notes": "x" * 3000, "step": version + 1}, expected_version=version)
    print(version, flush=True)
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _age(location: Path | str, case_id: str, days: int) -> None:
    """Pretend the case was last saved ``days`` ago (the store writes the current time)."""
    from datetime import datetime

    for seq, saved_at in raw_sql(location, "SELECT seq, saved_at FROM versions WHERE case_id = ?", (case_id,)):
        moved = datetime.fromisoformat(str(saved_at)) - timedelta(days=days)
        raw_sql(location, "UPDATE versions SET saved_at = ? WHERE seq = ?", (moved.isoformat(), seq))


def test_a_backup_taken_while_a_process_keeps_saving_is_consistent_private_and_one_file(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "data" / "cases.sqlite")
    store.save({"case_id": "laufend", "step": 1}, expected_version=None)
    child = subprocess.Popen([sys.executable, "-c", SAVER, str(store.path)], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert child.stdout is not None
    try:
        for number in range(4):
            for _ in range(5):  # the writer is running: it has saved five more versions
                int(child.stdout.readline())
            target = tmp_path / f"sicherung-{number}.sqlite"
            assert main(["backup", str(target), "--store", str(store.path)]) == 0
            assert _mode(target) == 0o600
            assert not Path(f"{target}-wal").exists()
            with closing(sqlite3.connect(target)) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            copy = CaseStore(target)
            versions = [s.version for s in copy.history("laufend")]
            assert versions == list(range(versions[0], 0, -1)) and versions[0] >= 5 * (number + 1)
            assert copy.open("laufend").data["step"] == versions[0]
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()


def test_restore_refuses_a_store_with_cases_unless_forced_and_then_brings_the_backup_back(tmp_path: Path,
                                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    store = CaseStore(tmp_path / "data" / "cases.sqlite")
    store.save(CASE, expected_version=None)
    backup = tmp_path / "sicherung.sqlite"
    assert main(["backup", str(backup), "--store", str(store.path)]) == 0
    store.save(CASE | {"notes": "nach der Sicherung"}, expected_version=1)
    store.save(CASE | {"case_id": "neu-1"}, expected_version=None)
    capsys.readouterr()
    assert main(["restore", str(backup), "--store", str(store.path)]) == 2
    assert "enthält Fälle" in capsys.readouterr().err and store.open("neu-1").version == 1  # untouched
    assert main(["restore", str(backup), "--store", str(store.path), "--force"]) == 0
    assert "1 Fälle, geprüft" in capsys.readouterr().out
    again = CaseStore(store.path)
    assert [s.version for s in again.history(CASE["case_id"])] == [1] and again.open(CASE["case_id"]).data == CASE
    with pytest.raises(CaseNotFound):
        again.open("neu-1")
    assert _mode(store.path) == 0o600
    with closing(sqlite3.connect(store.path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert again.save(CASE, expected_version=1) == 2  # the restored store saves on as usual


def test_restore_into_an_empty_store_needs_no_force_and_a_damaged_backup_is_refused(tmp_path: Path,
                                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    source = CaseStore(tmp_path / "alt.sqlite")
    source.save(CASE, expected_version=None)
    backup = tmp_path / "sicherung.sqlite"
    main(["backup", str(backup), "--store", str(source.path)])
    fresh = tmp_path / "neu" / "cases.sqlite"
    assert main(["restore", str(backup), "--store", str(fresh)]) == 0
    assert CaseStore(fresh).open(CASE["case_id"]).data == CASE and _mode(fresh) == 0o600
    damaged = tmp_path / "kaputt.sqlite"
    with closing(sqlite3.connect(backup)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'versions'").fetchone()[0]
    raw = bytearray(backup.read_bytes())
    start = (root - 1) * 4096 + 8
    raw[start: start + 64] = b"\x7f" * 64  # the cell pointers of the versions table point nowhere
    damaged.write_bytes(bytes(raw))
    not_a_store = tmp_path / "fremd.sqlite"
    with closing(sqlite3.connect(not_a_store)) as conn:
        conn.execute("CREATE TABLE t (x)")
    text_file = tmp_path / "notiz.txt"
    text_file.write_text("keine Sicherung " * 300, encoding="utf-8")
    capsys.readouterr()
    for bad, expected in ((damaged, "beschädigt"), (not_a_store, "keine Falldatenbank"),
                          (text_file, "kann nicht gelesen werden"), (tmp_path / "fehlt.sqlite", "nicht gefunden")):
        assert main(["restore", str(bad), "--store", str(fresh), "--force"]) == 2, bad
        err = capsys.readouterr().err
        assert expected in err and "Traceback" not in err, (bad, err)
    assert CaseStore(fresh).open(CASE["case_id"]).data == CASE  # every refusal left the store as it was


def test_backup_does_not_overwrite_a_file_or_the_store_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    store.save(CASE, expected_version=None)
    other = tmp_path / "vorhanden.sqlite"
    other.write_text("wichtig", encoding="utf-8")
    assert main(["backup", str(other), "--store", str(store.path)]) == 2
    assert other.read_text(encoding="utf-8") == "wichtig" and "gibt es schon" in capsys.readouterr().err
    assert main(["backup", str(store.path), "--store", str(store.path), "--force"]) == 2
    assert "die Falldatenbank selbst" in capsys.readouterr().err
    assert store.open(CASE["case_id"]).data == CASE
    assert main(["backup", str(other), "--store", str(store.path), "--force"]) == 0
    assert CaseStore(other).open(CASE["case_id"]).data == CASE


def test_purge_deletes_cases_whose_last_save_is_older_than_the_retention_with_a_dry_run_first(
        store_location: Path | str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    store = CaseStore(store_location)
    where = str(store_location)
    for case_id in ("alt-1", "alt-2", "frisch-1", "zurueck-1"):
        store.save(CASE | {"case_id": case_id}, expected_version=None)
    _age(store_location, "alt-1", 800)
    _age(store_location, "alt-2", 731)
    _age(store_location, "zurueck-1", 900)
    store.save(CASE | {"case_id": "zurueck-1", "notes": "wieder da"}, expected_version=1)  # counts from its last save
    with pytest.raises(StoreConflict):
        store.save(CASE | {"case_id": "alt-1"}, expected_version=None)  # a conflict copy, deleted with it
    capsys.readouterr()
    assert main(["purge", "--older-than", "2y", "--dry-run", "--store", where]) == 0
    out = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.out.splitlines()] == ["alt-1", "alt-2"]
    assert "würden gelöscht" in out.err and "730 Tage" in out.err
    assert {s.case_id for s in store.list()} == {"alt-1", "alt-2", "frisch-1", "zurueck-1"}
    assert main(["purge", "--store", where]) == 2
    assert "WORKBENCH_RETENTION_DAYS" in capsys.readouterr().err
    monkeypatch.setenv("WORKBENCH_RETENTION_DAYS", "730")
    assert main(["purge", "--store", where]) == 0
    assert "2 Fälle älter als 730 Tage" in capsys.readouterr().err
    assert {s.case_id for s in store.list()} == {"frisch-1", "zurueck-1"}
    assert store.conflict_copies("alt-1") == []
    assert raw_sql(store_location, "SELECT count(*) FROM versions WHERE case_id IN ('alt-1', 'alt-2')") == [(0,)]
    for bad in ("0", "zwei Jahre", "-5d", "3m"):
        assert main(["purge", f"--older-than={bad}", "--store", where]) == 2, bad
        assert "nicht verstanden" in capsys.readouterr().err


def test_export_of_all_versions_holds_drafts_versions_and_conflict_copies_in_order(
        tmp_path: Path, store_location: Path | str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUPYTERHUB_USER", "beraterin-a")
    store = CaseStore(store_location)
    store.save({"case_id": CASE["case_id"], "notes": "Entwurf"}, expected_version=None)
    store.save(CASE, expected_version=1)
    with pytest.raises(StoreConflict):
        store.save(CASE | {"notes": "anderes Fenster"}, expected_version=1)
    target = tmp_path / "auskunft.json"
    assert main(["cases", "export", CASE["case_id"], "--all-versions", "-o", str(target),
                 "--store", str(store_location)]) == 0
    assert _mode(target) == 0o600
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["format"] == "workbench-case-history/1" and exported["case_id"] == CASE["case_id"]
    assert [(v["version"], v["complete"], v["saved_by"]) for v in exported["versions"]] == [
        (1, False, "beraterin-a"), (2, True, "beraterin-a")]
    assert exported["versions"][0]["data"] == {"case_id": CASE["case_id"], "notes": "Entwurf"}
    assert exported["versions"][1]["data"] == CASE
    assert [(c["based_on"], c["data"]["notes"]) for c in exported["conflict_copies"]] == [(1, "anderes Fenster")]


def test_a_conflict_shows_both_versions_on_the_command_line(store_location: Path | str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    store = CaseStore(store_location)
    store.save(CASE, expected_version=None)
    store.save(CASE | {"notes": "Beraterin 1"}, expected_version=1)
    with pytest.raises(StoreConflict):
        store.save(CASE | {"notes": "Beraterin 2"}, expected_version=1)
    capsys.readouterr()
    assert main(["cases", "conflicts", CASE["case_id"], "--store", str(store_location)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["latest_version"] == 2 and store.open(CASE["case_id"]).data["notes"] == "Beraterin 1"
    assert [c["data"]["notes"] for c in shown["conflict_copies"]] == ["Beraterin 2"]


def test_deleting_a_case_leaves_none_of_its_text_in_the_database_or_its_write_ahead_log(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    marker = "Quirinella-Zwetschgenbaum"
    family = CASE | {"case_id": "loeschen-1", "notes": f"Notiz über {marker}"}
    family["household"] = family["household"] | {
        "parents": [p | {"name": f"{marker}{i}"} for i, p in enumerate(CASE["household"]["parents"])]}
    store.save(family, expected_version=None)
    for n in range(1, 6):
        store.save(family | {"notes": f"{marker} {n}"}, expected_version=n)
    with pytest.raises(StoreConflict):
        store.save(family, expected_version=1)
    store.save(CASE, expected_version=None)  # another family stays
    with closing(sqlite3.connect(store.path)) as reader:  # a reader keeps the -wal file in place
        reader.execute("SELECT count(*) FROM versions").fetchone()
        assert main(["cases", "delete", "loeschen-1", "--yes", "--store", str(store.path)]) == 0
        files = [p for p in tmp_path.iterdir() if p.name.startswith("cases.sqlite")]
        raw = b"".join(p.read_bytes() for p in files)
    assert marker.encode() not in raw and marker.encode("utf-16-le") not in raw
    assert b"Jonas" in raw  # the other family is still there, in the clear (no key set)
    assert [s.case_id for s in store.list()] == [CASE["case_id"]]


def test_a_store_error_names_no_family_data(store_location: Path | str) -> None:
    store = CaseStore(store_location)
    store.save(CASE, expected_version=None)
    with pytest.raises(StoreError) as refused:
        store.save(CASE | {"notes": "Eva ist schwanger"}, expected_version=None)
    assert "Eva" not in str(refused.value) and "schwanger" not in str(refused.value)

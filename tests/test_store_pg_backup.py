"""Backup and restore of a case store on PostgreSQL: ``pg_dump`` while servers keep saving (docs/store.md).

The SQLite backup is tested in tests/test_store_backup.py; these run against the private server
of tests/conftest.py (skipped with the reason where PostgreSQL cannot be installed).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.pg_server import raw_sql
from tests.shared import SHARED
from workbench.case import migrate
from workbench.cli import main
from workbench.errors import CaseNotFound, StoreError
from workbench.store import CaseStore
from workbench.store.crypto import new_key

ROOT = Path(__file__).resolve().parents[1]
CASE: dict[str, Any] = migrate(json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text())["case"])
SAVER = """
import sys
from workbench.store import CaseStore
store = CaseStore(sys.argv[1])
version = store.open("laufend").version
while True:
    version = store.save({"case_id": "laufend", "notes": "x" * 3000, "step": version + 1}, expected_version=version)
    print(version, flush=True)
"""


def test_a_pg_dump_backup_taken_while_a_process_keeps_saving_is_consistent_private_and_restores(
        tmp_path: Path, database: Callable[[], str], capsys: pytest.CaptureFixture[str]) -> None:
    url = database()
    store = CaseStore(url)
    store.save({"case_id": "laufend", "step": 1}, expected_version=None)
    child = subprocess.Popen([sys.executable, "-c", SAVER, url], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                             env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert child.stdout is not None
    try:
        for number in range(3):
            for _ in range(5):  # the writer is running: it has saved five more versions
                int(child.stdout.readline())
            target = tmp_path / f"sicherung-{number}.dump"
            assert main(["backup", str(target), "--store", url]) == 0
            assert "(1 Fälle, geprüft)" in capsys.readouterr().out
            assert stat.S_IMODE(target.stat().st_mode) == 0o600
            copy_url = database()
            assert main(["restore", str(target), "--store", copy_url]) == 0  # an empty database: no --force
            copy = CaseStore(copy_url)
            versions = [s.version for s in copy.history("laufend")]
            assert versions == list(range(versions[0], 0, -1)) and versions[0] >= 5 * (number + 1)
            assert copy.open("laufend").data["step"] == versions[0]
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    assert store.open("laufend").version > versions[0]  # the writer went on after the last backup


def test_pg_restore_refuses_a_store_with_cases_unless_forced_and_refuses_what_is_no_backup(
        tmp_path: Path, database: Callable[[], str], capsys: pytest.CaptureFixture[str]) -> None:
    url = database()
    store = CaseStore(url)
    store.save(CASE, expected_version=None)
    backup = tmp_path / "sicherung.dump"
    assert main(["backup", str(backup), "--store", url]) == 0
    assert main(["backup", str(backup), "--store", url]) == 2 and "gibt es schon" in capsys.readouterr().err
    store.save(CASE | {"notes": "nach der Sicherung"}, expected_version=1)
    store.save(CASE | {"case_id": "neu-1"}, expected_version=None)
    capsys.readouterr()
    assert main(["restore", str(backup), "--store", url]) == 2
    assert "enthält Fälle" in capsys.readouterr().err and store.open("neu-1").version == 1  # untouched
    text_file = tmp_path / "notiz.txt"
    text_file.write_text("keine Sicherung " * 300, encoding="utf-8")
    for bad, expected in ((text_file, "kann nicht gelesen werden"), (tmp_path / "fehlt.dump", "nicht gefunden")):
        assert main(["restore", str(bad), "--store", url, "--force"]) == 2
        err = capsys.readouterr().err
        assert expected in err and "Traceback" not in err, err
    assert store.open("neu-1").version == 1  # every refusal left the store as it was
    assert main(["restore", str(backup), "--store", url, "--force"]) == 0
    assert "1 Fälle, geprüft" in capsys.readouterr().out
    again = CaseStore(url)
    assert [s.version for s in again.history(CASE["case_id"])] == [1] and again.open(CASE["case_id"]).data == CASE
    with pytest.raises(CaseNotFound):
        again.open("neu-1")
    assert again.save(CASE, expected_version=1) == 2  # the restored store saves on as usual


def test_the_backup_of_an_encrypted_pg_store_stays_encrypted(tmp_path: Path, database: Callable[[], str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_KEY", new_key())
    url = database()
    CaseStore(url).save(CASE, expected_version=None)
    backup = tmp_path / "sicherung.dump"
    assert main(["backup", str(backup), "--store", url]) == 0
    copy_url = database()
    assert main(["restore", str(backup), "--store", copy_url]) == 0
    rows = "\n".join(str(r) for r in raw_sql(copy_url, "SELECT family, data FROM versions"))
    assert "Jonas" not in rows and "gcm1:" in rows  # the restored rows are the sealed values
    assert CaseStore(copy_url).open(CASE["case_id"]).data == CASE
    monkeypatch.delenv("WORKBENCH_KEY")
    with pytest.raises(StoreError, match="verschlüsselt"):
        CaseStore(copy_url)

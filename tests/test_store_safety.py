"""The case store under pressure: two processes racing, a process killed mid-save, file permissions, bad files."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
from collections.abc import Callable
from contextlib import closing
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.shared import SHARED
from workbench.case import migrate
from workbench.errors import StoreConflict, StoreError
from workbench.store import CaseStore, default_store_path

ROOT = Path(__file__).resolve().parents[1]
# the shared example is a workbench-case/1 file: the store reads every version through the migration to /2
CASE: dict[str, Any] = migrate(json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text())["case"])
ROUNDS = 20


def _report(results: Any, round_no: int, name: str, attempt: Callable[[], object]) -> None:
    """Put what one round's ``attempt`` came to into ``results``: won, refused (StoreConflict) or the error."""
    try:
        attempt()
        results.put((round_no, name, "won"))
    except StoreConflict:
        results.put((round_no, name, "refused"))
    except Exception as exc:  # noqa: BLE001 - reported to the test instead of hanging it
        results.put((round_no, name, f"error: {exc}"))


def _race(target: Callable[[str, str, Any, Any], None], path: Path | str, names: tuple[str, str],
          outcomes: int) -> list[tuple[int, str, str]]:
    """Run ``target`` in two spawned processes, one per name, that meet at a barrier; collect ``outcomes`` reports."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=target, args=(str(path), name, barrier, results)) for name in names]
    for worker in workers:
        worker.start()
    reported = [results.get(timeout=120) for _ in range(outcomes)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    return reported


def _racer(path: str, name: str, barrier: Any, results: Any) -> None:
    """One advisor's process: every round, save the version both processes opened, at the same moment."""
    store = CaseStore(path)

    def save_opened(round_no: int) -> None:
        barrier.wait(timeout=60)
        opened = store.open(CASE["case_id"])  # both open the same version ...
        barrier.wait(timeout=60)  # ... and save at once
        store.save(opened.data | {"notes": f"{name} {round_no}"}, expected_version=opened.version)

    for round_no in range(ROUNDS):
        _report(results, round_no, name, lambda: save_opened(round_no))


def test_two_processes_saving_the_same_version_at_once_exactly_one_wins_every_round(store_location: Path | str) -> None:
    path = store_location  # a SQLite file, or a database on the PostgreSQL test server
    CaseStore(path).save(CASE, expected_version=None)
    outcomes = _race(_racer, path, ("tab-1", "tab-2"), 2 * ROUNDS)
    for round_no in range(ROUNDS):
        assert sorted(o[2] for o in outcomes if o[0] == round_no) == ["refused", "won"], round_no
    store = CaseStore(path)
    assert [s.version for s in store.history(CASE["case_id"])] == list(range(ROUNDS + 1, 0, -1))
    assert len(store.conflict_copies(CASE["case_id"])) == ROUNDS  # every refused save was kept
    winners = {(o[0], o[1]) for o in outcomes if o[2] == "won"}
    for version in range(2, ROUNDS + 2):
        name, round_no = store.open(CASE["case_id"], version).data["notes"].split()
        assert (int(round_no), name) in winners and int(round_no) == version - 2


SAVER = """
import sys
from pathlib import Path
from workbench.store import CaseStore
store = CaseStore(sys.argv[1])
case_id = sys.argv[2]
version = store.open(case_id).version
while True:
    data = {"case_id": case_id, "notes": "x" * 2000, "step": version + 1}
    version = store.save(data, expected_version=version)
    print(version, flush=True)
"""


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_process_killed_in_the_middle_of_saving_loses_nothing_it_reported_saved(
        store_location: Path | str, encrypted: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if encrypted:  # the saving child inherits the key
        from workbench.store.crypto import new_key

        monkeypatch.setenv("WORKBENCH_KEY", new_key())
    path = store_location  # PostgreSQL: the server rolls back the killed connection's open transaction
    store = CaseStore(path)
    store.save({"case_id": "absturz-1", "step": 1}, expected_version=None)
    reported: list[int] = []
    for kill_after in (5, 17, 40, 3, 25):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path), "absturz-1"], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        for _ in range(kill_after):
            reported.append(int(child.stdout.readline()))
        child.send_signal(signal.SIGKILL)  # in the middle of the loop of saves
        reported += [int(line) for line in child.stdout.read().split()]
        child.wait(timeout=30)
        child.stdout.close()
        if isinstance(path, Path):
            with closing(sqlite3.connect(path)) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        reopened = CaseStore(path)
        latest = reopened.open("absturz-1")
        assert latest.version >= max(reported)
        for version in reported[-kill_after:]:
            assert reopened.open("absturz-1", version).data["step"] == version
    assert reported == sorted(reported) and len(set(reported)) == len(reported)
    versions = [s.version for s in CaseStore(path).history("absturz-1")]
    assert versions == list(range(versions[0], 0, -1))  # no gaps: every save was whole or absent


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_folder_is_0700_and_the_database_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = CaseStore(tmp_path / "neu" / "daten" / "cases.sqlite")
        store.save(CASE, expected_version=None)
        with closing(sqlite3.connect(store.path)) as reader:  # keep -wal and -shm in place while we look
            reader.execute("SELECT count(*) FROM versions").fetchone()
            extra = [p for p in store.path.parent.iterdir() if p != store.path]
            assert all(_mode(p) == 0o600 for p in extra), [(p.name, oct(_mode(p))) for p in extra]
    finally:
        os.umask(old)
    assert _mode(tmp_path / "neu") == 0o700 and _mode(tmp_path / "neu" / "daten") == 0o700
    assert _mode(store.path) == 0o600


def test_the_default_location_is_workbench_data_else_the_users_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_DATA", str(tmp_path / "amt"))
    assert CaseStore().path == tmp_path / "amt" / "cases.sqlite"
    assert _mode(tmp_path / "amt") == 0o700
    monkeypatch.delenv("WORKBENCH_DATA")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / ".local" / "share" / "workbench").mkdir(parents=True, mode=0o755)
    (tmp_path / "home" / ".local" / "share" / "workbench").chmod(0o755)
    assert default_store_path() == tmp_path / "home" / ".local" / "share" / "workbench" / "cases.sqlite"
    store = CaseStore()
    assert store.path == default_store_path() and _mode(store.path.parent) == 0o700  # tightened
    assert _mode(store.path) == 0o600


def test_a_file_that_is_no_database_or_from_a_newer_version_gives_a_clear_message(tmp_path: Path) -> None:
    garbage = tmp_path / "kaputt.sqlite"
    garbage.write_bytes(b"das ist keine Datenbank" * 100)
    with pytest.raises(StoreError, match="kann nicht geöffnet werden"):
        CaseStore(garbage)
    newer = tmp_path / "neu.sqlite"
    CaseStore(newer)
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
        conn.commit()
    with pytest.raises(StoreError, match="Schema-Version 99"):
        CaseStore(newer)


def test_the_database_runs_in_wal_mode_with_a_schema_version(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    with closing(sqlite3.connect(store.path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(4,)]
    CaseStore(store.path)  # opening again keeps it as it is
    with closing(sqlite3.connect(store.path)) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(4,)]


def test_a_store_of_schema_version_1_is_upgraded_when_opened_and_keeps_its_cases(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    store.save(CASE, expected_version=None)
    with closing(sqlite3.connect(store.path)) as conn:  # as the first workbench wrote it: no store_meta
        conn.execute("DROP TABLE store_meta")
        conn.execute("UPDATE schema_version SET version = 1")
        conn.commit()
    reopened = CaseStore(store.path)
    assert reopened.open(CASE["case_id"]).data == CASE and not reopened.encrypted
    with closing(sqlite3.connect(store.path)) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 4
        assert conn.execute("SELECT count(*) FROM store_meta").fetchone()[0] == 0


def test_saves_are_logged_with_case_id_and_version_only(store_location: Path | str,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    store = CaseStore(store_location)
    caplog.set_level("DEBUG", logger="workbench.store")
    store.save(CASE, expected_version=None)
    with pytest.raises(StoreConflict):
        store.save(CASE, expected_version=None)
    store.delete(CASE["case_id"])
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "ex-money-021" in logged and "version 1" in logged
    for personal in ("Eva", "Jonas", "Bochum", "3000"):
        assert personal not in logged


def test_many_quick_saves_stay_fast(store_location: Path | str) -> None:
    store = CaseStore(store_location)
    version = store.save(CASE, expected_version=None)
    started = time.perf_counter()
    for _ in range(30):
        version = store.save(CASE, expected_version=version)
    assert (time.perf_counter() - started) / 30 < 0.5  # a draft save per field must not be felt


def _creator(path: str, name: str, barrier: Any, results: Any) -> None:
    """Two advisors create a case with the same case id at the same moment."""
    store = CaseStore(path)

    def create(round_no: int) -> None:
        barrier.wait(timeout=60)
        store.save(CASE | {"case_id": f"neu-{round_no}", "notes": name}, expected_version=None)

    for round_no in range(ROUNDS // 2):
        _report(results, round_no, name, lambda: create(round_no))


def test_two_processes_creating_the_same_new_case_at_once_exactly_one_wins(store_location: Path | str) -> None:
    path = store_location
    CaseStore(path)
    outcomes = _race(_creator, path, ("A", "B"), ROUNDS)
    store = CaseStore(path)
    for round_no in range(ROUNDS // 2):
        assert sorted(o[2] for o in outcomes if o[0] == round_no) == ["refused", "won"], round_no
        [winner] = [o[1] for o in outcomes if o[0] == round_no and o[2] == "won"]
        assert store.open(f"neu-{round_no}").data["notes"] == winner
        assert [c.data["notes"] for c in store.conflict_copies(f"neu-{round_no}")] == [{"A": "B", "B": "A"}[winner]]

"""Encryption at rest: case data and names sealed with AES-256-GCM, the key from the environment (docs/store.md)."""

from __future__ import annotations

import json
import sqlite3
import stat
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from tests.pg_server import raw_sql
from tests.shared import SHARED
from workbench.case import migrate
from workbench.cli import main
from workbench.errors import StoreConflict, StoreError
from workbench.store import CaseStore
from workbench.store.crypto import new_key, parse_key

# the shared example is a workbench-case/1 file: the store reads every version through the migration to /2
CASE: dict[str, Any] = migrate(json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text())["case"])
SECRET_NOTE = "Pflegegrad 3 bei der Großmutter"


def _raw(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("cases.sqlite"))


def _stored(location: Path | str) -> bytes:
    """What the store holds at rest: the SQLite files, or every row of every table on PostgreSQL."""
    if isinstance(location, Path):
        with closing(sqlite3.connect(location)) as reader:  # -wal stays while we look
            reader.execute("SELECT count(*) FROM versions").fetchone()
            return _raw(location.parent)
    import psycopg

    with psycopg.connect(location) as conn:
        return "\n".join(str(row) for table in ("cases", "versions", "conflicts", "store_meta")
                         for row in conn.execute(f"SELECT * FROM {table}").fetchall()).encode()



def _key_file(path: Path, key: str | None = None) -> Path:
    path.write_text((key or new_key()) + "\n", encoding="ascii")
    path.chmod(0o600)
    return path


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> str:
    value = new_key()
    monkeypatch.setenv("WORKBENCH_KEY", value)
    return value


def test_with_a_key_names_and_case_data_are_not_in_the_file_and_read_back_exactly(store_location: Path | str,
                                                                                 key: str) -> None:
    store = CaseStore(store_location)
    assert store.encrypted
    case = CASE | {"notes": SECRET_NOTE}
    store.save(case, expected_version=None)
    with pytest.raises(StoreConflict):
        store.save(case | {"notes": "zweites Fenster: " + SECRET_NOTE}, expected_version=None)
    raw = _stored(store_location)
    for personal in ("Jonas", "Eva", "Pflegegrad", "Großmutter", "3000"):
        assert personal.encode() not in raw, personal
    assert b"ex-money-021" in raw  # the case id stays clear (docs/store.md says so)
    assert store.open("ex-money-021").data == case
    assert [c.data["notes"] for c in store.conflict_copies("ex-money-021")] == ["zweites Fenster: " + SECRET_NOTE]
    assert [s.family for s in store.list(search="jonas")] == ["Eva & Jonas"]
    assert store.list(search="niemand") == []


def test_an_encrypted_store_without_its_key_or_with_another_key_is_refused_in_german(
        store_location: Path | str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = CaseStore(store_location, key=parse_key(new_key(), "test"))
    store.save(CASE, expected_version=None)
    with pytest.raises(StoreError, match="ist verschlüsselt. Ohne Schlüssel kann sie nicht geöffnet werden"):
        CaseStore(store_location)
    other = new_key()
    monkeypatch.setenv("WORKBENCH_KEY", other)
    with pytest.raises(StoreError, match="Der Schlüssel passt nicht") as wrong:
        CaseStore(store_location)
    assert other not in str(wrong.value)


def test_a_key_for_a_store_that_is_not_encrypted_is_refused_instead_of_silently_storing_in_the_clear(
        store_location: Path | str, monkeypatch: pytest.MonkeyPatch) -> None:
    CaseStore(store_location).save(CASE, expected_version=None)
    monkeypatch.setenv("WORKBENCH_KEY", new_key())
    with pytest.raises(StoreError, match="nicht verschlüsselt.*workbench key rotate"):
        CaseStore(store_location)


def test_bad_keys_and_key_files_give_a_message_that_does_not_repeat_the_key(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_KEY", "geheim-aber-zu-kurz")
    with pytest.raises(StoreError, match="kein gültiger Workbench-Schlüssel") as short:
        CaseStore(tmp_path / "a.sqlite")
    assert "geheim" not in str(short.value)
    monkeypatch.delenv("WORKBENCH_KEY")
    open_file = _key_file(tmp_path / "offen.key")
    open_file.chmod(0o644)
    monkeypatch.setenv("WORKBENCH_KEY_FILE", str(open_file))
    with pytest.raises(StoreError, match="auch für andere lesbar.*chmod 600"):
        CaseStore(tmp_path / "a.sqlite")
    monkeypatch.setenv("WORKBENCH_KEY_FILE", str(tmp_path / "fehlt.key"))
    with pytest.raises(StoreError, match="kann nicht gelesen werden"):
        CaseStore(tmp_path / "a.sqlite")
    good = _key_file(tmp_path / "gut.key")
    monkeypatch.setenv("WORKBENCH_KEY_FILE", str(good))
    monkeypatch.setenv("WORKBENCH_KEY", new_key())
    with pytest.raises(StoreError, match="beide gesetzt"):
        CaseStore(tmp_path / "a.sqlite")
    monkeypatch.delenv("WORKBENCH_KEY")
    assert CaseStore(tmp_path / "a.sqlite").encrypted  # the key file alone works


def test_a_value_moved_into_another_case_does_not_decrypt(store_location: Path | str, key: str) -> None:
    store = CaseStore(store_location)
    store.save(CASE, expected_version=None)
    store.save(CASE | {"case_id": "anderer-fall"}, expected_version=None)
    [(sealed,)] = raw_sql(store_location, "SELECT data FROM versions WHERE case_id = 'ex-money-021'")
    raw_sql(store_location, "UPDATE versions SET data = ? WHERE case_id = 'anderer-fall'", (sealed,))
    with pytest.raises(StoreError, match="lässt sich mit diesem Schlüssel nicht entschlüsseln"):
        store.open("anderer-fall")


def test_the_backup_of_an_encrypted_store_stays_encrypted(tmp_path: Path, key: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    store.save(CASE, expected_version=None)
    backup = tmp_path / "sicherung.sqlite"
    assert main(["backup", str(backup), "--store", str(store.path)]) == 0
    assert b"Jonas" not in backup.read_bytes()
    assert CaseStore(backup).open("ex-money-021").data == CASE
    monkeypatch.delenv("WORKBENCH_KEY")
    with pytest.raises(StoreError, match="verschlüsselt"):
        CaseStore(backup)


def test_key_rotation_re_encrypts_everything_and_the_old_key_no_longer_opens_the_store(
        tmp_path: Path, store_location: Path | str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = store_location  # PostgreSQL: the same commands with --store postgresql://…
    plain = CaseStore(path)
    plain.save(CASE, expected_version=None)
    plain.save(CASE | {"notes": SECRET_NOTE}, expected_version=1)
    with pytest.raises(StoreConflict):
        plain.save(CASE, expected_version=1)
    first = _key_file(tmp_path / "erster.key")
    assert main(["key", "rotate", "--new-key-file", str(first), "--store", str(path)]) == 0  # plain → encrypted
    assert "3 Einträge" in capsys.readouterr().out
    assert b"Jonas" not in _stored(path) and b"Pflegegrad" not in _stored(path)
    monkeypatch.setenv("WORKBENCH_KEY_FILE", str(first))
    assert CaseStore(path).open("ex-money-021").data["notes"] == SECRET_NOTE
    second = tmp_path / "zweiter.key"
    assert main(["key", "new", "-o", str(second)]) == 0
    assert stat.S_IMODE(second.stat().st_mode) == 0o600 and len(second.read_text().strip()) == 44
    assert main(["key", "rotate", "--new-key-file", str(second), "--store", str(path)]) == 0
    with pytest.raises(StoreError, match="passt nicht"):
        CaseStore(path)  # still the first key in the environment
    monkeypatch.setenv("WORKBENCH_KEY_FILE", str(second))
    store = CaseStore(path)
    assert [s.version for s in store.history("ex-money-021")] == [2, 1]
    assert store.open("ex-money-021", 1).data == CASE and len(store.conflict_copies("ex-money-021")) == 1
    assert [s.family for s in store.list(search="eva")] == ["Eva & Jonas"]
    capsys.readouterr()
    assert main(["key", "rotate", "--decrypt", "--store", str(path)]) == 0
    monkeypatch.delenv("WORKBENCH_KEY_FILE")
    assert CaseStore(path).list(search="jonas")[0].family == "Eva & Jonas"  # plain again, the SQL search works
    assert main(["key", "rotate", "--decrypt", "--store", str(path)]) == 0  # plain to plain: allowed, values stay as they are


def test_the_command_line_without_the_key_exits_2_with_the_message(store_location: Path | str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    store = CaseStore(store_location, key=parse_key(new_key(), "test"))
    store.save(CASE, expected_version=None)
    assert main(["cases", "list", "--store", str(store_location)]) == 2
    err = capsys.readouterr().err
    assert "ist verschlüsselt" in err and "Traceback" not in err and "Eva" not in err

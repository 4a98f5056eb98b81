"""Keeping the case store: online backup, restore, key rotation (docs/store.md, docs/datenschutz.md).

- ``backup(store, target)``: a consistent snapshot with SQLite's online backup API, taken while
  wizards keep saving; a new file readable by its owner only (0600), checked with
  ``PRAGMA integrity_check``, one self-contained file (no ``-wal``). An encrypted store's backup
  stays encrypted (the pages are copied as they are).
- ``restore(backup, store, force)``: checks the backup (integrity, a workbench store, schema not
  too new) and copies it into the store with the same API; a store that holds cases is only
  overwritten with ``force``.
- ``rotate_key(store, old, new)``: re-encrypts every value with a new key in one transaction;
  ``old=None`` encrypts a plain store, ``new=None`` decrypts one.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from workbench.errors import StoreError
from workbench.i18n import text
from workbench.store_crypto import Cipher
from workbench.store_records import family_names, search_key
from workbench.store_schema import SCHEMA_VERSION, encryption_check, prepare_file, write_encryption

__all__ = ["backup", "restore", "rotate_key"]

log = logging.getLogger(__name__)

PAGES_PER_STEP = 64  # the backup copies in steps, so wizards saving meanwhile wait only briefly


def backup(store: Path, target: Path, *, force: bool = False) -> int:
    """Copy the store to ``target`` (new file, 0600) as a consistent snapshot; the number of cases in it."""
    if not store.is_file():
        raise StoreError(text("store.backup_no_store", path=store))
    if target.resolve() == store.resolve():
        raise StoreError(text("store.backup_onto_store", path=target))
    _new_private_file(target, force)
    try:
        with closing(sqlite3.connect(store, timeout=30)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy, pages=PAGES_PER_STEP)
            copy.execute("PRAGMA journal_mode = DELETE")  # the copy is one file, without -wal
            _check(copy, target)
            cases = int(copy.execute("SELECT count(*) FROM cases").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        target.unlink(missing_ok=True)
        raise StoreError(text("store.unreadable", path=store, detail=exc)) from None
    except StoreError:
        target.unlink(missing_ok=True)
        raise
    target.chmod(0o600)
    log.info("backup written: %d cases", cases)
    return cases


def restore(source: Path, store: Path, *, force: bool = False) -> int:
    """Replace the store's content by a backup's, after checking the backup; the number of cases restored."""
    if not source.is_file():
        raise StoreError(text("store.restore_no_backup", path=source))
    try:
        with closing(sqlite3.connect(_read_only(source), uri=True)) as backup_db:
            _check(backup_db, source)
            cases = int(backup_db.execute("SELECT count(*) FROM cases").fetchone()[0])
            if store.exists() and not force and _holds_cases(store):
                raise StoreError(text("store.restore_live", path=store))
            prepare_file(store)
            with closing(sqlite3.connect(store, timeout=30)) as live:
                backup_db.backup(live, pages=PAGES_PER_STEP)
                live.execute("PRAGMA journal_mode = WAL")
                _check(live, store)
                live.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(text("store.restore_unreadable", path=source, detail=exc)) from None
    store.chmod(0o600)
    log.info("store restored from a backup: %d cases", cases)
    return cases


def rotate_key(store: Path, old: bytes | None, new: bytes | None) -> int:
    """Re-encrypt the store from key ``old`` to key ``new`` (None: not encrypted); the number of values changed.

    One transaction: a crash leaves the store with the old key. Afterwards the file is rebuilt
    (VACUUM) and the write-ahead log emptied, so no value under the old key stays in the file.
    Backups made before keep the old key.
    """
    if not store.is_file():
        raise StoreError(text("store.backup_no_store", path=store))
    before, after = (Cipher(old) if old else None), (Cipher(new) if new else None)
    with closing(sqlite3.connect(store, timeout=30, isolation_level=None)) as conn:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            _check_key(conn, store, before)
            changed = _reseal(conn, before, after)
            write_encryption(conn, after)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    log.info("store key changed: %d values re-encrypted (%s -> %s)", changed,
             "encrypted" if before else "plain", "encrypted" if after else "plain")
    return changed


def _reseal(conn: sqlite3.Connection, before: Cipher | None, after: Cipher | None) -> int:
    changed = 0
    for table, key in (("versions", "seq"), ("conflicts", "conflict_id")):
        for row_id, case_id, data in conn.execute(f"SELECT {key}, case_id, data FROM {table}").fetchall():
            place = f"{table}.data/{case_id}"
            plain = before.open(data, place) if before else data
            sealed = after.seal(plain, place) if after else plain
            conn.execute(f"UPDATE {table} SET data = ? WHERE {key} = ?", (sealed, row_id))
            changed += 1
            if table == "versions":
                family = family_names(json.loads(plain))
                stored = (after.seal(family, f"versions.family/{case_id}") if family else "") if after else family
                conn.execute("UPDATE versions SET family = ?, search_key = ? WHERE seq = ?",
                             (stored, "" if after else search_key(case_id, family), row_id))
    return changed


def _check_key(conn: sqlite3.Connection, store: Path, before: Cipher | None) -> None:
    check = encryption_check(conn)
    if check is None and before is not None:
        raise StoreError(text("store.key_for_plain_store", path=store))
    if check is not None and before is None:
        raise StoreError(text("store.key_missing", path=store))
    if check is not None and before is not None and not before.matches(check):
        raise StoreError(text("store.key_wrong", path=store))


def _check(conn: sqlite3.Connection, path: Path) -> None:
    """The file is an intact workbench store this program can read."""
    result = conn.execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        raise StoreError(text("store.integrity", path=path, detail="; ".join(str(r[0]) for r in result[:3])))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"schema_version", "cases", "versions", "conflicts"} <= tables:
        raise StoreError(text("store.not_a_store", path=path))
    found = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    if found is None or found > SCHEMA_VERSION:
        raise StoreError(text("store.schema_too_new", path=path, found=found, known=SCHEMA_VERSION))


def _read_only(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _holds_cases(store: Path) -> bool:
    try:
        with closing(sqlite3.connect(_read_only(store), uri=True, timeout=30)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            return "cases" in tables and bool(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    except sqlite3.DatabaseError:
        return True  # something that is not an empty store: only with --force


def _new_private_file(target: Path, force: bool) -> None:
    """Create ``target`` empty with mode 0600 (an existing file only with ``force``)."""
    if target.exists():
        if not force:
            raise StoreError(text("store.cli_exists", path=target))
        target.unlink()
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise StoreError(text("store.cli_unwritable", path=target, detail=exc.strerror)) from None

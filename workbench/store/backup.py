"""Keeping the case store: online backup, restore, key rotation (docs/store.md, docs/datenschutz.md).

- ``backup(store, target)``: a consistent snapshot taken in one step with ``VACUUM INTO`` while
  wizards keep saving (one read transaction: saves are not held up, and nothing restarts the copy
  as every save restarted the stepwise backup API; measured in ADR 0018, benchmarks/backup.py).
  The copy goes into a temporary file made owner-only (0600) before any data is written, in the
  target's folder, is checked with ``PRAGMA integrity_check`` and only then renamed to the
  target: a failed or interrupted backup leaves no file behind, never a partial one. One
  self-contained file (rollback journal, no ``-wal``); an encrypted store's backup stays encrypted
  (the values are copied as they are stored).
- ``restore(backup, store, force)``: checks the backup (integrity, a workbench store, schema not
  too new) and copies it into the store with SQLite's backup API in one step; a store that holds
  cases is only overwritten with ``force``.
- ``rotate_key(store, old, new)``: re-encrypts every value with a new key in one transaction;
  ``old=None`` encrypts a plain store, ``new=None`` decrypts one.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from workbench.errors import StoreError, StoreUnavailable
from workbench.i18n import text
from workbench.private_files import private_temp, publish
from workbench.store.crypto import Cipher
from workbench.store.schema import SCHEMA_VERSION, encryption_check, prepare_file, reseal, write_encryption
from workbench.store.trouble import (
    check_key, connect_read_only, disk_full_at, from_os_error, from_sqlite_error, read_only,
)

__all__ = ["backup", "restore", "rotate_key"]

log = logging.getLogger(__name__)


def backup(store: Path, target: Path, *, force: bool = False) -> int:
    """Copy the store to ``target`` (0600) as a consistent snapshot; the number of cases in it.

    An existing ``target`` is replaced only with ``force`` (atomically: it stays as it was until
    the checked copy takes its place).
    """
    if not store.is_file():
        raise StoreError(text("store.backup_no_store", path=store))
    if target.resolve() == store.resolve():
        raise StoreError(text("store.backup_onto_store", path=target))
    if target.exists() and not force:
        raise StoreError(text("store.cli_exists", path=target))
    with private_temp(target, "store.cli_unwritable") as temp:
        try:
            with closing(_source(store)) as source:
                source.execute("VACUUM INTO ?", (str(temp),))  # into the empty 0600 file: it keeps its mode
            with closing(sqlite3.connect(temp)) as copy:
                _check(copy, target)
                cases = int(copy.execute("SELECT count(*) FROM cases").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            if disk_full_at(exc, target.parent):  # the copy's disk: the store is only read
                raise StoreUnavailable("files.disk_full", path=target) from None
            raise StoreError(text("store.unreadable", path=store, detail=exc)) from None
        publish(temp, target, force, "store.cli_exists", "store.cli_unwritable")
    log.info("backup written: %d cases", cases)
    return cases


def _source(store: Path) -> sqlite3.Connection:
    """A connection to read the store; a store this process may not write is read with ``mode=ro``."""
    if os.access(store, os.W_OK) and os.access(store.parent, os.W_OK):
        return sqlite3.connect(store, timeout=30)
    return connect_read_only(store, 30)


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
                backup_db.backup(live, pages=-1)  # one step: nothing can restart it midway
                live.execute("PRAGMA journal_mode = WAL")
                _check(live, store)
                live.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except OSError as exc:  # the store's file or folder cannot be made or written
        raise from_os_error(exc, store) from None
    except sqlite3.DatabaseError as exc:
        trouble = from_sqlite_error(exc, store)
        if isinstance(trouble, StoreUnavailable):  # the store's disk is full or the store is read-only
            raise trouble from None
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
    if not (os.access(store, os.W_OK) and os.access(store.parent, os.W_OK)):
        raise read_only(store)  # SQLite would only say "unable to open database file"
    before, after = (Cipher(old) if old else None), (Cipher(new) if new else None)
    try:
        with closing(sqlite3.connect(store, timeout=30, isolation_level=None)) as conn:
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("BEGIN IMMEDIATE")
            try:
                check_key(encryption_check(conn), before, store)
                changed = reseal(conn, before, after)
                write_encryption(conn, after)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.DatabaseError as exc:  # read-only store, full disk, a damaged file
        raise from_sqlite_error(exc, store) from None
    log.info("store key changed: %d values re-encrypted (%s -> %s)", changed,
             "encrypted" if before else "plain", "encrypted" if after else "plain")
    return changed


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

"""The SQLite backend of the case store: one file on this machine, the embedded default (docs/store.md).

- Where: ``$WORKBENCH_DATA/cases.sqlite``, else ``~/.local/share/workbench/cases.sqlite``;
  the folder is created readable by its owner only (0700), the file 0600.
- Compare-and-set: every write transaction starts with ``BEGIN IMMEDIATE``, which takes the
  database's write lock before the check, so two processes saving the same version cannot both win.
- Deletion: ``secure_delete`` overwrites freed pages with zeros, and the write-ahead log is
  checkpointed and truncated right after a deletion.
- Trouble: a full disk, a file this process may not write and a missing key give a message saying
  what to do (:mod:`workbench.store.trouble`); a store that cannot be written is opened read-only
  (listed and opened, every write refused with the message).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.errors import StoreError
from workbench.i18n import text
from workbench.store.cases import CaseStore
from workbench.store.schema import (
    SCHEMA, SCHEMA_VERSION, default_store_path, encryption_check, prepare_file, store_target, transaction,
)
from workbench.store.trouble import NOT_WRITABLE, connect_read_only, from_os_error, from_sqlite_error, read_only

__all__ = ["SqliteCaseStore"]

BUSY_TIMEOUT_S = 30.0


class SqliteCaseStore(CaseStore):
    """Cases in one SQLite file; every method runs in its own short connection (safe across processes)."""

    def __init__(self, path: Path | str | None = None, key: bytes | None = None) -> None:
        """Open (or create) the store file (default: ``WORKBENCH_STORE`` if a path, else the data folder).

        A store file this process may not write (read-only medium or permissions) is opened
        ``read_only``: listing and opening work, every write is refused with a message.
        """
        target = store_target(path)
        self.path: Path = target if isinstance(target, Path) else default_store_path()
        self.location = str(self.path)
        self.read_only = False
        try:
            prepare_file(self.path)
        except OSError as exc:
            if exc.errno in NOT_WRITABLE and self.path.is_file():
                self.read_only = True
            elif exc.errno in NOT_WRITABLE:  # no store to read either
                raise StoreError(text("store.unreadable", path=self.path, detail=exc.strerror or exc)) from exc
            else:
                raise from_os_error(exc, self.path) from exc
        self._setup(key)
        try:
            self._create_schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError(text("store.unreadable", path=self.path, detail=exc)) from exc

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = (connect_read_only(self.path, BUSY_TIMEOUT_S) if self.read_only
                    else sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None))
        except sqlite3.Error as exc:
            raise from_sqlite_error(exc, self.path) from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            yield conn
        except sqlite3.DatabaseError as exc:  # locked, disk full, read-only, not a database, corrupted, ...
            raise from_sqlite_error(exc, self.path) from exc
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: the write lock is taken at BEGIN, so check-then-insert cannot race."""
        if self.read_only:
            raise read_only(self.path)
        with self._connect() as conn, transaction(conn, "BEGIN IMMEDIATE"):
            yield conn

    def _compact(self) -> None:
        """Move deletions out of the WAL into the main file (freed pages are zeroed) and shrink it."""
        with self._connect() as conn:
            conn.executescript("PRAGMA incremental_vacuum;")  # execute() would free one page only
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def _create_schema(self) -> None:
        if self.read_only:  # nothing to create or upgrade: check what is there
            with self._connect() as conn:
                found = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
                if found is None or found > SCHEMA_VERSION:
                    raise StoreError(text("store.schema_too_new", path=self.path, found=found, known=SCHEMA_VERSION))
                self._check_key(encryption_check(conn) if found >= 2 else None)
                if found < 3:  # not upgraded (it cannot be written): list without the summary column
                    self.summary_sql = "''"
                self.has_teamwissen = found >= 4  # not upgraded either: no Teamwissen to read
            return
        with self._connect() as conn:
            if not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")  # only possible before the first table
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
        with self._transaction() as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            check = self._open_schema(conn, tables, SCHEMA)
        self._check_key(check)

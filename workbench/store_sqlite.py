"""The SQLite backend of the case store: one file on this machine, the embedded default (docs/store.md).

- Where: ``$WORKBENCH_DATA/cases.sqlite``, else ``~/.local/share/workbench/cases.sqlite``;
  the folder is created readable by its owner only (0700), the file 0600.
- Compare-and-set: every write transaction starts with ``BEGIN IMMEDIATE``, which takes the
  database's write lock before the check, so two processes saving the same version cannot both win.
- Deletion: ``secure_delete`` overwrites freed pages with zeros, and the write-ahead log is
  checkpointed and truncated right after a deletion.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.errors import StoreError
from workbench.i18n import text
from workbench.store import CaseStore
from workbench.store_schema import SCHEMA, default_store_path, prepare_file, store_target

__all__ = ["SqliteCaseStore"]

BUSY_TIMEOUT_S = 30.0


class SqliteCaseStore(CaseStore):
    """Cases in one SQLite file; every method runs in its own short connection (safe across processes)."""

    def __init__(self, path: Path | str | None = None, key: bytes | None = None) -> None:
        """Open (or create) the store file (default: ``WORKBENCH_STORE`` if a path, else the data folder)."""
        target = store_target(path)
        self.path: Path = target if isinstance(target, Path) else default_store_path()
        self.location = str(self.path)
        try:
            prepare_file(self.path)
        except OSError as exc:
            raise StoreError(text("store.unreadable", path=self.path, detail=exc.strerror or exc)) from exc
        self._setup(key)
        try:
            self._create_schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError(text("store.unreadable", path=self.path, detail=exc)) from exc

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(text("store.unreadable", path=self.path, detail=exc)) from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            yield conn
        except sqlite3.OperationalError as exc:
            key = "store.busy" if "locked" in str(exc) or "busy" in str(exc) else "store.unreadable"
            raise StoreError(text(key, path=self.path, detail=exc)) from exc
        except sqlite3.DatabaseError as exc:  # not a database, corrupted, ...
            raise StoreError(text("store.unreadable", path=self.path, detail=exc)) from exc
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: the write lock is taken at BEGIN, so check-then-insert cannot race."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _compact(self) -> None:
        """Move deletions out of the WAL into the main file (freed pages are zeroed) and shrink it."""
        with self._connect() as conn:
            conn.executescript("PRAGMA incremental_vacuum;")  # execute() would free one page only
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def _create_schema(self) -> None:
        with self._connect() as conn:
            if not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")  # only possible before the first table
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
        with self._transaction() as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            check = self._open_schema(conn, tables, SCHEMA)
        self._check_key(check)

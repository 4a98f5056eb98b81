"""The PostgreSQL backend of the case store: one database shared by several servers (docs/store.md, ADR 0015).

Chosen by ``WORKBENCH_STORE=postgresql://user:password@host:5432/dbname`` (or a password from
``PGPASSFILE``/``PGPASSWORD``, a client certificate by ``sslcert``/``sslkey`` in the URL); the
driver is psycopg 3 (the ``postgres`` extra).

- Compare-and-set in one transaction: every write first takes a transaction-scoped advisory
  lock on the case id (``pg_advisory_xact_lock``), then checks the latest version and inserts.
  The lock exists before the case's first row, so two servers creating the same case id, or
  saving the same version, are serialised; the second sees the first's version and is refused.
  ``UNIQUE (case_id, version)`` stays as a second guard.
- Every method opens its own connection in autocommit mode and runs explicit BEGIN/COMMIT, like
  the SQLite backend; a process killed mid-save leaves an open transaction that the server rolls
  back when the connection drops.
- Deletion: rows are deleted and the tables vacuumed; PostgreSQL does not overwrite the freed
  space at once (docs/store.md, "PostgreSQL"), hence encryption at rest is advised there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from workbench.errors import StoreError
from workbench.i18n import text
from workbench.store.cases import CaseStore
from workbench.store.schema import store_target, transaction

__all__ = ["PG_SCHEMA", "PG_TEAMWISSEN_SCHEMA", "PostgresCaseStore", "display_location"]

CONNECT_TIMEOUT_S = 10
LOCK_TIMEOUT_MS = 30_000  # as SQLite's busy timeout: a write waits this long for another one
LOCK_CLASS = 20_251  # first key of the store's advisory locks (the second is the case id's hash)
SCHEMA_LOCK = 0

# the same tables as SQLite's (workbench/store/schema.py); identity columns instead of rowids
PG_SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE cases (
    case_id    TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
CREATE TABLE versions (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    version    INTEGER NOT NULL CHECK (version >= 1),
    saved_at   TEXT NOT NULL,
    saved_by   TEXT NOT NULL,
    complete   SMALLINT NOT NULL CHECK (complete IN (0, 1)),
    family     TEXT NOT NULL,
    search_key TEXT NOT NULL,
    data       TEXT NOT NULL,
    summary    TEXT NOT NULL DEFAULT '',
    UNIQUE (case_id, version)
);
CREATE TABLE conflicts (
    conflict_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    based_on    INTEGER,
    saved_at    TEXT NOT NULL,
    saved_by    TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX conflicts_case ON conflicts (case_id);
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

PG_TEAMWISSEN_SCHEMA = """
CREATE TABLE teamwissen (
    entry_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    promoted_to TEXT NOT NULL DEFAULT ''
);
CREATE TABLE teamwissen_versions (
    entry_id      BIGINT NOT NULL REFERENCES teamwissen(entry_id) ON DELETE CASCADE,
    version       INTEGER NOT NULL CHECK (version >= 1),
    saved_at      TEXT NOT NULL,
    saved_by      TEXT NOT NULL,
    topic         TEXT NOT NULL,
    step          TEXT NOT NULL DEFAULT '',
    question      TEXT NOT NULL,
    answer        TEXT NOT NULL,
    source        TEXT NOT NULL,
    researched_on TEXT NOT NULL,
    author        TEXT NOT NULL,
    outdated      TEXT NOT NULL DEFAULT '',
    search_key    TEXT NOT NULL,
    PRIMARY KEY (entry_id, version)
)
"""
PG_SCHEMA += PG_TEAMWISSEN_SCHEMA


def display_location(url: str) -> str:
    """The URL without its password (for messages and logs): ``postgresql://user@host:port/dbname``."""
    try:
        from psycopg.conninfo import conninfo_to_dict

        parts = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - a malformed URL is shown by its scheme only
        return "postgresql://…"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host') or 'localhost'}{port}/{parts.get('dbname') or ''}"


class PgConnection:
    """A psycopg connection speaking the SQLite backend's dialect: ``?`` placeholders, explicit BEGIN/COMMIT."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.raw.execute(sql.replace("?", "%s"), params or None)

    def executemany(self, sql: str, rows: Any) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), rows)

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError(text("store.pg_driver_missing")) from None
    return psycopg


class PostgresCaseStore(CaseStore):
    """Cases in a PostgreSQL database; every method runs in its own short connection."""

    path: Path | None = None
    contains_sql = "strpos({column}, ?) > 0"
    teamwissen_schema = PG_TEAMWISSEN_SCHEMA

    def __init__(self, path: Path | str | None = None, key: bytes | None = None) -> None:
        """Connect to ``postgresql://…`` (default: ``WORKBENCH_STORE``) and create the tables in an empty database."""
        target = store_target(path)
        if not isinstance(target, str):
            raise StoreError(text("store.unknown_kind", location=str(target), env="WORKBENCH_STORE"))
        self.url = target
        self.location = display_location(target)
        self._psycopg = _psycopg()
        self._setup(key)
        self._create_schema()

    @contextmanager
    def _connect(self) -> Iterator[PgConnection]:
        psycopg = self._psycopg
        try:
            raw = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                  application_name="workbench", options=f"-c lock_timeout={LOCK_TIMEOUT_MS}")
        except psycopg.Error as exc:
            raise StoreError(text("store.pg_unreachable", location=self.location, detail=_first_line(exc))) from None
        try:
            yield PgConnection(raw)
        except psycopg.errors.LockNotAvailable as exc:
            raise StoreError(text("store.busy", path=self.location, detail=_first_line(exc))) from None
        except psycopg.OperationalError as exc:  # the server went away, disk full on the server, ...
            raise StoreError(text("store.pg_unreachable", location=self.location, detail=_first_line(exc))) from None
        except psycopg.Error as exc:
            raise StoreError(text("store.unreadable", path=self.location, detail=_first_line(exc))) from None
        finally:
            raw.close()

    @contextmanager
    def _transaction(self) -> Iterator[PgConnection]:
        """One transaction (READ COMMITTED); writers of one case are serialised by ``_lock_case``."""
        with self._connect() as conn, transaction(conn):
            yield conn

    def _lock_case(self, conn: Any, case_id: str) -> None:
        """The case's write lock until COMMIT or ROLLBACK; it exists before the case has a row."""
        conn.execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", (LOCK_CLASS, case_id)).fetchall()

    def _compact(self) -> None:
        """Reclaim the deleted rows' space (VACUUM; it runs outside a transaction)."""
        with self._connect() as conn:
            conn.execute("VACUUM versions, conflicts, cases")

    def _create_schema(self) -> None:
        with self._transaction() as conn:
            # two servers starting at once: the second waits, then finds the tables
            conn.execute("SELECT pg_advisory_xact_lock(?, ?)", (LOCK_CLASS, SCHEMA_LOCK)).fetchall()
            tables = {str(r[0]) for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").fetchall()}
            check = self._open_schema(conn, tables, PG_SCHEMA)
        self._check_key(check)


def _first_line(exc: BaseException) -> str:
    """The driver's message, first line (never the URL: psycopg does not repeat the password)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__

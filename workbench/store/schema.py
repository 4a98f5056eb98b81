"""The case store's location and schema: SQLite file or PostgreSQL URL, the SQLite tables, the encryption marker.

Split from :mod:`workbench.store.cases` so that module holds the saving and reading logic (docs/store.md);
the PostgreSQL tables are in :mod:`workbench.store.postgres`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from workbench.errors import StoreError
from workbench.i18n import text
from workbench.resources import data_dir
from workbench.store.crypto import Cipher

Connection = TypeVar("Connection")


@contextmanager
def transaction(conn: Connection, begin: str = "BEGIN") -> Iterator[Connection]:
    """Run the block in one transaction on ``conn`` (SQLite or PostgreSQL): COMMIT at its end, ROLLBACK on any
    exception. ``begin`` is the backend's statement (SQLite: ``BEGIN IMMEDIATE``, the write lock at once)."""
    run: Any = conn
    run.execute(begin)
    try:
        yield conn
    except BaseException:
        if run.in_transaction:
            run.execute("ROLLBACK")
        raise
    run.execute("COMMIT")

SCHEMA_VERSION = 4  # 2: table store_meta (encryption); 3: versions.summary (topic, plan, wizard steps); 4: the Teamwissen tables;
# older stores are upgraded when opened
FILE_NAME = "cases.sqlite"
STORE_ENV = "WORKBENCH_STORE"  # postgresql://… for a server; unset: the SQLite file
SERVER_SCHEMES = ("postgresql://", "postgres://")

SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE cases (
    case_id    TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
CREATE TABLE versions (
    seq        INTEGER PRIMARY KEY,            -- commit order over all cases: newest first = largest
    case_id    TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    version    INTEGER NOT NULL CHECK (version >= 1),
    saved_at   TEXT NOT NULL,                  -- ISO 8601, UTC
    saved_by   TEXT NOT NULL,                  -- the advisor's login (never family data)
    complete   INTEGER NOT NULL CHECK (complete IN (0, 1)),
    family     TEXT NOT NULL,                  -- parents' names, for the list (encrypted store: sealed)
    search_key TEXT NOT NULL,                  -- case id and names, case-folded (encrypted store: empty)
    data       TEXT NOT NULL,                  -- case-format JSON (encrypted store: sealed)
    summary    TEXT NOT NULL DEFAULT '',       -- JSON: topic, has a plan, wizard steps (no family data, records.py)
    UNIQUE (case_id, version)
);
CREATE TABLE conflicts (
    conflict_id   INTEGER PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    based_on      INTEGER,                     -- the version the refused save expected (NULL: "new case")
    saved_at      TEXT NOT NULL,
    saved_by      TEXT NOT NULL,
    data          TEXT NOT NULL                -- as versions.data
);
CREATE INDEX conflicts_case ON conflicts (case_id);
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);  -- encryption, key_check
"""

# schema 4: the team's researched answers (workbench/store/teamwissen.py, docs/teamwissen.md). No case id
# column: an entry never points at a case, and the text is checked for family data before it is stored.
TEAMWISSEN_SCHEMA = """
CREATE TABLE teamwissen (
    entry_id    INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,                 -- the advisor's login
    promoted_to TEXT NOT NULL DEFAULT ''       -- where a maintainer took it over (docs file, rule comment)
);
CREATE TABLE teamwissen_versions (
    entry_id      INTEGER NOT NULL REFERENCES teamwissen(entry_id) ON DELETE CASCADE,
    version       INTEGER NOT NULL CHECK (version >= 1),
    saved_at      TEXT NOT NULL,               -- ISO 8601, UTC
    saved_by      TEXT NOT NULL,
    topic         TEXT NOT NULL,
    step          TEXT NOT NULL DEFAULT '',    -- a wizard step's title key, '' for the whole topic
    question      TEXT NOT NULL,
    answer        TEXT NOT NULL,
    source        TEXT NOT NULL,
    researched_on TEXT NOT NULL,               -- ISO date
    author        TEXT NOT NULL,               -- who researched it
    outdated      TEXT NOT NULL DEFAULT '',    -- why it no longer holds ('' while it holds)
    search_key    TEXT NOT NULL,               -- topic, question, answer, source case-folded
    PRIMARY KEY (entry_id, version)
);
"""
SCHEMA += TEAMWISSEN_SCHEMA


def add_teamwissen(conn: Any, schema: str) -> None:
    """Schema 3 → 4: create the Teamwissen tables (``schema``: the backend's dialect) and note the version."""
    for statement in filter(str.strip, schema.split(";")):  # IF NOT EXISTS: a store set back by hand may have them
        conn.execute(statement.replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", 1))
    conn.execute("INSERT INTO schema_version (version) VALUES (4)")


def default_store_path() -> Path:
    """``$WORKBENCH_DATA/cases.sqlite``, else ``~/.local/share/workbench/cases.sqlite``."""
    return data_dir() / FILE_NAME


def is_server_url(location: object) -> bool:
    """Whether ``location`` names a PostgreSQL server (``postgresql://…``) rather than a SQLite file."""
    return isinstance(location, str) and location.strip().lower().startswith(SERVER_SCHEMES)


def store_target(location: Path | str | None = None) -> Path | str:
    """Where the store is: ``location``, else ``WORKBENCH_STORE``, else the default SQLite file.

    A ``postgresql://`` URL is returned as text, anything else as the SQLite file's path. Another
    URL scheme (``mysql://``) is refused rather than taken for a file name.
    """
    if location is None or (isinstance(location, str) and not location.strip()):
        location = os.environ.get(STORE_ENV, "").strip() or None
        if location is None:
            return default_store_path()
    if is_server_url(location):
        return str(location).strip()
    if isinstance(location, str) and "://" in location:
        raise StoreError(text("store.unknown_kind", location=location.split("://", 1)[0] + "://…", env=STORE_ENV))
    return Path(location).expanduser()


def prepare_file(path: Path) -> None:
    """Create missing folders 0700 and the database file 0600 before SQLite opens it."""
    missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700)
        folder.chmod(0o700)  # mkdir's mode is reduced by the umask
    if path.parent == default_store_path().parent:
        path.parent.chmod(0o700)  # our own data folder: tighten it even if it existed
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)


def encryption_check(conn: Any) -> str | None:
    """The store's sealed key check, None for a store without encryption."""
    row = conn.execute("SELECT value FROM store_meta WHERE key = 'key_check'").fetchone()
    return None if row is None else str(row[0])


def write_encryption(conn: Any, cipher: Cipher | None) -> None:
    """Mark the store as encrypted with ``cipher``'s key (None: not encrypted)."""
    conn.execute("DELETE FROM store_meta WHERE key IN ('encryption', 'key_check')")
    if cipher is not None:
        conn.executemany("INSERT INTO store_meta (key, value) VALUES (?, ?)",
                         [("encryption", "aes-256-gcm"), ("key_check", cipher.check_value())])


def reseal(conn: Any, before: Cipher | None, after: Cipher | None) -> int:
    """Re-encrypt every stored case version and conflict copy from ``before`` to ``after`` (None: plain); how many.

    Both backends call it inside their key-change transaction (SQLite: :mod:`workbench.store.backup`,
    PostgreSQL: :mod:`workbench.store.pg_backup`); the family names and search keys follow the data.
    """
    from workbench.store.records import family_names, search_key  # the case model: only when a key changes

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

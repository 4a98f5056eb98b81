"""Keeping a case store on PostgreSQL: backup with ``pg_dump``, restore, key rotation (docs/store.md, ADR 0015).

- ``pg_backup(url, target)``: ``pg_dump --format=custom`` of one consistent snapshot taken
  while servers keep saving (an exported snapshot: the case count reported is the dump's);
  a new file readable by its owner only (0600), checked with ``pg_restore --list``. An
  encrypted store's backup stays encrypted (the values are dumped as they are stored).
- ``pg_restore_backup(backup, url, force)``: ``pg_restore --clean --single-transaction``: all or
  nothing; a database that holds cases is only overwritten with ``force``.
- ``pg_rotate_key(url, old, new)``: re-encrypts every value in one transaction, with the
  tables locked against saves meanwhile, then ``VACUUM FULL`` rewrites them without the old values.

The password is handed to the tools in ``PGPASSWORD``, never on their command line (which
other local users can see).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from workbench.errors import StoreError
from workbench.i18n import text
from workbench.private_files import private_temp, publish
from workbench.store.crypto import Cipher
from workbench.store.postgres import PgConnection, display_location
from workbench.store.schema import encryption_check, reseal, write_encryption

__all__ = ["pg_backup", "pg_restore_backup", "pg_rotate_key"]

log = logging.getLogger(__name__)

TABLES = ("schema_version", "cases", "versions", "conflicts", "store_meta")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise StoreError(text("store.pg_tool_missing", tool=name))
    return found


def _conninfo(url: str) -> tuple[str, dict[str, str]]:
    """The connection string without the password, and the environment that carries it."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    parts = {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    password = parts.pop("password", None)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    return make_conninfo(**parts), env


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, umask=0o077, check=False)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        raise StoreError(text("store.pg_tool_failed", tool=Path(command[0]).name, detail=detail))
    return done.stdout


def _connect(url: str) -> Any:
    import psycopg

    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10, application_name="workbench-maintenance")
    except psycopg.Error as exc:
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise StoreError(text("store.pg_unreachable", location=display_location(url), detail=detail)) from None


def _count_cases(conn: Any, url: str) -> int:
    found = {str(r[0]) for r in conn.execute("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_schema = current_schema()").fetchall()}
    if not {"schema_version", "cases", "versions", "conflicts"} <= found:
        raise StoreError(text("store.not_a_store", path=display_location(url)))
    return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])


def pg_backup(url: str, target: Path, *, force: bool = False) -> int:
    """Dump the store to ``target`` (new file, 0600) as one consistent snapshot; the number of cases in it."""
    pg_dump = _tool("pg_dump")
    if target.exists() and not force:
        raise StoreError(text("store.cli_exists", path=target))
    conninfo, env = _conninfo(url)
    # into a 0600 temporary file beside the target, renamed only when checked (workbench/private_files.py)
    with private_temp(target, "store.cli_unwritable") as temp:
        with _connect(url) as conn:
            # the snapshot stays valid while this transaction is open: pg_dump sees exactly what we counted
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            snapshot = str(conn.execute("SELECT pg_export_snapshot()").fetchone()[0])
            try:
                cases = _count_cases(conn, url)
                _run([pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                      f"--file={temp}", *(f"--table={t}" for t in TABLES), f"--dbname={conninfo}"], env)
                listing = _run([_tool("pg_restore"), "--list", str(temp)], env)
            finally:
                conn.execute("COMMIT")
        if " TABLE DATA " not in listing or " versions " not in listing:
            raise StoreError(text("store.not_a_store", path=target))
        publish(temp, target, force, "store.cli_exists", "store.cli_unwritable")
    log.info("backup written with pg_dump: %d cases", cases)
    return cases


def pg_restore_backup(source: Path, url: str, *, force: bool = False) -> int:
    """Replace the database's store by a ``pg_dump`` backup's, all or nothing; the number of cases restored."""
    pg_restore = _tool("pg_restore")
    if not source.is_file():
        raise StoreError(text("store.restore_no_backup", path=source))
    conninfo, env = _conninfo(url)
    try:
        listing = _run([pg_restore, "--list", str(source)], env)
    except StoreError as exc:
        raise StoreError(text("store.restore_unreadable", path=source, detail=str(exc))) from None
    if " TABLE DATA " not in listing or " versions " not in listing:
        raise StoreError(text("store.not_a_store", path=source))
    with _connect(url) as conn:
        tables = {str(r[0]) for r in conn.execute("SELECT table_name FROM information_schema.tables "
                                                  "WHERE table_schema = current_schema()").fetchall()}
        if "cases" in tables and not force and _count_cases(conn, url):
            raise StoreError(text("store.restore_live", path=display_location(url)))
    _run([pg_restore, "--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner",
          "--no-privileges", f"--dbname={conninfo}", str(source)], env)
    with _connect(url) as conn:
        cases = _count_cases(conn, url)
    log.info("store restored from a pg_dump backup: %d cases", cases)
    return cases


def pg_rotate_key(url: str, old: bytes | None, new: bytes | None) -> int:
    """Re-encrypt the store from key ``old`` to key ``new`` (None: not encrypted); the number of values changed.

    One transaction with the tables locked against saves: a failure leaves everything under the
    old key. Servers must be restarted with the new key afterwards (until then their saves wait
    and then are refused by the key check).
    """
    from workbench.store.trouble import check_key

    before, after = (Cipher(old) if old else None), (Cipher(new) if new else None)
    with _connect(url) as raw:
        conn = PgConnection(raw)
        _count_cases(raw, url)
        conn.execute("BEGIN")
        try:
            conn.execute("LOCK TABLE versions, conflicts, store_meta IN EXCLUSIVE MODE")
            check_key(encryption_check(conn), before, display_location(url))
            changed = reseal(conn, before, after)
            write_encryption(conn, after)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("VACUUM FULL versions, conflicts, store_meta")  # no row under the old key stays in the tables
    log.info("store key changed: %d values re-encrypted (%s -> %s)", changed,
             "encrypted" if before else "plain", "encrypted" if after else "plain")
    return changed

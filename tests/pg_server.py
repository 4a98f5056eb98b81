"""A private PostgreSQL server for the store tests: Debian's ``postgresql`` package, a temporary folder, own port.

``initdb`` and ``postgres`` refuse to run as root, so as root they run as the package's
``postgres`` user (``runuser``) in a folder that user owns. Trust authentication is acceptable
only because the server listens on 127.0.0.1 and a socket in a temporary folder and lives for
one test session; the product's setting must use a password or a client certificate
(docs/store.md).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from pathlib import Path

USER = "workbench"
INSTALL_HINT = "apt-get install -y postgresql"


def binaries() -> Path | None:
    """The newest installed server's bin folder (``/usr/lib/postgresql/<major>/bin``), None without one."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def why_not() -> str | None:
    """Why a server cannot be started here (None: it can)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (make install installs the postgres extra)"
    if binaries() is None:
        return f"PostgreSQL is not installed ({INSTALL_HINT}; .ci/run installs it)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without the postgres user that Debian's package creates"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def raw_sql(location: Path | str, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Run one statement past the store's API (``?`` placeholders) on a SQLite file or a
    ``postgresql://`` database and commit; its rows (for tests that tamper or age records)."""
    if isinstance(location, Path):
        with closing(sqlite3.connect(location)) as conn:
            rows = conn.execute(sql, params).fetchall()
            conn.commit()
            return rows
    import psycopg

    with psycopg.connect(location, autocommit=True) as pg:
        cursor = pg.execute(sql.replace("?", "%s"), params)
        return cursor.fetchall() if cursor.description else []


class PgServer:
    """One running server; ``new_database()`` gives each test an empty database of its own."""

    def __init__(self) -> None:
        bin_dir = binaries()
        assert bin_dir is not None
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
        self.port = _free_port()
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as:
            shutil.chown(self.folder, "postgres")
        self._names = itertools.count(1)
        data = self.folder / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", USER, "--no-sync")
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w", "start",
                  "-o", f"-k {self.folder} -c listen_addresses=127.0.0.1 -p {self.port}")

    def _run(self, *command: str) -> None:
        subprocess.run([*self._as, *command], check=True, capture_output=True, timeout=120)

    def url(self, database: str) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self) -> str:
        """A new empty database's URL (names are t1, t2, … in this server)."""
        name = f"t{next(self._names)}"
        self.admin(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop(self, url: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

"""What a failure of the case store's file means for the office, and what to do.

docs/store.md, section "Trouble: full disk, read-only store, missing key".

SQLite and the operating system report trouble in their own words: a full disk as ``SQLITE_FULL``
("database or disk is full") or ``ENOSPC``, a file or medium that may not be written as
``SQLITE_READONLY`` ("attempt to write a readonly database"), ``EROFS`` or ``EACCES``, a lock as
``SQLITE_BUSY``. The functions here turn them into a :class:`~workbench.errors.StoreError` whose
message names the file and says what to do, in German or English; full disk and read-only store
are :class:`~workbench.errors.StoreUnavailable` (the IT staff have to act, not the advisor).

A store that cannot be written is still read: :func:`connect_read_only` opens it with SQLite's
``mode=ro``, and on read-only media, where SQLite cannot create the ``-shm`` file a WAL database
needs, with ``immutable=1`` (nobody can write such a medium, so nothing changes under the reader).

A server checks the store once at its start (:func:`store_notice`), so a missing key or a full disk
is said then, not page by page.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from workbench.errors import StoreError, StoreUnavailable
from workbench.i18n import text
from workbench.store.crypto import Cipher
from workbench.store.schema import store_target

__all__ = [
    "DISK_FULL", "NOT_WRITABLE", "check_key", "connect_read_only", "disk_full", "disk_full_at", "from_os_error",
    "from_sqlite_error", "is_disk_full", "read_only", "store_notice",
]

DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
"""No space left on the device, or the user's quota is used up."""
ROOM_BYTES = 64 * 1024
"""Less free space than this (16 pages) after an I/O error counts as a full disk."""
NOT_WRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
"""A read-only medium, or no write permission for the service account."""


def is_disk_full(error: BaseException) -> bool:
    """Whether ``error`` (SQLite or the operating system) says the disk is full."""
    if isinstance(error, OSError):
        return error.errno in DISK_FULL
    if isinstance(error, sqlite3.Error):
        return getattr(error, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(error)
    return False


def disk_full_at(error: sqlite3.Error, folder: Path) -> bool:
    """Whether a failed SQLite write into ``folder`` failed for want of space (see :func:`_no_room`)."""
    io_error = str(getattr(error, "sqlite_errorname", "")).startswith("SQLITE_IOERR")
    return is_disk_full(error) or (io_error and _no_room(folder))


def _no_room(folder: Path) -> bool:
    """Whether the disk of ``folder`` has less than a few pages left.

    SQLite reports some writes on a full disk as a plain I/O error (``SQLITE_IOERR_SHMSIZE`` when
    the ``-shm`` file cannot grow, ``SQLITE_IOERR_WRITE``): then the free space tells.
    """
    try:
        info = os.statvfs(folder)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < ROOM_BYTES


def _is_read_only(error: sqlite3.Error) -> bool:
    return str(getattr(error, "sqlite_errorname", "")).startswith("SQLITE_READONLY") or "readonly" in str(error)


def disk_full(path: Path, language: str = "de") -> StoreUnavailable:
    """The disk holding ``path`` is full: nothing was written; make room."""
    return StoreUnavailable("store.disk_full", language, path=path, folder=path.parent)


def read_only(path: Path, language: str = "de") -> StoreUnavailable:
    """The store can be read but not written: saving needs write permission or a writable medium."""
    return StoreUnavailable("store.read_only", language, path=path, folder=path.parent)


def from_sqlite_error(error: sqlite3.Error, path: Path, language: str = "de") -> StoreError:
    """The message for a failed SQLite operation on the store ``path``."""
    if disk_full_at(error, path.parent):
        return disk_full(path, language)
    if _is_read_only(error):
        return read_only(path, language)
    if isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error)):
        return StoreError(text("store.busy", language, path=path, detail=error))
    return StoreError(text("store.unreadable", language, path=path, detail=error))


def from_os_error(error: OSError, path: Path, language: str = "de") -> StoreError:
    """The message for a failed file operation on the store ``path`` (creating it or its folder)."""
    if error.errno in DISK_FULL:
        return disk_full(path, language)
    if error.errno in NOT_WRITABLE:
        return read_only(path, language)
    return StoreError(text("store.unreadable", language, path=path, detail=error.strerror or error))


def check_key(check: str | None, cipher: Cipher | None, path: Path | str) -> None:
    """Refuse a missing or wrong key, and a key set for a plain store: the operator has to fix the setting.

    ``check`` is the store's sealed key check (None: the store is not encrypted).
    """
    if check is None and cipher is not None:
        raise StoreUnavailable("store.key_for_plain_store", path=path)
    if check is not None and cipher is None:
        raise StoreUnavailable("store.key_missing", path=path)
    if check is not None and cipher is not None and not cipher.matches(check):
        raise StoreUnavailable("store.key_wrong", path=path)


def connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that only reads the store ``path`` (see the module docstring for ``immutable``)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        conn.close()
        if getattr(error, "sqlite_errorname", "") != "SQLITE_CANTOPEN":
            raise
    # WAL needs the -shm file; on a read-only medium it cannot be made, and nobody can write there
    return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=timeout, isolation_level=None)


def store_notice(location: Path | str | None = None, language: str = "de") -> str | None:
    """What keeps the store from working as set up (missing or wrong key, read-only, full disk, a
    database server that refuses), for a server's start: the message saying what to do, or None
    (a SQLite file that does not exist yet is fine: the first save creates it).

    A server started without the key of an encrypted store would otherwise only fail page by page.
    """
    from workbench.store.cases import CaseStore  # the store imports this module

    try:
        target = store_target(location)
        if isinstance(target, Path) and not target.is_file():
            return None
        store = CaseStore(target)
    except StoreUnavailable as exc:
        return exc.text(language)
    except StoreError as exc:
        return str(exc)
    if getattr(store, "read_only", False) and store.path is not None:
        return read_only(store.path, language).text(language)
    return None

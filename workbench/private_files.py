"""Files with personal data: owner-only (0600) from the first byte, complete or not at all.

Exports, handouts, filled forms, backups and keys hold what a family told the office (or what
unlocks it). Each is written into a temporary file in the target's folder, which is created with
mode 0600 *before* any data goes in, flushed to disk, and only then renamed to its name: a full
disk, an error or a crash leaves the old file or none — never a 0-byte or half-written file, and
never a moment in which the data is readable by others. A failure removes the temporary file.

Without ``force`` an existing file is never replaced, not even by a race: the finished file is
hard-linked to its name (``link`` fails if the name exists), then the temporary name removed.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.i18n import text

__all__ = ["private_temp", "publish", "write_error", "write_private"]

DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})


def write_error(error: OSError, target: Path, unwritable: str, language: str = "de") -> WorkbenchError:
    """The message for a file that could not be written: full disk (make room), else ``unwritable``."""
    if error.errno in DISK_FULL:
        return WorkbenchError(text("files.disk_full", language, path=target))
    return WorkbenchError(text(unwritable, language, path=target, detail=error.strerror or error))


@contextmanager
def private_temp(target: Path, unwritable: str, language: str = "de") -> Iterator[Path]:
    """An empty temporary file (mode 0600) beside ``target``; whatever is left of it is removed at the end.

    Missing folders are created owner-only (0700). ``unwritable`` is the catalog key of the
    message (``{path}``, ``{detail}``) when the folder cannot be written.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)  # 0600
    except OSError as exc:
        raise write_error(exc, target, unwritable, language) from None
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
    finally:  # after publish() the name is gone already; else these are the remains of a failure
        for leftover in (temp, *(Path(f"{temp}{suffix}") for suffix in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)


def publish(temp: Path, target: Path, force: bool, exists: str, unwritable: str, language: str = "de") -> None:
    """Put the finished ``temp`` file in ``target``'s place, durably; an existing target only with ``force``."""
    try:
        with open(temp, "rb+") as finished:
            os.fsync(finished.fileno())
        if force:
            os.replace(temp, target)
        else:
            os.link(temp, target)
            temp.unlink()
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)  # the new name survives a power cut
        finally:
            os.close(folder)
    except FileExistsError:
        raise WorkbenchError(text(exists, language, path=target)) from None
    except OSError as exc:
        raise write_error(exc, target, unwritable, language) from None


def write_private(target: Path, data: bytes, *, force: bool = False, exists: str = "store.cli_exists",
                  unwritable: str = "store.cli_unwritable", language: str = "de") -> None:
    """Write ``data`` to ``target`` owner-only and atomically (see the module docstring).

    ``exists`` and ``unwritable`` are the catalog keys of the messages for an existing file
    (without ``force``) and for a file that cannot be written (``{path}``, ``{detail}``).
    """
    if target.exists() and not force:
        raise WorkbenchError(text(exists, language, path=target))
    with private_temp(target, unwritable, language) as temp:
        try:
            with open(temp, "wb") as out:
                out.write(data)
                out.flush()
        except OSError as exc:
            raise write_error(exc, target, unwritable, language) from None
        publish(temp, target, force, exists, unwritable, language)

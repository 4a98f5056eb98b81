"""Full disk, read-only store, missing key: a message that says what to do, never a 0-byte file (issue 25).

Where the machine allows it (root, as in the project's CI container) the full disk and the
read-only medium are real: a small tmpfs, filled up or remounted read-only. The same failures
are also injected (SQLite's "database or disk is full", ENOSPC, EACCES) so the messages are
tested on any machine.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from tests.shared import BLANKS, SHARED
from workbench.case import migrate
from workbench.cli import main
from workbench.errors import StoreError, StoreUnavailable
from workbench.store import CaseStore
from workbench.store.crypto import new_key, parse_key
from workbench.store.trouble import store_notice

ROOT = Path(__file__).resolve().parents[1]
CASE: dict[str, Any] = migrate(json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text())["case"])
CASE_ID = CASE["case_id"]
FULL_DE, FULL_EN = "ist voll – es wurde nichts gespeichert", "is full – nothing was saved"
READ_ONLY_DE, READ_ONLY_EN = "ist schreibgeschützt: Fälle lassen sich öffnen", "is read-only: cases can be opened"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs (needs root or CAP_SYS_ADMIN; skipped with the reason otherwise)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.strip() or made.returncode}); "
                    "the injected failures below cover the messages")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> Path:
    """Fill the disk up to the last byte; the filler file, to be deleted to make room again."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


# -- full disk --------------------------------------------------------------------------------------

def test_a_save_on_a_full_disk_is_refused_with_a_message_and_saved_once_there_is_room(small_disk: Path) -> None:
    store = CaseStore(small_disk / "data" / "cases.sqlite")
    assert store.save(CASE, expected_version=None) == 1
    filler = _fill(small_disk)
    bigger = CASE | {"notes": "Notiz " * 20_000}
    with pytest.raises(StoreUnavailable) as refused:
        store.save(bigger, expected_version=1)
    assert FULL_DE in str(refused.value) and "Platz zu schaffen" in str(refused.value)
    with pytest.raises(StoreUnavailable) as english:
        store.save(bigger, expected_version=1, language="en")
    assert FULL_EN in str(english.value) and "free space" in str(english.value)
    filler.unlink()  # the IT staff made room: the store is as it was, and the same save goes through
    assert store.open(CASE_ID).data == CASE and [s.version for s in store.history(CASE_ID)] == [1]
    assert store.save(bigger, expected_version=1) == 2


def test_exports_backups_and_keys_on_a_full_disk_leave_no_file_behind(small_disk: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    store = CaseStore(tmp_path / "data" / "cases.sqlite")  # the store has room; the target disk has none
    store.save(CASE | {"notes": "Notiz " * 2_000}, expected_version=None)
    case_file = tmp_path / "fall.json"
    case_file.write_text(json.dumps(CASE), encoding="utf-8")
    _fill(small_disk)
    out = small_disk / "out"
    commands = {
        "export.json": ["cases", "export", CASE_ID, "--store", str(store.path), "-o"],
        "auskunft.json": ["cases", "export", CASE_ID, "--all-versions", "--store", str(store.path), "-o"],
        "sicherung.sqlite": ["backup", "--store", str(store.path)],
        "merkblatt.pdf": ["handout", str(case_file), "-o"],
        "key": ["key", "new", "-o"],
    }
    for name, command in commands.items():
        capsys.readouterr()
        assert main([*command, str(out / name)]) == 2, name
        err = capsys.readouterr().err
        assert "der Datenträger ist voll" in err and "keine Datei angelegt" in err and "Traceback" not in err, (name, err)
        assert not (out / name).exists(), name
    assert not out.exists() or list(out.iterdir()) == []  # no 0-byte file, no temporary


def test_a_disk_full_error_from_sqlite_or_the_system_gives_the_message_anywhere(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch,
                                                                               capsys: pytest.CaptureFixture[str]) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    store.save(CASE, expected_version=None)

    def full(*_args: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(CaseStore, "_append", full)
    with pytest.raises(StoreUnavailable, match=FULL_DE):
        store.save(CASE | {"notes": "neu"}, expected_version=1)
    with pytest.raises(StoreUnavailable, match=FULL_EN):
        store.save(CASE | {"notes": "neu"}, expected_version=1, language="en")
    monkeypatch.undo()
    monkeypatch.setenv("WORKBENCH_DATA", str(tmp_path / "workbench-data"))

    target = tmp_path / "export" / "fall.json"
    real_open = open

    def open_no_space(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode and str(file).startswith(str(target.parent)):
            handle = real_open(file, mode, *args, **kwargs)
            handle.close()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", open_no_space)
    capsys.readouterr()
    assert main(["cases", "export", CASE_ID, "--store", str(store.path), "-o", str(target)]) == 2
    assert "der Datenträger ist voll" in capsys.readouterr().err
    assert list(target.parent.iterdir()) == []


# -- read-only store --------------------------------------------------------------------------------

def _remount_read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


def test_a_store_on_a_read_only_disk_is_listed_and_opened_and_saves_say_why_not(small_disk: Path,
                                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = small_disk / "data" / "cases.sqlite"
    writer = CaseStore(path)
    writer.save(CASE, expected_version=None)
    writer.save(CASE | {"notes": "zweite Version"}, expected_version=1)
    del writer
    _remount_read_only(small_disk)
    store = CaseStore(path)
    assert store.read_only
    assert [s.case_id for s in store.list()] == [CASE_ID] and [s.family for s in store.list(search="eva")] == ["Eva & Jonas"]
    assert store.open(CASE_ID).data["notes"] == "zweite Version" and store.open(CASE_ID, 1).data == CASE
    assert [s.version for s in store.history(CASE_ID)] == [2, 1] and store.export_json(CASE_ID)["case_id"] == CASE_ID
    with pytest.raises(StoreUnavailable) as refused:
        store.save(CASE | {"notes": "dritte"}, expected_version=2)
    assert READ_ONLY_DE in str(refused.value) and "Schreibrechte" in str(refused.value)
    with pytest.raises(StoreUnavailable, match=READ_ONLY_EN):
        store.save(CASE | {"notes": "dritte"}, expected_version=2, language="en")
    assert main(["cases", "list", "--store", str(path)]) == 0
    assert CASE_ID in capsys.readouterr().out
    assert main(["cases", "delete", CASE_ID, "--yes", "--store", str(path)]) == 2
    assert READ_ONLY_DE in capsys.readouterr().err
    backup = small_disk.parent / "sicherung.sqlite"  # a backup of a read-only store works (it only reads)
    assert main(["backup", str(backup), "--store", str(path)]) == 0
    assert CaseStore(backup).open(CASE_ID).version == 2
    assert store_notice(path) is not None and READ_ONLY_DE in str(store_notice(path))
    for command in (["restore", str(backup), "--force"], ["key", "rotate", "--decrypt"]):
        assert main([*command, "--store", str(path)]) == 2, command
        err = capsys.readouterr().err
        assert READ_ONLY_DE in err and "Interner Fehler" not in err, (command, err)


def test_a_store_the_service_may_not_write_is_opened_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permissions instead of a read-only medium (as root the permission bits do not stop us: injected)."""
    path = tmp_path / "cases.sqlite"
    CaseStore(path).save(CASE, expected_version=None)

    def denied(_path: Path) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("workbench.store.sqlite.prepare_file", denied)
    store = CaseStore(path)
    assert store.read_only and store.open(CASE_ID).data == CASE
    with pytest.raises(StoreUnavailable, match=READ_ONLY_DE):
        store.save(CASE | {"notes": "neu"}, expected_version=1)
    assert CaseStore(path).history(CASE_ID)[0].version == 1  # nothing written
    with pytest.raises(StoreError, match="kann nicht geöffnet werden"):  # no store there: nothing to read either
        CaseStore(tmp_path / "fehlt" / "cases.sqlite")


# -- missing key ------------------------------------------------------------------------------------

@pytest.fixture
def encrypted_store(temporary_workbench_data: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The office's store (WORKBENCH_DATA), encrypted, with the key no longer in the environment."""
    store = CaseStore(temporary_workbench_data / "cases.sqlite", key=parse_key(new_key(), "test"))
    store.save(CASE, expected_version=None)
    monkeypatch.delenv("WORKBENCH_KEY", raising=False)
    monkeypatch.delenv("WORKBENCH_KEY_FILE", raising=False)
    return store.path


def test_without_the_key_the_command_line_and_the_server_start_say_the_key_is_missing_and_where_to_set_it(
        encrypted_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cases", "list"]) == 2
    err = capsys.readouterr().err
    assert "ist verschlüsselt" in err and "WORKBENCH_KEY_FILE" in err and "Environment=" in err
    assert "jupyterhub_config.py" in err and "neu starten" in err
    notice = store_notice(language="en")
    assert notice is not None and "key is missing" in notice and "WORKBENCH_KEY_FILE" in notice
    started = subprocess.run([sys.executable, "-m", "workbench.serve", "notebooks/", "--VoilaConfiguration.show_tracebacks=True"],
                             cwd=ROOT, capture_output=True, text=True, timeout=120,
                             env={k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_KEY")})
    assert started.returncode == 2  # refused for the tracebacks: what it printed before is the point
    assert "workbench serve: Die Falldatenbank" in started.stderr and "WORKBENCH_KEY_FILE" in started.stderr


def test_without_the_key_the_wizard_page_and_the_start_page_say_so_in_the_page_language(
        encrypted_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.ui import elterngeld_wizard
    from workbench.ui.start import StartPage

    shown: list[w.Widget] = []
    monkeypatch.setattr(elterngeld_wizard, "display", shown.append)
    for language, query, expected in (("de", "", "Ohne Schlüssel"), ("en", "lang=en", "the key is missing")):
        shown.clear()
        monkeypatch.setenv("QUERY_STRING", f"{query}&case={CASE_ID}")
        elterngeld_wizard.show_elterngeld_wizard()
        page = shown[0].children[-1].value
        assert expected in page and "WORKBENCH_KEY_FILE" in page and "W-" not in page, page
        start = StartPage(language)
        assert expected in start.cases.table.value and "WORKBENCH_KEY_FILE" in start.cases.table.value


def test_the_start_page_lists_a_read_only_store_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.ui.start import StartPage

    path = tmp_path / "cases.sqlite"
    CaseStore(path).save(CASE, expected_version=None)

    def denied(_path: Path) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("workbench.store.sqlite.prepare_file", denied)
    page = StartPage("en", store_factory=lambda: CaseStore(path))
    assert READ_ONLY_EN in page.cases.table.value and "Eva &amp; Jonas" in page.cases.table.value


def test_a_filled_form_is_owner_only_whatever_the_umask_and_a_full_disk_leaves_none(
        small_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``workbench fill`` wrote the form (Steuer-ID, IBAN, address) with the umask's mode before issue 25."""
    monkeypatch.setenv("WORKBENCH_FORMS_DIR", str(BLANKS))
    family = ROOT / "tests" / "forms" / "familie_mueller.json"
    command = ["fill", "kiz1", str(family), "--date", "2026-04-20", "-o"]
    old_umask = os.umask(0)
    try:
        assert main([*command, str(tmp_path / "kiz1.pdf")]) == 0
    finally:
        os.umask(old_umask)
    assert (tmp_path / "kiz1.pdf").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "kiz1.pdf").read_bytes().startswith(b"%PDF")
    _fill(small_disk)
    capsys.readouterr()
    assert main([*command, str(small_disk / "kiz1.pdf")]) == 2
    assert "der Datenträger ist voll" in capsys.readouterr().err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]

"""``workbench cases …``, ``backup``, ``restore``, ``purge``, ``key``: the case store on the command line.

    workbench cases list [--search TEXT] [--limit N] [--json]
    workbench cases show CASE_ID [--version N]
    workbench cases history CASE_ID [--json]            (every version: when, draft or complete, who saved)
    workbench cases export CASE_ID [--output FILE] [--all-versions]
    workbench cases import FILE
    workbench cases delete CASE_ID --yes
    workbench cases prune [CASE_ID]
    workbench cases conflicts CASE_ID
    workbench backup OUT.sqlite [--force]
    workbench restore BACKUP.sqlite [--force]
    workbench purge [--older-than 730d] [--dry-run]     (default: $WORKBENCH_RETENTION_DAYS)
    workbench key new --output FILE
    workbench key rotate (--new-key-file FILE | --decrypt)

Every command takes ``--store FILE`` or ``--store postgresql://…`` (default ``$WORKBENCH_STORE``,
else ``$WORKBENCH_DATA/cases.sqlite``); the key of an
encrypted store comes from WORKBENCH_KEY or WORKBENCH_KEY_FILE (docs/store.md). Messages name
case ids and counts, never family data.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import timedelta
from pathlib import Path

from workbench.cli.common import print_json
from workbench.errors import WorkbenchError
from workbench.i18n import text
from workbench.private_files import write_private
from workbench.store import CaseStore, office_time, store_target

__all__ = ["RETENTION_ENV", "add_cases_parser", "add_store_parsers", "parse_age"]

RETENTION_ENV = "WORKBENCH_RETENTION_DAYS"
_AGE = re.compile(r"(\d{1,5})\s*([dwy]?)")
_DAYS = {"": 1, "d": 1, "w": 7, "y": 365}


def _store_path(args: argparse.Namespace) -> Path:
    target = store_target(args.store)
    return target if isinstance(target, Path) else Path(target)


def _server_url(args: argparse.Namespace) -> str | None:
    """The ``postgresql://`` URL of --store or WORKBENCH_STORE; None for a SQLite file."""
    target = store_target(args.store)
    return target if isinstance(target, str) else None


def _store(args: argparse.Namespace) -> CaseStore:
    return CaseStore(args.store or None)


def _write_private(path: str, data: object, force: bool = False) -> None:
    """Write JSON to a new file readable by its owner only (personal data), complete or not at all
    (:mod:`workbench.private_files`); never overwrite unless ``force``."""
    write_private(Path(path), (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), force=force)


# -- workbench cases … ----------------------------------------------------------------------------

def cmd_cases_list(args: argparse.Namespace) -> int:
    summaries = _store(args).list(args.search, limit=args.limit)
    if args.json:
        print_json([{"case_id": s.case_id, "family": s.family, "version": s.version,
                      "saved_at": s.saved_at.isoformat(), "complete": s.complete} for s in summaries])
        return 0
    if not summaries:
        print(text("store.cli_none"), file=sys.stderr)
    for s in summaries:
        state = text("store.cli_complete" if s.complete else "store.cli_draft")
        when = office_time(s.saved_at).strftime("%d.%m.%Y %H:%M")
        print(f"{s.case_id}\tv{s.version}\t{when}\t{state}\t{s.family}")
    return 0


def cmd_cases_show(args: argparse.Namespace) -> int:
    stored = _store(args).open(args.case_id, args.version)
    print_json({"case_id": stored.case_id, "version": stored.version, "saved_at": stored.saved_at.isoformat(),
                 "complete": stored.complete, "data": stored.data})
    return 0


def cmd_cases_history(args: argparse.Namespace) -> int:
    """Every version of a case, newest first, with the advisor who saved it (per-advisor identity)."""
    versions = _store(args).history(args.case_id)
    if args.json:
        print_json([{"version": s.version, "saved_at": s.saved_at.isoformat(), "complete": s.complete,
                      "saved_by": s.saved_by} for s in versions])
        return 0
    for s in versions:
        state = text("store.cli_complete" if s.complete else "store.cli_draft")
        print(f"v{s.version}\t{office_time(s.saved_at).strftime('%d.%m.%Y %H:%M')}\t{state}\t{s.saved_by}")
    return 0


def cmd_cases_export(args: argparse.Namespace) -> int:
    store = _store(args)
    data = store.export_history(args.case_id) if args.all_versions else store.export_json(args.case_id)
    if not args.output:
        print_json(data)
        return 0
    _write_private(args.output, data)
    print(text("store.cli_exported", case_id=args.case_id, path=args.output), file=sys.stderr)
    return 0


def cmd_cases_import(args: argparse.Namespace) -> int:
    from workbench.case import load_case

    case_id = load_case(Path(args.file)).case_id
    version = _store(args).import_json(Path(args.file))
    print(text("store.cli_imported", case_id=case_id, version=version))
    return 0


def cmd_cases_delete(args: argparse.Namespace) -> int:
    if not args.yes:
        raise WorkbenchError(text("store.cli_confirm", case_id=args.case_id))
    count = _store(args).delete(args.case_id)
    if count == 0:
        raise WorkbenchError(text("store.not_found", case_id=args.case_id))
    print(text("store.cli_deleted", case_id=args.case_id, count=count))
    return 0


def cmd_cases_prune(args: argparse.Namespace) -> int:
    print(text("store.cli_pruned", count=_store(args).prune_drafts(args.case_id)))
    return 0


def cmd_cases_conflicts(args: argparse.Namespace) -> int:
    store = _store(args)
    latest = store.open(args.case_id)  # CaseNotFound for an unknown case
    copies = store.conflict_copies(args.case_id)
    print_json({"case_id": args.case_id, "latest_version": latest.version,
                 "conflict_copies": [{"conflict_id": c.conflict_id, "based_on": c.based_on,
                                      "saved_at": c.saved_at.isoformat(), "data": c.data} for c in copies]})
    return 0


# -- backup, restore, purge, key ------------------------------------------------------------------

def cmd_backup(args: argparse.Namespace) -> int:
    from workbench.store.backup import backup

    if (url := _server_url(args)) is not None:
        from workbench.store.pg_backup import pg_backup

        cases = pg_backup(url, Path(args.output), force=args.force)
        print(text("store.cli_backup", path=args.output, count=cases))
        return 0
    cases = backup(_store_path(args), Path(args.output), force=args.force)
    print(text("store.cli_backup", path=args.output, count=cases))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from workbench.store.backup import restore

    if (url := _server_url(args)) is not None:
        from workbench.store.pg_backup import pg_restore_backup
        from workbench.store.postgres import display_location

        cases = pg_restore_backup(Path(args.backup), url, force=args.force)
        print(text("store.cli_restored", path=display_location(url), count=cases))
        return 0
    cases = restore(Path(args.backup), _store_path(args), force=args.force)
    print(text("store.cli_restored", path=_store_path(args), count=cases))
    return 0


def parse_age(value: str) -> timedelta:
    """``730``, ``730d``, ``104w``, ``2y`` → days (a year counts 365 days); WorkbenchError otherwise."""
    match = _AGE.fullmatch(value.strip().lower())
    if not match or int(match[1]) < 1:
        raise WorkbenchError(text("store.cli_bad_age", value=value))
    return timedelta(days=int(match[1]) * _DAYS[match[2]])


def cmd_purge(args: argparse.Namespace) -> int:
    setting = args.older_than or os.environ.get(RETENTION_ENV, "")
    if not setting:
        raise WorkbenchError(text("store.cli_no_retention", env=RETENTION_ENV))
    age = parse_age(setting)
    due = _store(args).purge(age, dry_run=args.dry_run)
    for case_id, last in due:
        print(f"{case_id}\t{office_time(last).strftime('%d.%m.%Y %H:%M')}")
    key = "store.cli_purge_dry" if args.dry_run else "store.cli_purged"
    print(text(key, count=len(due), days=age.days), file=sys.stderr)
    return 0


def cmd_key_new(args: argparse.Namespace) -> int:
    from workbench.store.crypto import new_key

    # the key is as secret as the data it protects: a new file, owner only
    write_private(Path(args.output), (new_key() + "\n").encode("ascii"))
    print(text("store.cli_key_written", path=args.output), file=sys.stderr)
    return 0


def cmd_key_rotate(args: argparse.Namespace) -> int:
    from workbench.store.crypto import key_from_environment, read_key_file
    from workbench.store.backup import rotate_key

    old = key_from_environment()
    new = None if args.decrypt else read_key_file(Path(args.new_key_file))
    if (url := _server_url(args)) is not None:
        from workbench.store.pg_backup import pg_rotate_key

        count = pg_rotate_key(url, old, new)
    else:
        count = rotate_key(_store_path(args), old, new)
    print(text("store.cli_decrypted" if new is None else "store.cli_rotated", count=count))
    return 0


# -- parsers --------------------------------------------------------------------------------------

def _positive(value: str) -> int:
    number = int(value) if value.isdigit() else 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"ganze Zahl ab 1 erwartet, nicht {value!r}")
    return number


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", metavar="FILE|URL",
                        help="Falldatenbank: SQLite-Datei oder postgresql://… (Standard: $WORKBENCH_STORE, "
                             "sonst $WORKBENCH_DATA/cases.sqlite)")
    return common


def add_cases_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``workbench cases list|show|export|import|delete|prune|conflicts``."""
    common = _common()
    cases = sub.add_parser("cases", help="gespeicherte Fälle auflisten, zeigen, exportieren, importieren, löschen, aufräumen")
    commands = cases.add_subparsers(dest="cases_command", required=True)
    p = commands.add_parser("list", parents=[common], help="Fälle, neueste zuerst")
    p.add_argument("--search", default="", help="Teil von Aktenzeichen oder Vorname (Groß-/Kleinschreibung egal)")
    p.add_argument("--limit", type=_positive, default=50, help="höchstens so viele Fälle (Standard 50)")
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p.set_defaults(func=cmd_cases_list)
    p = commands.add_parser("show", parents=[common], help="eine Version eines Falls als JSON (Standard: neueste)")
    p.add_argument("case_id")
    p.add_argument("--version", type=_positive)
    p.set_defaults(func=cmd_cases_show)
    p = commands.add_parser("history", parents=[common], help="alle Versionen eines Falls: wann, Entwurf oder "
                            "vollständig, wer gespeichert hat")
    p.add_argument("case_id")
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p.set_defaults(func=cmd_cases_history)
    p = commands.add_parser("export", parents=[common], help="neueste vollständige Version als Falldatei")
    p.add_argument("case_id")
    p.add_argument("--output", "-o", metavar="FILE", help="in diese (neue) Datei schreiben statt auf die Ausgabe")
    p.add_argument("--all-versions", action="store_true",
                   help="alles zu diesem Fall: jede Version, Entwürfe und Konfliktkopien (Auskunft nach Art. 15 DSGVO)")
    p.set_defaults(func=cmd_cases_export)
    p = commands.add_parser("import", parents=[common], help="Falldatei prüfen und als neue Version speichern")
    p.add_argument("file")
    p.set_defaults(func=cmd_cases_import)
    p = commands.add_parser("delete", parents=[common], help="Fall mit allen Versionen endgültig löschen")
    p.add_argument("case_id")
    p.add_argument("--yes", action="store_true", help="Löschen bestätigen")
    p.set_defaults(func=cmd_cases_delete)
    p = commands.add_parser("prune", parents=[common], help="Entwürfe löschen, auf die eine vollständige Version folgt")
    p.add_argument("case_id", nargs="?", help="nur dieser Fall (Standard: alle)")
    p.set_defaults(func=cmd_cases_prune)
    p = commands.add_parser("conflicts", parents=[common], help="abgelehnte Speicherungen (Konfliktkopien) eines Falls")
    p.add_argument("case_id")
    p.set_defaults(func=cmd_cases_conflicts)


def add_store_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``workbench backup``, ``restore``, ``purge`` and ``key new|rotate``."""
    common = _common()
    p = sub.add_parser("backup", parents=[common], help="Sicherung der Falldatenbank (auch im laufenden Betrieb)")
    p.add_argument("output", metavar="OUT.sqlite", help="neue Sicherungsdatei (Modus 0600)")
    p.add_argument("--force", action="store_true", help="eine vorhandene Datei überschreiben")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", parents=[common], help="Sicherung zurückspielen (prüft sie vorher)")
    p.add_argument("backup", metavar="BACKUP.sqlite")
    p.add_argument("--force", action="store_true", help="eine Falldatenbank mit Fällen überschreiben")
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("purge", parents=[common], help="Fälle löschen, deren letzte Speicherung älter als die Frist ist")
    p.add_argument("--older-than", metavar="ALTER", help=f"z. B. 730d, 104w, 2y (Standard: ${RETENTION_ENV} Tage)")
    p.add_argument("--dry-run", action="store_true", help="nur auflisten, nichts löschen")
    p.set_defaults(func=cmd_purge)
    key = sub.add_parser("key", help="Schlüssel für die Verschlüsselung der Falldaten")
    commands = key.add_subparsers(dest="key_command", required=True)
    p = commands.add_parser("new", help="neuen Schlüssel in eine neue Datei (Modus 0600) schreiben")
    p.add_argument("--output", "-o", metavar="FILE", required=True)
    p.set_defaults(func=cmd_key_new)
    p = commands.add_parser("rotate", parents=[common],
                            help="alle Falldaten mit einem neuen Schlüssel verschlüsseln (alter Schlüssel aus der Umgebung)")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--new-key-file", metavar="FILE", help="Datei mit dem neuen Schlüssel")
    target.add_argument("--decrypt", action="store_true", help="Verschlüsselung aufheben")
    p.set_defaults(func=cmd_key_rotate)

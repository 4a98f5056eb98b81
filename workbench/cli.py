"""The `workbench` command: the same functions the wizards use, on case files.

    workbench elterngeld CASE.json [--explain] [--language de|en]
    workbench schema
    workbench params show|diff|check   (see workbench/cli_params.py)

Exit status: 0 success, 1 ``params check`` found problems, 2 unusable input (the messages say which field and why),
3 an internal error (reported in one line; set WORKBENCH_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from workbench.cli_params import add_params_parser
from workbench.errors import CaseError, InvalidValue, WorkbenchError


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_schema(args: argparse.Namespace) -> int:
    from workbench.case import case_json_schema

    _print_json(case_json_schema())
    return 0


def cmd_elterngeld(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.rules.elterngeld.engine import compute_elterngeld

    case = load_case(Path(args.case))
    result = compute_elterngeld(case)
    if args.explain:
        sys.stdout.write(result.explain(args.language or case.language) + "\n")
    else:
        if args.language:
            result.language = args.language
        _print_json(result.to_json())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbench", description="Familienbüro workbench: Leistungen berechnen und erklären.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("elterngeld", help="Elterngeld eines Falls berechnen (JSON nach case-format.md)")
    p.add_argument("case", help="Falldatei (workbench-case/1, JSON)")
    p.add_argument("--explain", action="store_true", help="lesbare Erklärung mit Paragraphen statt JSON")
    p.add_argument("--language", choices=("de", "en"), help="Sprache der Ausgabe (Standard: die des Falls)")
    p.set_defaults(func=cmd_elterngeld)
    s = sub.add_parser("schema", help="JSON Schema des Fallformats ausgeben")
    s.set_defaults(func=cmd_schema)
    add_params_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # output piped into `head`: not an error
        sys.stderr.close()
        return 0
    except CaseError as exc:
        for message in exc.messages:
            print(message, file=sys.stderr)
        return 2
    except InvalidValue as exc:
        for message in exc.messages(getattr(args, "language", None) or "de"):
            print(message, file=sys.stderr)
        return 2
    except WorkbenchError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - last resort: one line, never a traceback
        if os.environ.get("WORKBENCH_DEBUG"):
            traceback.print_exc()
        print(f"Interner Fehler ({type(exc).__name__}); bitte melden. Details mit WORKBENCH_DEBUG=1.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    raise SystemExit(main())

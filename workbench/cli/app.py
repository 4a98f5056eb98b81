"""The `workbench` command: the same functions the wizards use, on case files.

    workbench elterngeld|optimize|compare|handout CASE.json …   (see workbench/cli/elterngeld.py)
    workbench schema
    workbench params show|diff|check   (see workbench/cli/params.py)
    workbench cases list|show|export|import|delete|prune|conflicts …   (the case store: workbench/cli/store.py)
    workbench backup|restore|purge|key …                             (the case store: workbench/cli/store.py)
    workbench antragsmappe|begleitschreiben CASE.json …, workbench fristen   (workbench/cli/antragsmappe.py)
    workbench teamwissen add|edit|list|search|show|outdated|export …  (the team's answers: workbench/cli/teamwissen.py)

Exit status: 0 success, 1 ``params check`` found problems, 2 unusable input (the messages say which field and why),
3 an internal error (reported in one line; set WORKBENCH_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from workbench.cli.antragsmappe import add_antragsmappe_parser, add_begleitschreiben_parser, add_fristen_parser
from workbench.cli.topics import add_topic_parser
from workbench.cli.common import print_json
from workbench.cli.elterngeld import add_elterngeld_parser
from workbench.cli.forms import add_forms_parser
from workbench.cli.lebenslagen import add_lebenslagen_parser
from workbench.cli.leistungscheck import add_leistungscheck_parser
from workbench.cli.params import add_params_parser
from workbench.cli.serve import add_serve_parser
from workbench.cli.steuer import add_steuer_parser
from workbench.cli.store import add_cases_parser, add_store_parsers
from workbench.cli.teamwissen import add_teamwissen_parser
from workbench.errors import CaseError, InvalidValue, UnsupportedPeriod, WorkbenchError


def cmd_schema(args: argparse.Namespace) -> int:
    from workbench.case import case_json_schema

    print_json(case_json_schema())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbench", description="Familienbüro workbench: Leistungen berechnen und erklären.")
    sub = parser.add_subparsers(dest="command", required=True)
    add_elterngeld_parser(sub)
    s = sub.add_parser("schema", help="JSON Schema des Fallformats ausgeben")
    s.set_defaults(func=cmd_schema)
    add_params_parser(sub)
    add_lebenslagen_parser(sub)
    add_steuer_parser(sub)
    add_cases_parser(sub)
    add_topic_parser(sub)
    add_leistungscheck_parser(sub)
    add_antragsmappe_parser(sub)
    add_begleitschreiben_parser(sub)
    add_fristen_parser(sub)
    add_forms_parser(sub)
    add_store_parsers(sub)
    add_teamwissen_parser(sub)
    add_serve_parser(sub)
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
    except UnsupportedPeriod as exc:  # a date before the first values: German (or --language en), never a name
        print(exc.text(getattr(args, "language", None) or "de"), file=sys.stderr)
        return 2
    except WorkbenchError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - last resort: one line, never a traceback
        if os.environ.get("WORKBENCH_DEBUG"):
            traceback.print_exc()
        print(f"Interner Fehler ({type(exc).__name__}); bitte melden. Details mit WORKBENCH_DEBUG=1.", file=sys.stderr)
        return 3


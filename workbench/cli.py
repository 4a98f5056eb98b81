"""The `workbench` command: the same functions the wizards use, on case files.

    workbench elterngeld CASE.json [--explain] [--language de|en]
    workbench optimize CASE.json [--objective elterngeld|household_income] [--top N]
    workbench compare CASE.json [--json]
    workbench handout CASE.json -o OUT.pdf [--language de|en] [--force]
    workbench schema
    workbench params show|diff|check   (see workbench/cli_params.py)
    workbench cases list|show|export|import|delete|prune|conflicts …   (the case store: workbench/cli_store.py)
    workbench backup|restore|purge|key …                             (the case store: workbench/cli_store.py)

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

from workbench.cli_lebenslagen import add_lebenslagen_parser
from workbench.cli_care import add_care_parser
from workbench.cli_leistungen import add_leistungen_parser
from workbench.cli_forms import add_forms_parser
from workbench.cli_params import add_params_parser
from workbench.cli_store import add_cases_parser, add_store_parsers
from workbench.cli_serve import add_serve_parser
from workbench.errors import CaseError, InvalidValue, UnsupportedPeriod, WorkbenchError
from workbench.parameter_tracking import Usage, provisional_json, provisional_note, tracking


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


def cmd_optimize(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.rules.elterngeld.optimize import optimize

    case = load_case(Path(args.case))
    if args.language:
        case = case.model_copy(update={"language": args.language})
    with tracking() as used:  # a birth after the newest values: every plan is provisional (ADR 0019)
        found = optimize(case, args.objective, args.top)
    _print_json({**found.to_json(), **_provisional_json(used, case.language)})
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.rules.elterngeld.compare import compare_plans, standard_plans

    case = load_case(Path(args.case))
    if args.language:
        case = case.model_copy(update={"language": args.language})
    with tracking() as used:
        result = compare_plans(case, standard_plans(case))
    if args.json:
        _print_json({**result.to_json(), **_provisional_json(used, case.language)})
    else:
        note = provisional_note(used.provisional, case.language)
        sys.stdout.write(result.table() + "\n" + (note + "\n" if note else ""))
    return 0


def _provisional_json(used: Usage, language: str) -> dict[str, object]:
    """The provisional values behind a whole run, as the other entry points carry them."""
    return {"provisional_note": provisional_note(used.provisional, language),
            "provisional": provisional_json(used.provisional)}


def cmd_handout(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.i18n import text
    from workbench.private_files import write_private
    from workbench.report import handout_pdf
    from workbench.report_topics import topic_sections

    case = load_case(Path(args.case))
    lang = args.language or case.language
    sections = topic_sections(case, lang)  # Leistungscheck, Mutterschutz, Elternzeit, Kita, Pflege, Vorsorge
    pdf = handout_pdf(case, lang, sections)
    # personal data: owner-only, complete or not at all (a full disk leaves no empty PDF behind)
    write_private(Path(args.output), pdf, force=args.force, exists="report.cli_exists",
                  unwritable="report.cli_unwritable", language=lang)
    print(text("report.cli_written", lang, path=args.output), file=sys.stderr)
    return 0


def _top(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 50:
        raise argparse.ArgumentTypeError("--top: eine ganze Zahl von 1 bis 50 / a whole number from 1 to 50")
    return int(value)
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbench", description="Familienbüro workbench: Leistungen berechnen und erklären.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("elterngeld", help="Elterngeld eines Falls berechnen (JSON nach case-format.md)")
    p.add_argument("case", help="Falldatei (workbench-case/1, JSON)")
    p.add_argument("--explain", action="store_true", help="lesbare Erklärung mit Paragraphen statt JSON")
    p.add_argument("--language", choices=("de", "en"), help="Sprache der Ausgabe (Standard: die des Falls)")
    p.set_defaults(func=cmd_elterngeld)
    o = sub.add_parser("optimize", help="die besten zulässigen Elterngeld-Pläne suchen (exakt)")
    o.add_argument("case", help="Falldatei (workbench-case/1, JSON)")
    o.add_argument("--objective", choices=("elterngeld", "household_income"), default="elterngeld",
                   help="Ziel: Elterngeld gesamt oder Haushaltseinkommen (Elterngeld und Netto der Teilzeit)")
    o.add_argument("--top", type=_top, default=5, help="Anzahl der Pläne (Standard 5)")
    o.add_argument("--language", choices=("de", "en"), help="Sprache der Erklärungen (Standard: die des Falls)")
    o.set_defaults(func=cmd_optimize)
    c = sub.add_parser("compare", help="Plan des Falls, fertige Varianten und Optimum vergleichen")
    c.add_argument("case", help="Falldatei (workbench-case/1, JSON)")
    c.add_argument("--json", action="store_true", help="JSON statt Tabelle")
    c.add_argument("--language", choices=("de", "en"), help="Sprache der Ausgabe (Standard: die des Falls)")
    c.set_defaults(func=cmd_compare)
    h = sub.add_parser("handout", help="Merkblatt für die Familie als PDF (Plan des Falls, Optimum, eine Variante)")
    h.add_argument("case", help="Falldatei (workbench-case/1, JSON)")
    h.add_argument("--output", "-o", metavar="OUT.pdf", required=True, help="PDF-Datei, die geschrieben wird")
    h.add_argument("--language", choices=("de", "en"), help="Sprache des Merkblatts (Standard: die des Falls)")
    h.add_argument("--force", action="store_true", help="eine vorhandene Datei überschreiben")
    h.set_defaults(func=cmd_handout)
    s = sub.add_parser("schema", help="JSON Schema des Fallformats ausgeben")
    s.set_defaults(func=cmd_schema)
    add_params_parser(sub)
    add_lebenslagen_parser(sub)
    add_cases_parser(sub)
    add_care_parser(sub)
    add_leistungen_parser(sub)
    add_forms_parser(sub)
    add_store_parsers(sub)
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


if __name__ == "__main__":
    raise SystemExit(main())

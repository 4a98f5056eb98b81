"""``workbench elterngeld|optimize|compare|handout``: Elterngeld, best plans, comparison, handout of a case file.

    workbench elterngeld CASE.json [--explain] [--language de|en]
    workbench optimize CASE.json [--objective elterngeld|household_income|household_after_tax] [--top N]
    workbench compare CASE.json [--json]
    workbench handout CASE.json -o OUT.pdf [--language de|en|de-LS] [--force]

The same functions the Elterngeld wizard calls (rules/elterngeld, report.py); a run whose values are
provisional (a birth after the newest parameters, ADR 0019) says so in its output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.common import case_command, print_json
from workbench.parameter_tracking import Usage, provisional_json, provisional_note, tracking

HANDOUT_LANGUAGES = ("de", "en", "de-LS")
"""The handout's languages (``workbench.report.register.HANDOUT_LANGUAGES``; de-LS is Leichte Sprache, ADR 0035)."""


def cmd_elterngeld(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.evaluation.elterngeld.engine import compute_elterngeld

    case = load_case(Path(args.case))
    result = compute_elterngeld(case)
    if args.explain:
        sys.stdout.write(result.explain(args.language or case.language) + "\n")
    else:
        if args.language:
            result.language = args.language
        print_json(result.to_json())
    return 0


def cmd_optimize(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.evaluation.elterngeld.optimize import optimize

    case = load_case(Path(args.case))
    if args.language:
        case = case.model_copy(update={"language": args.language})
    with tracking() as used:  # a birth after the newest values: every plan is provisional (ADR 0019)
        found = optimize(case, args.objective, args.top)
    print_json({**found.to_json(), **_provisional_json(used, case.language)})
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.evaluation.elterngeld.compare import compare_plans, standard_plans

    case = load_case(Path(args.case))
    if args.language:
        case = case.model_copy(update={"language": args.language})
    with tracking() as used:
        result = compare_plans(case, standard_plans(case))
    if args.json:
        print_json({**result.to_json(), **_provisional_json(used, case.language)})
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
    from workbench.report.register import handout_language
    from workbench.report.topics import proposes_elterngeld_plans, topic_sections

    case = load_case(Path(args.case))
    chosen = args.language or case.language
    lang, _easy = handout_language(chosen)  # de-LS: Leichte Sprache, messages in German
    sections = topic_sections(case, lang)  # Leistungscheck, Mutterschutz, Elternzeit, Kita, Pflege, Vorsorge
    pdf = handout_pdf(case, chosen, sections, plans=None if proposes_elterngeld_plans(case) else [])
    # personal data: owner-only, complete or not at all (a full disk leaves no empty PDF behind)
    write_private(Path(args.output), pdf, force=args.force, exists="report.cli_exists",
                  unwritable="report.cli_unwritable", language=lang)
    print(text("report.cli_written", lang, path=args.output), file=sys.stderr)
    return 0


def _top(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 50:
        raise argparse.ArgumentTypeError("--top: eine ganze Zahl von 1 bis 50 / a whole number from 1 to 50")
    return int(value)


def add_elterngeld_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``workbench elterngeld``, ``optimize``, ``compare`` and ``handout``."""
    p = case_command(sub, "elterngeld", "Elterngeld eines Falls berechnen (JSON nach case-format.md)", cmd_elterngeld,
                     language_help="Sprache der Ausgabe (Standard: die des Falls)")
    p.add_argument("--explain", action="store_true", help="lesbare Erklärung mit Paragraphen statt JSON")
    o = case_command(sub, "optimize", "die besten zulässigen Elterngeld-Pläne suchen (exakt)", cmd_optimize,
                     language_help="Sprache der Erklärungen (Standard: die des Falls)")
    o.add_argument("--objective", choices=("elterngeld", "household_income", "household_after_tax"), default="elterngeld",
                   help="Ziel: Elterngeld gesamt, Geld des Haushalts (Elterngeld, Mutterschaftsleistungen, Nettolohn) "
                        "oder Geld des Haushalts nach Steuern (geschätzt: die besten 20 nach Haushalt "
                        "neu gereiht nach der geschätzten Einkommensteuer, § 32b EStG)")
    o.add_argument("--top", type=_top, default=5, help="Anzahl der Pläne (Standard 5)")
    c = case_command(sub, "compare", "Plan des Falls, fertige Varianten und Optimum vergleichen", cmd_compare,
                     language_help="Sprache der Ausgabe (Standard: die des Falls)")
    c.add_argument("--json", action="store_true", help="JSON statt Tabelle")
    h = case_command(sub, "handout", "Merkblatt für die Familie als PDF (Plan des Falls, Optimum, eine Variante)",
                     cmd_handout, languages=HANDOUT_LANGUAGES,
                     language_help="Sprache des Merkblatts: de, en oder de-LS für Leichte Sprache (Standard: die des Falls)")
    h.add_argument("--output", "-o", metavar="OUT.pdf", required=True, help="PDF-Datei, die geschrieben wird")
    h.add_argument("--force", action="store_true", help="eine vorhandene Datei überschreiben")

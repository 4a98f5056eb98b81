"""``workbench steuer CASE``: Progressionsvorbehalt and Steuerklassenwahl of a case's Elterngeld plan (ADR 0029)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.cli.common import case_command, iso_date
from workbench.clock import today as clock_today
from workbench.parameter_tracking import provisional_note, tracking, unverified_note


def cmd_steuer(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.evaluation.steuer import steuer_result
    from workbench.report.steuer import steuer_json, steuer_sections

    case = load_case(Path(args.case))
    if args.language:
        case = case.model_copy(update={"language": args.language})
    lang = case.language
    with tracking() as used:
        result = steuer_result(case, today=args.today or clock_today())
    notes = [n for n in (provisional_note(used.provisional, lang), unverified_note(used.unverified, lang)) if n]
    if args.explain:
        names = {p.id: p.name or p.id for p in case.household.parents}
        lines: list[str] = []
        for section in steuer_sections(result, names, advisor=True):
            lines.append(section.heading)
            lines.extend(section.paragraphs)
            lines.extend(" | ".join(row) for row in section.rows)
        for year in result.jahre:
            for v in year.veranlagungen:
                lines.extend(v.explanation.render(lang))
        sys.stdout.write("\n".join(lines + notes) + "\n")
        return 0
    out: dict[str, Any] = steuer_json(result) | {"notes": notes}
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return 0


def add_steuer_parser(sub: Any) -> None:
    """Register ``steuer`` on the ``workbench`` command."""
    p = case_command(sub, "steuer", "Progressionsvorbehalt und Steuerklassenwahl zum Elterngeld-Plan eines Falls (Schätzung)",
                     cmd_steuer, language_help="Sprache der Ausgabe (Standard: die des Falls)")
    p.add_argument("--explain", action="store_true", help="lesbare Schritte mit Paragraphen statt JSON")
    p.add_argument("--today", type=iso_date, help="Stichtag für die Frist des Steuerklassenwechsels (Standard: heute)")

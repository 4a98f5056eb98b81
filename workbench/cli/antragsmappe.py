"""``workbench antragsmappe``: every application a case leads to, with office and last day;
``workbench begleitschreiben``: the cover letter with which the office forwards one of them.

    workbench antragsmappe CASE.json [--today YYYY-MM-DD] [--json] [--language de|en]
    workbench begleitschreiben CASE.json BENEFIT [--parent ID] [--received YYYY-MM-DD]
                               [--date YYYY-MM-DD] [--anlage TEXT]… -o OUT.pdf [--force]

Text for the advisor (most urgent first, each with its § and office; "bitte prüfen" where the
office data is not verified), or JSON with ``--json`` (dates ISO). Exit status: 0 fine, 2
unusable input (one line per problem).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from workbench.cli.common import case_command, iso_date
from workbench.errors import WorkbenchError
from workbench.i18n import format_date, text


def _name(benefit: str, lang: str) -> str:
    prefix = "antragsmappe" if benefit in ("elterngeld", "elternzeit") else "leistungen"
    return text(f"{prefix}.name.{benefit}", lang)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _child_name(case: Any, child_id: str) -> str:
    """The child's first name where the case has it, else its id, with the birth date."""
    child = case.child(child_id)
    name = (child.personal.first_name if child.personal else None) or child_id
    return f"{name} ({format_date(child.birth_date, case.language)})"


def application_json(antrag: Any, on: Any, lang: str) -> dict[str, Any]:
    """One application as JSON: what, who, until when, where, with what."""
    from workbench.rules.leistungen.offices import office_info

    info = office_info(antrag.benefit, lang, on)
    return {"benefit": antrag.benefit, "name": _name(antrag.benefit, lang), "parent": antrag.parent,
            "children": list(antrag.children), "deadline": antrag.frist.bis.isoformat(),
            "overdue": antrag.overdue(on), "covers_from": _iso(antrag.covers_from), "paid_from": _iso(antrag.paid_from),
            "expected_birth": antrag.expected_birth, "steps": antrag.frist.explanation.render(lang),
            "office": info["office"], "office_unverified": info["office_unverified"],
            "office_source": info["source"], "office_as_of": info["as_of"].isoformat(), "forms": info["forms"],
            "documents": info["documents"]}


def _lines(case: Any, mappe: Any, lang: str) -> list[str]:
    lines = [text("antragsmappe.cli.title", lang, case=case.case_id, on=format_date(mappe.on, lang))]
    if not mappe.antraege:
        return [*lines, text("antragsmappe.cli.none", lang)]
    for antrag in mappe.antraege:
        item = application_json(antrag, mappe.on, lang)
        when = text("antragsmappe.cli.overdue" if item["overdue"] else "antragsmappe.cli.until", lang,
                    date=format_date(antrag.frist.bis, lang))
        head = f"{when}  {item['name']}"
        if antrag.parent:
            head += " " + text("antragsmappe.cli.of", lang, who=case.parent(antrag.parent).name or antrag.parent)
        lines += ["", head]
        office = item["office"]["name"] + (f" ({text('antragsmappe.cli.unverified', lang)})"
                                           if item["office_unverified"] else "")
        lines.append("  " + text("antragsmappe.cli.office", lang, office=office))
        if antrag.children and antrag.benefit not in ("elterngeld", "elternzeit"):
            names = [_child_name(case, child_id) for child_id in antrag.children]
            lines.append("  " + text("antragsmappe.cli.children", lang, ids=", ".join(names)))
        lines += [f"  {step}" for step in item["steps"]]
        if antrag.paid_from is not None:
            lines.append("  " + text("antragsmappe.cli.paid_from", lang, date=format_date(antrag.paid_from, lang)))
        if antrag.expected_birth:
            lines.append("  " + text("antragsmappe.cli.expected", lang))
        lines += [f"  – {document}" for document in item["documents"]]
    return lines


def cmd_antragsmappe(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.evaluation.antragsmappe import antragsmappe

    case = load_case(Path(args.case))
    if args.language:
        case = case.model_copy(update={"language": args.language})
    lang = case.language
    mappe = antragsmappe(case, args.today)
    if args.json:
        out = {"case_id": case.case_id, "on": mappe.on.isoformat(),
               "applications": [application_json(a, mappe.on, lang) for a in mappe.antraege]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(_lines(case, mappe, lang)) + "\n")
    return 0


def add_antragsmappe_parser(sub: Any) -> None:
    p = case_command(sub, "antragsmappe", "Anträge eines Falls mit Stelle, Frist und Unterlagen", cmd_antragsmappe,
                     language_help="Sprache der Ausgabe (Standard: die des Falls)")
    p.add_argument("--today", type=iso_date, default=None, help="Stichtag JJJJ-MM-TT (Standard: heute)")
    p.add_argument("--json", action="store_true", help="JSON statt Text")


def cmd_begleitschreiben(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.clock import today
    from workbench.private_files import write_private
    from workbench.report.begleitschreiben import letter_for, letter_pdf

    case = load_case(Path(args.case))
    lang = args.language or case.language
    if args.parent is not None:
        try:
            case.parent(args.parent)
        except KeyError:
            raise WorkbenchError(text("antragsmappe.letter.no_parent", lang, parent=args.parent,
                                      known=", ".join(p.id for p in case.household.parents))) from None
    letter = letter_for(case, args.benefit, args.parent, args.date or today(), args.received,
                        tuple(args.anlage) if args.anlage else None)
    target = Path(args.output)
    write_private(target, letter_pdf(letter), force=args.force, exists="forms.cli.exists",
                  unwritable="store.cli_unwritable", language=lang)
    sys.stdout.write(text("antragsmappe.letter.written", lang, path=target) + "\n")
    return 0


def add_begleitschreiben_parser(sub: Any) -> None:
    p = case_command(sub, "begleitschreiben", "Begleitschreiben zur Weiterleitung eines Antrags (PDF)",
                     cmd_begleitschreiben, language_help="Sprache der Meldungen (das Schreiben selbst ist deutsch)")
    p.add_argument("benefit", help="welcher Antrag: elterngeld, kindergeld, kinderzuschlag, unterhaltsvorschuss, "
                                   "wohngeld, bildung_teilhabe")
    p.add_argument("--parent", default=None, help="Kennung des antragstellenden Elternteils (Standard: der erste)")
    p.add_argument("--received", type=iso_date, default=None,
                   help="Tag, an dem der unterschriebene Antrag im Familienbüro einging (JJJJ-MM-TT)")
    p.add_argument("--date", type=iso_date, default=None, help="Datum des Schreibens (Standard: heute)")
    p.add_argument("--anlage", action="append", default=None,
                   help="eine Anlage (mehrfach); ohne: die Formulare und Unterlagen der Leistung")
    p.add_argument("-o", "--output", required=True, help="Ziel-PDF (wird nur für den Eigentümer lesbar geschrieben)")
    p.add_argument("--force", action="store_true", help="eine vorhandene Datei ersetzen")

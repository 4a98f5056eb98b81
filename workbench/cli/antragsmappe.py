"""``workbench antragsmappe``: every application a case leads to, with office and last day;
``workbench begleitschreiben``: the cover letter with which the office forwards one of them;
``workbench fristen``: what is due or overdue across the cases with a folder in the store.

    workbench antragsmappe CASE.json [--today YYYY-MM-DD] [--json] [--language de|en]
    workbench begleitschreiben CASE.json BENEFIT [--parent ID] [--received YYYY-MM-DD]
                               [--date YYYY-MM-DD] [--anlage TEXT]… -o OUT.pdf [--force] [--weitergeleitet]
    workbench fristen [--days N] [--today YYYY-MM-DD] [--json] [--language de|en] [--store PATH|URL]

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


def _status_json(entry: Any) -> dict[str, Any]:
    """What the office recorded (format 4): status, dates, the Widerspruch period, ticked and missing keys."""
    record = entry.record
    return {"status": entry.status,
            "signed_on": _iso(record.signed_on) if record else None,
            "forwarded_on": _iso(record.forwarded_on) if record else None,
            "decided_on": _iso(record.decided_on) if record else None,
            "widerspruch_until": _iso(entry.widerspruch.bis) if entry.widerspruch else None,
            "ticked": list(entry.ticked), "missing": [key for key, _ in entry.missing]}


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
        from workbench.evaluation.mappe_status import folder

        entries = {(e.benefit, e.parent): e for e in folder(case, mappe.on, lang)}
        out = {"case_id": case.case_id, "on": mappe.on.isoformat(),
               "applications": [application_json(a, mappe.on, lang) | _status_json(entries[(a.benefit, a.parent)])
                                for a in mappe.antraege]}
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
    from workbench.case import dump_case, load_case
    from workbench.clock import today
    from workbench.evaluation.mappe_status import enclosure_keys, folder, with_record
    from workbench.private_files import write_private
    from workbench.report.begleitschreiben import letter_for, letter_pdf

    source = Path(args.case)
    case = load_case(source)
    lang = args.language or case.language
    if args.parent is not None:
        try:
            case.parent(args.parent)
        except KeyError:
            raise WorkbenchError(text("antragsmappe.letter.no_parent", lang, parent=args.parent,
                                      known=", ".join(p.id for p in case.household.parents))) from None
    dated = args.date or today()
    parent = (args.parent or case.household.parents[0].id) if args.benefit == "elterngeld" else None
    entry = next((e for e in folder(case, dated) if e.benefit == args.benefit and e.parent == parent), None)
    record = entry.record if entry is not None else None
    received = args.received or (record.signed_on if record is not None else None)
    letter = letter_for(case, args.benefit, args.parent, dated, received,
                        tuple(args.anlage) if args.anlage else None,
                        ticked=enclosure_keys(entry) if entry is not None else None)
    target = Path(args.output)
    write_private(target, letter_pdf(letter), force=args.force, exists="forms.cli.exists",
                  unwritable="store.cli_unwritable", language=lang)
    sys.stdout.write(text("antragsmappe.letter.written", lang, path=target) + "\n")
    if args.weitergeleitet:  # the letter is produced and the advisor confirms it goes out: the case says so
        changes: dict[str, Any] = {"forwarded_on": dated}
        if received is not None and (record is None or record.signed_on is None):
            changes["signed_on"] = received
        updated = with_record(case, args.benefit, parent, **changes)
        body = json.dumps(dump_case(updated), ensure_ascii=False, indent=2) + "\n"
        write_private(source, body.encode("utf-8"), force=True, unwritable="store.cli_unwritable", language=lang)
        sys.stdout.write(text("antragsmappe.letter.forwarded", lang, path=source, date=format_date(dated, lang)) + "\n")
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
    p.add_argument("--weitergeleitet", action="store_true",
                   help="in der Falldatei „weitergeleitet am“ (Datum des Schreibens) eintragen")


def fristen_json(found: Any, days: int, lang: str) -> dict[str, Any]:
    """The deadline list as JSON (docs/antragsmappe.md): every item with its case, kind, date and link."""
    from workbench.evaluation.fristen import folder_link

    return {"on": found.on.isoformat(), "until": found.until.isoformat(), "days": days,
            "items": [{"case_id": f.case_id, "family": f.family, "kind": f.kind, "benefit": f.benefit,
                       "name": _name(f.benefit, lang), "parent": f.parent, "who": f.who,
                       "due": _iso(f.due), "overdue": f.overdue, "missing": list(f.missing),
                       "steps": list(f.steps), "link": folder_link(f.case_id)} for f in found.items],
            "unreadable": list(found.unreadable)}


def fristen_line(f: Any, lang: str) -> str:
    """One deadline as a line: when, what, whose, the case."""
    from workbench.evaluation.fristen import words

    when, what = words(f, lang)
    family = f" ({f.family})" if f.family else ""
    return f"{when}: {what} · {f.case_id}{family}"


def cmd_fristen(args: argparse.Namespace) -> int:
    from workbench.clock import today
    from workbench.evaluation.fristen import office_fristen
    from workbench.store import CaseStore

    lang = args.language or "de"
    if args.days < 0:
        raise WorkbenchError(text("fristen.days_negative", lang, days=args.days))
    store = CaseStore(args.store or None)
    found = office_fristen(store, args.today or today(), args.days, lang)
    if args.json:
        sys.stdout.write(json.dumps(fristen_json(found, args.days, lang), ensure_ascii=False, indent=2) + "\n")
        return 0
    lines = [text("fristen.title", lang, until=format_date(found.until, lang), on=format_date(found.on, lang))]
    for f in found.items:
        lines.append(fristen_line(f, lang))
        if f.missing:
            lines.append("  " + text("fristen.missing", lang, items="; ".join(f.missing)))
    if not found.items:
        lines.append(text("fristen.none", lang))
    if found.unreadable:
        lines.append(text("fristen.unreadable", lang, ids=", ".join(found.unreadable)))
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def add_fristen_parser(sub: Any) -> None:
    p = sub.add_parser("fristen", help="Fällige und verpasste Fristen aller Fälle mit Antragsmappe")
    p.add_argument("--days", type=int, default=7, help="wie viele Tage voraus (Standard: 7)")
    p.add_argument("--today", type=iso_date, default=None, help="Stichtag JJJJ-MM-TT (Standard: heute)")
    p.add_argument("--json", action="store_true", help="JSON statt Text")
    p.add_argument("--language", choices=("de", "en"), default=None, help="Sprache der Ausgabe (Standard: de)")
    p.add_argument("--store", default=None, help="Fallspeicher (Standard: WORKBENCH_STORE oder die Datei im Datenordner)")
    p.set_defaults(func=cmd_fristen)

"""``workbench mutterschutz`` and ``workbench elternzeit``: the Mutterschutz and Elternzeit results of a case.

    workbench mutterschutz CASE.json [--explain] [--language de|en]
    workbench elternzeit CASE.json [--today YYYY-MM-DD] [--language de|en]

Both print JSON (dates ISO, money as numbers); ``--explain`` prints the steps with their
paragraphs instead. A case without the ``mutterschutz``/``elternzeit`` part exits with 2 and says so.
Exit status: 0 fine, 2 unusable input (one line per problem).
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from workbench.cli.common import case_command, iso_date
from workbench.clock import today as clock_today
from workbench.errors import WorkbenchError
from workbench.i18n import text
from workbench.parameter_tracking import Usage, provisional_json, provisional_note, tracking, unverified_note


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _usage_json(used: Usage, lang: str) -> dict[str, Any]:
    """"provisional" (ADR 0019) and "unverified" ("bitte prüfen" for the advisor) of a result."""
    return {"provisional_note": provisional_note(used.provisional, lang), "provisional": provisional_json(used.provisional),
            "unverified_note": unverified_note(used.unverified, lang),
            "unverified": sorted({f"{v.benefit}.{v.name}" for v in used.unverified})}


def _notes(used: Usage, lang: str) -> list[str]:
    return [n for n in (provisional_note(used.provisional, lang), unverified_note(used.unverified, lang)) if n]


def _load(args: argparse.Namespace) -> Any:
    from workbench.case import load_case

    case = load_case(Path(args.case))
    return case.model_copy(update={"language": args.language}) if args.language else case


def cmd_mutterschutz(args: argparse.Namespace) -> int:
    from workbench.evaluation.lebenslagen import mutterschutz_result

    case = _load(args)
    with tracking() as used:
        result = mutterschutz_result(case)
    if result is None:
        raise WorkbenchError(text("ls.cli.no_mutterschutz", case.language))
    lang = case.language
    if args.explain:
        steps = (result.fehlgeburt.explanation if result.fehlgeburt is not None else result.fristen.explanation)  # type: ignore[union-attr]
        lines = steps.render(lang) + (result.geld.explanation.render(lang) if result.geld is not None else [])
        lines += _notes(used, lang)
        sys.stdout.write("\n".join(lines) + "\n")
        return 0
    out: dict[str, Any] = {"mother": result.mother}
    if result.fehlgeburt is not None:
        f = result.fehlgeburt
        out["miscarriage"] = {"weeks": f.wochen, "end": f.ende.isoformat() if f.ende else None,
                              "dismissal_protection_until": f.kuendigungsschutz_bis.isoformat() if f.kuendigungsschutz_bis else None}
    if result.fristen is not None and result.geld is not None:
        s, g = result.fristen, result.geld
        out["protection"] = {"start": s.beginn.isoformat(), "end": s.ende.isoformat(), "days": s.tage,
                             "weeks_after_birth": s.wochen_nach, "days_added": s.verloren,
                             "dismissal_protection_until": s.kuendigungsschutz_bis.isoformat()}
        out["maternity_benefit"] = {"payer": g.zahler, "daily_net": _number(g.netto_tag), "kasse_daily": _number(g.kasse_tag),
                                    "kasse_total": _number(g.kasse_gesamt), "bas_total": _number(g.bas_gesamt),
                                    "employer_daily": _number(g.zuschuss_tag), "employer_total": _number(g.zuschuss_gesamt),
                                    "total": _number(g.gesamt), "set_off_against_elterngeld": g.anrechenbar}
        out["elterngeld_basis_months"] = sorted(result.elterngeld_monate)
    out |= _usage_json(used, lang)
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return 0


def cmd_elternzeit(args: argparse.Namespace) -> int:
    from workbench.evaluation.lebenslagen import elternzeit_result

    case = _load(args)
    today = args.today or clock_today()  # the office's day ($WORKBENCH_TODAY in rehearsals and the output check)
    with tracking() as used:
        result = elternzeit_result(case, today)
    if result is None:
        raise WorkbenchError(text("ls.cli.no_elternzeit", case.language))
    lang = case.language
    periods = [{"parent": d.zeitraum.parent, "start": d.zeitraum.beginn.isoformat(), "end": d.zeitraum.ende.isoformat(),
                "months": float(d.monate), "hours_per_week": _number(d.zeitraum.stunden),
                "notice_by": d.anmeldefrist.isoformat() if d.anmeldefrist else None,
                "dismissal_protection_from": d.kuendigungsschutz_ab.isoformat() if d.kuendigungsschutz_ab else None,
                "after_third_birthday": d.nach_drittem} for d in result.periods]
    out = {"birth": result.birth.isoformat(), "today": today.isoformat(), "periods": periods,
           "findings": [{"rule": h.rule, "level": h.level, "parent": h.parent, "message": h.text(lang)}
                        for h in result.findings],
           "binding_until": {pid: b.ende.isoformat() for pid, b in result.binding.items()},
           "binding_from": {pid: b.beginn.isoformat() for pid, b in result.binding.items()},
           "lebensmonate": result.lebensmonate} | _usage_json(used, lang)
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return 0


def add_lebenslagen_parser(sub: Any) -> None:
    """Register ``mutterschutz`` and ``elternzeit`` on the ``workbench`` command."""
    m = case_command(sub, "mutterschutz", "Schutzfristen, Mutterschaftsgeld und Arbeitgeberzuschuss eines Falls",
                     cmd_mutterschutz, case_help="Falldatei (workbench-case/1 bis /3, JSON) mit Teil mutterschutz",
                     language_help="Sprache der Ausgabe (Standard: die des Falls)")
    m.add_argument("--explain", action="store_true", help="lesbare Schritte mit Paragraphen statt JSON")
    e = case_command(sub, "elternzeit", "Elternzeit-Zeiträume eines Falls prüfen: Fristen, Kündigungsschutz, Grenzen",
                     cmd_elternzeit, case_help="Falldatei (workbench-case/1 bis /3, JSON) mit Teil elternzeit",
                     language_help="Sprache der Meldungen (Standard: die des Falls)")
    e.add_argument("--today", type=iso_date, help="Stichtag für verstrichene Fristen (Standard: heute)")

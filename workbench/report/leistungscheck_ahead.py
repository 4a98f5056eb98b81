"""The Leistungscheck's date, the family's monthly total and the months ahead, in words.

Shared by the wizard's result cards and the family's handout (:mod:`workbench.report.leistungscheck`),
so both say the same: "Stand: 7. Dezember 2026", "Zusammen im Monat: 2.029,92 €" and
"ab 1. März 2027: Unterhaltsvorschuss 299,00 € im Monat (bisher 227,00 €) – K1 wird 6".
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from babel import dates as babel_dates

from workbench.evaluation.leistungscheck import Leistungscheck
from workbench.evaluation.leistungscheck_ahead import MONTHS_AHEAD, Change, changes_ahead, monthly_total
from workbench.i18n import format_money, locale_of, text
from workbench.money import as_json_number
from workbench.report.blocks import HandoutSection

if TYPE_CHECKING:
    from workbench.case import Case

LONG_DATE = {"de": "d. MMMM y", "en": "d MMMM y"}


def long_date(value: date, language: str) -> str:
    """``1. März 2027`` / ``1 March 2027``: a date read aloud across the desk."""
    return babel_dates.format_date(value, LONG_DATE.get(language, LONG_DATE["de"]), locale=locale_of(language))


def as_of_line(check: Leistungscheck, language: str) -> str:
    """``Berechnet für den 7. Dezember 2026`` — on every card and on the handout."""
    return text("desk.lc.as_of", language, date=long_date(check.on, language))


def total_lines(check: Leistungscheck, language: str) -> list[str]:
    """The monthly total of what the family gets, and what is still open, as sentences."""
    total = monthly_total(check)
    lines = [text("desk.lc.total", language, amount=format_money(total.granted, language))]
    if total.to_check > 0:
        lines.append(text("desk.lc.total_open", language, amount=format_money(total.to_check, language)))
    return lines


def change_line(change: Change, language: str) -> str:
    """One month ahead: the new amount (or the end of the benefit) and the birthdays that cause it."""
    benefit = text(f"leistungen.name.{change.benefit}", language)
    args = {"date": long_date(change.starts, language), "benefit": benefit,
            "before": format_money(change.before, language), "after": format_money(change.after, language)}
    key = "desk.lc.ahead_ends" if change.eligible is False or change.after == 0 else "desk.lc.ahead_change"
    line = text(key, language, **args)
    if change.birthdays:
        line += " – " + ", ".join(text("desk.lc.ahead_birthday", language, child=child, age=age)
                                  for child, age in change.birthdays)
    return line


def ahead_lines(case: Case, check: Leistungscheck, language: str) -> list[str]:
    """Every change of the coming months, or one sentence saying there is none."""
    changes = changes_ahead(case, check)
    if not changes:
        return [text("desk.lc.ahead_none", language, months=MONTHS_AHEAD)]
    return [change_line(c, language) for c in changes]


def ahead_section(case: Case, check: Leistungscheck, language: str) -> HandoutSection:
    """The handout's block "Was sich in den nächsten Monaten ändert"."""
    return HandoutSection(text("desk.lc.ahead_heading", language), tuple(ahead_lines(case, check, language)))


def desk_json(case: Case, check: Leistungscheck, language: str) -> dict[str, Any]:
    """Date, total and changes ahead for ``workbench check`` and the wizard's cards."""
    total = monthly_total(check)
    return {
        "as_of": as_of_line(check, language),
        "total": {"monthly": as_json_number(total.granted), "to_check": as_json_number(total.to_check),
                  "text": total_lines(check, language)},
        "changes_ahead": [{"from": c.starts.isoformat(), "benefit": c.benefit, "before": as_json_number(c.before),
                           "after": as_json_number(c.after), "eligible": c.eligible, "text": change_line(c, language)}
                          for c in changes_ahead(case, check)],
    }

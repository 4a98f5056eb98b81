"""Care of a relative on the family handout and the Pflege page: ``pflege_sections(case, language)``.

The care insurance's options side by side and the carer's time off, from
:func:`workbench.evaluation.pflege.pflege_results`; the rows and sentences the wizard shows too.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.pflege import pflege_results
from workbench.i18n import format_date, format_money, text
from workbench.report.register import ADVISOR, FAMILY, Register, say
from workbench.report.sections import HandoutSection
from workbench.report.topics import known_language, provisional_sections
from workbench.rules.pflege.freistellung import Freistellungen
from workbench.rules.pflege.leistungen import PflegeLeistungen

if TYPE_CHECKING:
    from workbench.case import Case


def option_rows(benefits: PflegeLeistungen, lang: str) -> tuple[tuple[str, ...], ...]:
    """Pflegegeld only / Sachleistung only / combination: per month and per year."""
    head = (text("pflege.col.option", lang), text("pflege.col.pflegegeld_m", lang), text("pflege.col.sach_m", lang),
            text("pflege.col.total_y", lang))
    rows = [head]
    for o in benefits.options:
        label = text(f"pflege.option.{o.key}", lang, percent=o.sach_prozent)
        rows.append((label, format_money(o.pflegegeld_m, lang), format_money(o.sachleistung_m, lang),
                     format_money(o.total_y, lang)))
    return tuple(rows)


def leave_rows(leave: Freistellungen, lang: str) -> tuple[tuple[str, ...], ...]:
    """Kurzzeitige Arbeitsverhinderung / Pflegezeit / Familienpflegezeit: claim and money."""
    rows: list[tuple[str, ...]] = [(text("pflege.col.leave", lang), text("pflege.col.claim", lang),
                                    text("pflege.col.money", lang))]
    for o in leave.options:
        if o.claim:
            claim = text("pflege.claim_yes", lang)
        elif o.claim is None:  # the employer's size is not entered: unknown, not "no"
            claim = text("pflege.claim_unknown", lang, reason=text(o.reason or "pflege.reason.pflegezeit_size_unknown", lang))
        else:
            claim = text("pflege.claim_no", lang, reason=text(o.reason or "pflege.reason.not_employed", lang))
        if o.money_m is None or not o.claim:
            money = text("pflege.money_none", lang)
        elif o.key == "kurzzeitig":
            money = text("pflege.money_pug", lang, day=format_money(o.money_m, lang),
                         total=format_money(o.money_total or Decimal(0), lang))
        else:
            money = text("pflege.money_loan", lang, month=format_money(o.money_m, lang),
                         total=format_money(o.money_total or Decimal(0), lang))
        rows.append((text(f"pflege.leave.{o.key}", lang), claim, money))
    return tuple(rows)


def extras_text(b: PflegeLeistungen, lang: str) -> str:
    """Entlastungsbetrag, Entlastungsbudget, Tagespflege and care aids in one sentence."""
    money = {"entlastung": format_money(b.entlastungsbetrag_m, lang),
             "entlastung_y": format_money(b.entlastungsbetrag_y, lang),
             "hilfsmittel": format_money(b.pflegehilfsmittel_m, lang)}
    if b.pflegegrad == 1:
        return text("pflege.extras_pg1", lang, **money)
    return text("pflege.extras", lang, budget=format_money(b.entlastungsbudget_y, lang),
                tages=format_money(b.tagespflege_m, lang), **money)


def unverified_text(b: PflegeLeistungen, lang: str) -> str | None:
    """"Bitte prüfen" naming the amounts whose sources conflict, or None."""
    if not b.unverified:
        return None
    names = ", ".join(text(f"pflege.unverified_name.{n}", lang) for n in b.unverified)
    return text("pflege.unverified", lang, names=names)


def pflege_sections(case: Case, language: str = "de", on: date | None = None,
                    register: Register = ADVISOR) -> list[HandoutSection]:
    """The options side by side and the carer's time off (nothing without ``case.care``); with the
    provisional note when values of a new year are missing.

    ``register=FAMILY``: the family's sheet (handout, PDF) – without the advisor's "bitte prüfen" (ADR 0035).
    """
    return provisional_sections(lambda: _pflege_sections(case, language, on, register), language)


def _pflege_sections(case: Case, language: str = "de", on: date | None = None,
                     register: Register = ADVISOR) -> list[HandoutSection]:
    lang = known_language(language)
    on = on or clock_today()
    results = pflege_results(case, on)
    if results is None or case.care is None:
        return []
    benefits, leave = results
    r = case.care.recipient
    name = r.name or text("pflege.relative", lang)
    paragraphs = [] if r.at_home else [text("pflege.not_at_home", lang)]
    paragraphs.append(extras_text(benefits, lang))
    check = None if register is FAMILY else unverified_text(benefits, lang)  # the advisor checks; the family is not asked to
    if check:
        paragraphs.append(check)
    carer_id = case.care.carer.parent
    carer_name = None
    if carer_id is not None:
        carer_name = case.parent(carer_id).name
    sections = [HandoutSection(text("pflege.section_heading", lang, name=name, grad=r.pflegegrad,
                                    date=format_date(on, lang)), tuple(paragraphs), option_rows(benefits, lang))]
    notes = [text("pflege.notice_past" if o.notice < on else "pflege.notice", lang,
                  leave=text(f"pflege.leave.{o.key}", lang), date=format_date(o.notice, lang))
             for o in leave.options if o.notice is not None]
    if any(o.key != "kurzzeitig" and o.claim and o.money_m for o in leave.options):
        notes.append(say("pflege.loan_estimate", lang, register))  # the family is not asked to check it
    notes.append(text("pflege.who_decides", lang))
    sections.append(HandoutSection(text("pflege.section_leave", lang, carer=carer_name or text("pflege.carer_unnamed", lang)),
                                   tuple(notes), leave_rows(leave, lang)))
    return sections


__all__ = ["extras_text", "leave_rows", "option_rows", "pflege_sections", "unverified_text"]

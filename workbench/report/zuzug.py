"""The topic "Neu in Bochum" on the family handout, the topic page and the command line: ``zuzug_sections``.

From :func:`workbench.evaluation.zuzug.zuzug_result`: the dated first steps, who can receive which
family benefit (and why), which state pays first under EU law, the children's Kita, school and all-day
care, and the documents to bring. ``register``: the advisor's page (with §) or the family's sheet
(plain, ADR 0035).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.zuzug import KindPlan, ZuzugResult, zuzug_result
from workbench.i18n import format_date, format_money, text
from workbench.report.register import ADVISOR, Register, say
from workbench.report.sections import HandoutSection
from workbench.report.topics import known_language, provisional_sections

if TYPE_CHECKING:
    from workbench.case import Case

BENEFIT_ORDER = ("kindergeld", "kinderzuschlag", "elterngeld", "unterhaltsvorschuss", "wohngeld")


def zuzug_sections(case: Case, language: str = "de", today: date | None = None,
                   register: Register = ADVISOR) -> list[HandoutSection]:
    """The sections of ``case.zuzug`` on ``today`` (nothing without the part)."""
    return provisional_sections(lambda: _sections(case, known_language(language), today, register), language)


def _child_name(plan: KindPlan, lang: str) -> str:
    personal = plan.child.personal
    if personal is not None and personal.first_name:
        return personal.first_name
    return text("zuzug.child_born", lang, date=format_date(plan.child.birth_date, lang))


def _due(day: date | None, on: date, lang: str) -> str:
    """The date, or "straight away" when there is none or it is today or already past."""
    return format_date(day, lang) if day is not None and day > on else text("zuzug.asap", lang)


def _steps(result: ZuzugResult, lang: str, register: Register) -> HandoutSection:
    header: tuple[str, ...] = (text("zuzug.col.step", lang), text("zuzug.col.due", lang))
    if register is ADVISOR:
        header += (text("zuzug.col.law", lang),)
    rows: list[tuple[str, ...]] = [header]
    for step in result.steps:
        row: tuple[str, ...] = (text(step.key, lang), _due(step.due, result.on, lang))
        rows.append(row + ((step.citation,) if register is ADVISOR else ()))
    for plan in result.children:
        name = _child_name(plan, lang)
        if plan.at_school:
            row = (text("zuzug.todo.schule", lang, child=name), text("zuzug.asap", lang))
            rows.append(row + (("§§ 34, 41 SchulG NRW",) if register is ADVISOR else ()))
        elif plan.kita_from is not None and plan.school_from > result.on:
            row = (text("zuzug.todo.kita", lang, child=name), text("zuzug.asap", lang))
            rows.append(row + (("§ 24 SGB VIII, § 5 KiBiz",) if register is ADVISOR else ()))
    return HandoutSection(text("zuzug.heading.steps", lang), (), tuple(rows))


def _word(value: bool | None, lang: str) -> str:
    return text("zuzug.yes" if value else ("zuzug.no" if value is False else "zuzug.open"), lang)


def _benefits(result: ZuzugResult, lang: str, register: Register) -> HandoutSection:
    rows: list[tuple[str, ...]] = [(text("zuzug.col.benefit", lang), text("zuzug.col.result", lang),
                                    text("zuzug.col.why", lang))]
    for benefit in BENEFIT_ORDER:
        if benefit == "kinderzuschlag":
            why = text("zuzug.kiz_follows", lang) + (" (§ 6a Abs. 1 Nr. 1 BKGG)" if register is ADVISOR else "")
        else:
            each = result.by_parent[benefit]
            parts = [text(b.reason, lang) + (f" ({b.citation})" if register is ADVISOR else "") for _, b in each]
            if len(set(parts)) > 1:  # name the parents only where their reasons differ
                parts = [f"{name}: {part}" for (name, _), part in zip(each, parts)]
            why = "; ".join(dict.fromkeys(parts))
        rows.append((text(f"zuzug.benefit.{benefit}", lang), _word(result.entitled[benefit], lang), why))
    paragraphs: list[str] = [text("zuzug.benefits_intro", lang)]
    if result.entitled["kindergeld"] is False:
        paragraphs.append(text("zuzug.not_entitled_hint", lang))
    if result.eu_first_months_until is not None:
        paragraphs.append(say("zuzug.eu_first_months", lang, register,
                              date=format_date(result.eu_first_months_until, lang)))
        paragraphs.append(text("zuzug.eu_after", lang))
    return HandoutSection(text("zuzug.heading.benefits", lang), tuple(paragraphs), tuple(rows))


def _eu(result: ZuzugResult, lang: str) -> HandoutSection | None:
    k = result.koordinierung
    if k is None:
        return None
    key = "beide_arbeit" if k.germany_first else "arbeit_vor_wohnort"
    paragraphs = [text(f"zuzug.eu.explain.{key}", lang, state=k.foreign_state, kg=format_money(k.kindergeld_m, lang))]
    if not k.germany_first:
        if k.foreign_m is not None and k.difference_m is not None:
            paragraphs.append(text("zuzug.eu.difference", lang, amount=format_money(k.difference_m, lang),
                                   kg=format_money(k.kindergeld_m, lang), foreign=format_money(k.foreign_m, lang),
                                   state=k.foreign_state))
        else:
            paragraphs.append(text("zuzug.eu.difference_unknown", lang, state=k.foreign_state))
    paragraphs.append(text("zuzug.eu.apply", lang, state=k.foreign_state))
    return HandoutSection(text("zuzug.heading.eu", lang), tuple(paragraphs))


def _children(result: ZuzugResult, lang: str, register: Register) -> HandoutSection | None:
    if not result.children:
        return None
    rows: list[tuple[str, ...]] = [(text("zuzug.col.child", lang), text("zuzug.col.what", lang),
                                    text("zuzug.col.from", lang))]
    ogs = False
    for plan in result.children:
        name = _child_name(plan, lang)
        if plan.at_school:
            rows.append((name, text("zuzug.child.school_now", lang, grade=plan.grade), format_date(result.arrival, lang)))
        else:
            if plan.kita_from is not None:
                rows.append((name, text("zuzug.child.kita", lang), format_date(plan.kita_from, lang)))
            if plan.kita_ue3_from is not None and plan.kita_ue3_from > result.on:
                rows.append((name, text("zuzug.child.kita_ue3", lang), format_date(plan.kita_ue3_from, lang)))
            rows.append((name, text("zuzug.child.school_start", lang), format_date(plan.school_from, lang)))
        g = plan.ganztag
        if g is not None and (plan.at_school or plan.grade == 0):
            ogs = True
            if g.entitled and g.claim_from is not None:
                rows.append((name, text("zuzug.child.ganztag", lang, hours=g.hours_per_day),
                             format_date(g.claim_from, lang)))
            elif plan.at_school:
                rows.append((name, text("zuzug.child.no_ganztag", lang), "–"))
    paragraphs = (say("zuzug.ogs_fee", lang, register),) if ogs else ()
    return HandoutSection(text("zuzug.heading.children", lang), paragraphs, tuple(rows))


def _documents(case: Case, result: ZuzugResult, lang: str) -> HandoutSection:
    z = case.zuzug
    assert z is not None
    items = [text("zuzug.docs.always", lang)]
    if any(p.citizenship == "third" for p in z.parents):
        items.append(text("zuzug.docs.title", lang))
    if any(p.works == "de" for p in z.parents):
        items.append(text("zuzug.docs.work", lang))
    if result.koordinierung is not None:
        items.append(text("zuzug.docs.abroad", lang, state=result.koordinierung.foreign_state))
        items.append(text("zuzug.docs.s1", lang, state=result.koordinierung.foreign_state))
    if any(p.at_school for p in result.children):
        items.append(text("zuzug.docs.school", lang))
    return HandoutSection(text("zuzug.heading.documents", lang), tuple(f"• {item}" for item in items))


def _sections(case: Case, lang: str, today: date | None, register: Register) -> list[HandoutSection]:
    result = zuzug_result(case, today or clock_today())
    if result is None:
        return []
    origin = text("zuzug.origin", lang, place=result.from_place) if result.from_place else ""
    first = _steps(result, lang, register)
    intro = text("zuzug.intro", lang, arrival=format_date(result.arrival, lang), origin=origin,
                 on=format_date(result.on, lang))
    sections = [HandoutSection(first.heading, (intro,), first.rows), _benefits(result, lang, register)]
    sections += [s for s in (_eu(result, lang), _children(result, lang, register)) if s is not None]
    sections.append(_documents(case, result, lang))
    return sections


__all__ = ["zuzug_sections"]

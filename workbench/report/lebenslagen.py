"""Mutterschutz and Elternzeit on the family handout: ``mutterschutz_sections`` and ``elternzeit_sections``.

The blocks for ``handout_pdf(case, language, sections=...)``, drawn from the results of
:mod:`workbench.evaluation.lebenslagen` (the rules applied to the case).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.lebenslagen import elternzeit_result, mutterschutz_result
from workbench.i18n import format_date, format_decimal, format_money, text
from workbench.report.register import FAMILY, Register, say
from workbench.report.sections import HandoutSection
from workbench.rules.elterngeld.result import month_ranges

if TYPE_CHECKING:
    from workbench.case import Case


def parent_name(case: "Case", pid: str, language: str) -> str:
    """The parent's first name, or "Elternteil A"."""
    try:
        name = case.parent(pid).name
    except KeyError:
        name = None
    return name or text("report.parent_unnamed", language, id=pid)


def mutterschutz_sections(case: "Case", language: str = "de", today: date | None = None,
                          register: Register = FAMILY) -> list[HandoutSection]:
    """The Mutterschutz block of the handout: periods, protection against dismissal, money, hand-over, application.

    After the protection period (``today`` after its end; default the office's day) the application is
    worded for the past case: still possible now, with the birth certificate (§ 24i Abs. 3 SGB V, § 19 MuSchG;
    the limitation of § 45 Abs. 1 SGB I is not verified against the statute's wording, see the catalog). The
    advisor's register (``ADVISOR``, the wizard's result) keeps the §; the family's sheet has none.
    """
    lang = language
    result = mutterschutz_result(case)
    if result is None:
        return []
    heading = text("ls.section_ms", lang)
    if result.fehlgeburt is not None:
        return [HandoutSection(heading, tuple(result.fehlgeburt.explanation.render(lang, advisor=False)))]
    f, geld = result.fristen, result.geld
    assert f is not None and geld is not None
    name = parent_name(case, result.mother, lang)
    paragraphs = [text("ls.ms_period", lang, name=name, beginn=format_date(f.beginn, lang),
                       ende=format_date(f.ende, lang), tage=f.tage, wochen=f.wochen_nach),
                  text("ls.ms_dismissal", lang, bis=format_date(f.kuendigungsschutz_bis, lang))]
    if f.verloren:
        paragraphs.append(text("ls.ms_lost_days", lang, tage=f.verloren))
    rows: tuple[tuple[str, ...], ...] = ()
    if geld.netto_tag is not None:
        header = (text("ls.col_payer", lang), text("ls.col_daily", lang), text("ls.col_days", lang), text("ls.col_sum", lang))
        body = []
        if geld.zahler == "krankenkasse":
            body.append((text("ls.payer_kasse", lang), format_money(geld.kasse_tag, lang), str(geld.tage),
                         format_money(geld.kasse_gesamt, lang)))
        else:
            body.append((text("ls.payer_bas", lang), "–", "–", format_money(geld.bas_gesamt, lang)))
        body.append((text("ls.payer_employer", lang), format_money(geld.zuschuss_tag, lang), str(geld.tage),
                     format_money(geld.zuschuss_gesamt, lang)))
        body.append((text("ls.total", lang), "", "", format_money(geld.gesamt, lang)))
        rows = (header, *body)
    else:
        paragraphs.append(text(f"ls.payer_{geld.zahler}", lang))
    if result.elterngeld_monate:
        paragraphs.append(text("ls.ms_handover", lang, name=name, months=month_ranges(sorted(result.elterngeld_monate))))
    if f.ende < (today or clock_today()):
        paragraphs.append(say("ls.ms_apply_past", lang, register, ende=format_date(f.ende, lang)))
    else:
        paragraphs.append(text("ls.ms_apply", lang))
    return [HandoutSection(heading, tuple(paragraphs), rows)]


def elternzeit_sections(case: "Case", language: str = "de", today: date | None = None) -> list[HandoutSection]:
    """The Elternzeit block of the handout: each period with its notice deadline and protection start, then the findings."""
    lang = language
    result = elternzeit_result(case, today)
    if result is None or not result.periods:
        return []
    header = (text("ls.col_period", lang), text("ls.col_hours", lang), text("ls.col_notice", lang),
              text("ls.col_protection", lang))
    rows = [header]
    for d in result.periods:
        z = d.zeitraum
        rows.append((f"{parent_name(case, z.parent, lang)}: {format_date(z.beginn, lang)} – {format_date(z.ende, lang)}",
                     format_decimal(z.stunden, lang) if z.stunden is not None else "–",
                     format_date(d.anmeldefrist, lang) if d.anmeldefrist else "–",
                     format_date(d.kuendigungsschutz_ab, lang) if d.kuendigungsschutz_ab else "–"))
    paragraphs = [text("ls.ez_written", lang)]
    for pid, two_years in result.binding.items():
        paragraphs.append(text("ls.ez_binding_protection" if two_years.mutterschutz_angerechnet else "ls.ez_binding", lang,
                               name=parent_name(case, pid, lang), von=format_date(two_years.beginn, lang),
                               bis=format_date(two_years.ende, lang), citation=two_years.citation))
    paragraphs += [f"{parent_name(case, h.parent, lang)}: {h.text(lang)}" for h in result.findings]
    return [HandoutSection(text("ls.section_ez", lang), tuple(paragraphs), tuple(rows))]


__all__ = ["elternzeit_sections", "mutterschutz_sections", "parent_name"]

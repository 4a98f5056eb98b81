"""Mutterschutz and Elternzeit of a case: the rules applied to the case file, and the handout sections.

``mutterschutz_result(case)`` and ``elternzeit_result(case, today)`` wire the case's optional
``mutterschutz`` / ``elternzeit`` parts (:mod:`workbench.case.lebenslagen`) to the pure rules in
:mod:`workbench.rules.mutterschutz` and :mod:`workbench.rules.elternzeit`.
``mutterschutz_sections(case, language)`` and ``elternzeit_sections(case, language)`` give the
blocks for the family handout (``handout_pdf(case, language, sections=...)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workbench.i18n import format_date, format_decimal, format_money, text
from workbench.report import HandoutSection
from workbench.rules.elterngeld.lebensmonate import consecutive_runs
from workbench.rules.elternzeit import (
    Hinweis, Zeitraum, ZeitraumDaten, bindungsende, lebensmonate_im_zeitraum, pruefe_zeitraeume, zeitraum_daten,
)
from workbench.rules.mutterschutz import (
    FehlgeburtSchutz, Mutterschaftsgeld, Schutzfristen, monate_mit_mutterschaftsleistungen, mutterschaftsgeld,
    schutzfrist_fehlgeburt, schutzfristen,
)

if TYPE_CHECKING:
    from workbench.case import Case

EMPLOYED_BEFORE = ("employee", "minijob", "mixed")


@dataclass(frozen=True)
class MutterschutzResult:
    """Periods, money and the Lebensmonate handed to the Elterngeld plan."""

    mother: str
    fristen: Schutzfristen | None
    fehlgeburt: FehlgeburtSchutz | None
    geld: Mutterschaftsgeld | None
    elterngeld_monate: frozenset[int]


def mutterschutz_result(case: "Case") -> MutterschutzResult | None:
    """The Mutterschutz of the case's mother, or None without Mutterschutz data.

    Rechtsgrundlage: § 3, §§ 19, 20 MuSchG, § 24i SGB V, § 4 Abs. 4 Satz 3 BEEG
    """
    ms = case.mutterschutz
    if ms is None:
        return None
    if ms.miscarriage is not None:
        return MutterschutzResult(ms.mother, None, schutzfrist_fehlgeburt(ms.miscarriage.date, ms.miscarriage.week),
                                  None, frozenset())
    child = case.child(ms.child)
    assert ms.due_date is not None  # the case model requires it without a miscarriage
    birth = ms.birth_date or (None if child.expected else child.birth_date)
    fristen = schutzfristen(ms.due_date, birth, fruehgeburt=ms.premature, mehrlinge=child.count > 1,
                            behinderung=ms.disability_extension)
    geld = mutterschaftsgeld(fristen, ms.employment, ms.insurance, ms.net_last_3_months,
                             festes_gehalt=ms.fixed_salary, krankengeldanspruch=ms.sick_pay_entitlement)
    months = monate_mit_mutterschaftsleistungen(fristen.geburt, fristen.ende) if geld.anrechenbar else frozenset()
    return MutterschutzResult(ms.mother, fristen, None, geld, months)


def elternzeit_birth(case: "Case") -> date:
    """The birth the Elternzeit counts from: the actual birth of the Mutterschutz data, else the child's date."""
    ez, ms = case.elternzeit, case.mutterschutz
    child_id = ez.child if ez is not None else case.plan_child().id
    if ms is not None and ms.child == child_id and ms.birth_date is not None:
        return ms.birth_date
    return case.child(child_id).birth_date


def mother_protection_end(case: "Case") -> dict[str, date]:
    """The mother's id and the last day of her protection period after the birth (counts towards her Elternzeit)."""
    from workbench.rules.elterngeld.engine import mutterschutz_ende

    result = mutterschutz_result(case)
    if result is not None and result.fristen is not None:
        return {result.mother: result.fristen.ende}
    mothers = [p.id for p in case.household.parents if p.maternity_benefit]
    if mothers:
        return {mothers[0]: mutterschutz_ende(case.plan_child())}
    return {}


@dataclass(frozen=True)
class ElternzeitResult:
    """Each period's dates, the findings and the two-year binding per parent."""

    birth: date
    periods: list[ZeitraumDaten]
    findings: list[Hinweis]
    binding: dict[str, date]
    lebensmonate: dict[str, list[int]]


def elternzeit_result(case: "Case", today: date | None = None) -> ElternzeitResult | None:
    """The Elternzeit periods of the case checked against §§ 15, 16, 18 BEEG on ``today``.

    Rechtsgrundlage: § 15 Abs. 2, 4, § 16 Abs. 1, § 18 Abs. 1 BEEG
    """
    ez = case.elternzeit
    if ez is None:
        return None
    today = today or date.today()
    birth = elternzeit_birth(case)
    periods = [Zeitraum(p.parent, p.start, p.end, p.hours_per_week, p.requested_on) for p in ez.periods]
    ms_end = mother_protection_end(case)
    findings = pruefe_zeitraeume(periods, birth, today, ms_end)
    covered: dict[str, list[int]] = {}
    for z in periods:
        covered.setdefault(z.parent, []).extend(lebensmonate_im_zeitraum(birth, z.beginn, z.ende))
    findings += _elterngeld_without_leave(case, covered)
    binding = {pid: end for pid in dict.fromkeys(z.parent for z in periods)
               if (end := bindungsende(periods, birth, pid, ms_end.get(pid))) is not None}
    return ElternzeitResult(birth, [zeitraum_daten(z, birth) for z in periods], findings, binding,
                            {pid: sorted(set(m)) for pid, m in covered.items()})


def _elterngeld_without_leave(case: "Case", covered: dict[str, list[int]]) -> list[Hinweis]:
    plan = case.elterngeld_plan
    if plan is None or case.elternzeit is None or plan.child != case.elternzeit.child:
        return []
    from workbench.rules.elterngeld.engine import mutterschutz_monate

    out: list[Hinweis] = []
    child = case.plan_child()
    for parent in case.household.parents:
        if parent.income_before_birth.kind not in EMPLOYED_BEFORE:
            continue
        fixed = mutterschutz_monate(parent, child, case.mutterschutz)
        months = [m for m, kind in enumerate(plan.kinds(parent.id), 1)
                  if kind != "none" and m not in fixed and m not in covered.get(parent.id, [])]
        if months:
            out.append(Hinweis("elterngeld_ohne", "hinweis", parent.id, "§ 1 Abs. 6, § 15 Abs. 4 BEEG",
                               {"months": _ranges(months)}))
    return out


def _ranges(months: list[int]) -> str:
    return ", ".join(f"{p[0]}–{p[-1]}" if len(p) > 1 else str(p[0]) for p in consecutive_runs(months))


def parent_name(case: "Case", pid: str, language: str) -> str:
    """The parent's first name, or "Elternteil A"."""
    try:
        name = case.parent(pid).name
    except KeyError:
        name = None
    return name or text("report.parent_unnamed", language, id=pid)


def mutterschutz_sections(case: "Case", language: str = "de") -> list[HandoutSection]:
    """The Mutterschutz block of the handout: periods, protection against dismissal, money, hand-over."""
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
        paragraphs.append(text("ls.ms_handover", lang, name=name, months=_ranges(sorted(result.elterngeld_monate))))
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
    for pid, end in result.binding.items():
        paragraphs.append(text("ls.ez_binding", lang, name=parent_name(case, pid, lang), bis=format_date(end, lang)))
    paragraphs += [f"{parent_name(case, h.parent, lang)}: {h.text(lang)}" for h in result.findings]
    return [HandoutSection(text("ls.section_ez", lang), tuple(paragraphs), tuple(rows))]


def third_birthday(case: "Case") -> date:
    """The day Elternzeit needs 13 weeks' notice from (the 3rd birthday)."""
    from workbench.rules.elternzeit import geburtstag

    return geburtstag(elternzeit_birth(case), 3)


__all__ = [
    "ElternzeitResult", "MutterschutzResult", "elternzeit_result", "elternzeit_sections", "mother_protection_end",
    "mutterschutz_result", "mutterschutz_sections", "parent_name", "third_birthday",
]

"""Mutterschutz and Elternzeit of a case: the rules applied to the case file.

``mutterschutz_result(case)`` and ``elternzeit_result(case, today)`` wire the case's optional
``mutterschutz`` / ``elternzeit`` parts (:mod:`workbench.case.lebenslagen`) to the pure rules in
:mod:`workbench.rules.mutterschutz` and :mod:`workbench.rules.elternzeit`. The handout sections
of these results are in :mod:`workbench.report.lebenslagen`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.rules.elterngeld.result import month_ranges
from workbench.rules.elternzeit import (
    Bindung, Hinweis, Zeitraum, ZeitraumDaten, bindung, lebensmonate_im_zeitraum, pruefe_zeitraeume, zeitraum_daten,
)
from workbench.rules.mutterschutz import (
    FehlgeburtSchutz, Mutterschaftsgeld, Schutzfristen, monate_mit_mutterschaftsleistungen, mutterschaftsgeld,
    schutzfrist_fehlgeburt,
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
    from workbench.evaluation.elterngeld.engine import mutterschutz_fristen

    fristen = mutterschutz_fristen(case, child)  # the one computation every topic shares (§ 3 MuSchG)
    geld = mutterschaftsgeld(fristen, ms.employment, ms.insurance, ms.net_last_3_months,
                             festes_gehalt=ms.fixed_salary, krankengeldanspruch=ms.sick_pay_entitlement)
    months = monate_mit_mutterschaftsleistungen(fristen.geburt, fristen.ende) if geld.anrechenbar else frozenset()
    return MutterschutzResult(ms.mother, fristen, None, geld, months)


def elternzeit_birth(case: "Case") -> date:
    """The birth the Elternzeit counts from: the actual birth of the Mutterschutz data, else the child's date.

    For a child taken in (adopted, Adoptions- or Vollzeitpflege) the day it was taken in: Elternzeit of up to three
    years counts from it (§ 15 Abs. 2 Satz 5 BEEG), and so do the Lebensmonate of the Elterngeld plan for an adopted
    child (§ 1 Abs. 3 Satz 2 BEEG). Not modelled: the limit of the child's 8th birthday is then counted from that day
    too (ADR 0032).
    """
    ez, ms = case.elternzeit, case.mutterschutz
    child_id = ez.child if ez is not None else case.plan_child().id
    placement = case.child(child_id).placement
    if placement is not None:
        return placement.date
    if ms is not None and ms.child == child_id and ms.birth_date is not None:
        return ms.birth_date
    return case.child(child_id).birth_date


def mother_protection_end(case: "Case") -> dict[str, date]:
    """The mother's id and the last day of her protection period after the birth (counts towards her Elternzeit)."""
    from workbench.evaluation.elterngeld.engine import mutterschutz_ende

    result = mutterschutz_result(case)
    if result is not None and result.fristen is not None:
        return {result.mother: result.fristen.ende}
    mothers = [p.id for p in case.household.parents if p.maternity_benefit]
    if mothers:
        return {mothers[0]: mutterschutz_ende(case)}
    return {}


@dataclass(frozen=True)
class ElternzeitResult:
    """Each period's dates, the findings and the two-year binding per parent."""

    birth: date
    periods: list[ZeitraumDaten]
    findings: list[Hinweis]
    binding: dict[str, Bindung]
    lebensmonate: dict[str, list[int]]


def elternzeit_result(case: "Case", today: date | None = None) -> ElternzeitResult | None:
    """The Elternzeit periods of the case checked against §§ 15, 16, 18 BEEG on ``today``.

    Rechtsgrundlage: § 15 Abs. 2, 4, § 16 Abs. 1, § 18 Abs. 1 BEEG
    """
    ez = case.elternzeit
    if ez is None:
        return None
    today = today or clock_today()
    birth = elternzeit_birth(case)
    periods = [Zeitraum(p.parent, p.start, p.end, p.hours_per_week, p.requested_on) for p in ez.periods]
    ms_end = mother_protection_end(case)
    findings = pruefe_zeitraeume(periods, birth, today, ms_end)
    covered: dict[str, list[int]] = {}
    for z in periods:
        covered.setdefault(z.parent, []).extend(lebensmonate_im_zeitraum(birth, z.beginn, z.ende))
    findings += _elterngeld_without_leave(case, covered)
    binding = {pid: end for pid in dict.fromkeys(z.parent for z in periods)
               if (end := bindung(periods, birth, pid, ms_end.get(pid))) is not None}
    return ElternzeitResult(birth, [zeitraum_daten(z, birth) for z in periods], findings, binding,
                            {pid: sorted(set(m)) for pid, m in covered.items()})


def _elterngeld_without_leave(case: "Case", covered: dict[str, list[int]]) -> list[Hinweis]:
    plan = case.elterngeld_plan
    if plan is None or case.elternzeit is None or plan.child != case.elternzeit.child:
        return []
    from workbench.evaluation.elterngeld.engine import mutterschutz_monate

    out: list[Hinweis] = []
    child = case.plan_child()
    for parent in case.household.parents:
        if parent.income_before_birth.kind not in EMPLOYED_BEFORE:
            continue
        fixed = mutterschutz_monate(case, parent, child)
        months = [m for m, kind in enumerate(plan.kinds(parent.id), 1)
                  if kind != "none" and m not in fixed and m not in covered.get(parent.id, [])]
        if months:
            out.append(Hinweis("elterngeld_ohne", "hinweis", parent.id, "§ 1 Abs. 6, § 15 Abs. 4 BEEG",
                               {"months": month_ranges(months)}))
    return out


def third_birthday(case: "Case") -> date:
    """The day Elternzeit needs 13 weeks' notice from (the 3rd birthday)."""
    from workbench.rules.elternzeit import geburtstag

    return geburtstag(elternzeit_birth(case), 3)


__all__ = [
    "ElternzeitResult", "MutterschutzResult", "elternzeit_birth", "elternzeit_result",
    "mother_protection_end", "mutterschutz_result", "third_birthday",
]

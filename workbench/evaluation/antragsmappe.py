"""The application folder of a case: every application the case leads to, with its office and the
last day it must arrive to pay every month it could (issue 20).

From the Elterngeld plan: one Elterngeld application per parent with planned months (§ 7 BEEG)
and one Elternzeit request per period not yet requested (§ 16 BEEG). From the Leistungscheck:
Kindergeld for the children it is not yet paid for, Kinderzuschlag, Unterhaltsvorschuss and
Wohngeld where the household is entitled and nothing runs yet. The periods come from
:mod:`workbench.rules.antragsmappe.fristen`; the offices, forms and documents from
``rules/leistungen/offices.yaml``. An application whose last day has passed still pays the
months it can; the entry says from when (``paid_from``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.elterngeld.aufnahme import start
from workbench.explain import Explanation
from workbench.rules.antragsmappe.fristen import (
    Frist,
    ab_antragsmonat_bis,
    elterngeld_antrag_bis,
    kindergeld_antrag_bis,
    monatsletzter,
    unterhaltsvorschuss_antrag_bis,
)
from workbench.rules.elterngeld.lebensmonate import lebensmonat_start
from workbench.rules.elternzeit.fristen import anmeldefrist

if TYPE_CHECKING:
    from workbench.case import Case

MEANS_TESTED = ("kinderzuschlag", "unterhaltsvorschuss", "wohngeld")


@dataclass(frozen=True)
class Antrag:
    """One application: what, by whom, for which children, until when."""

    benefit: str
    """The key of ``offices.yaml``: elterngeld, elternzeit, kindergeld, kinderzuschlag, unterhaltsvorschuss, wohngeld."""
    frist: Frist
    parent: str | None = None
    """The applicant where each parent applies on their own (Elterngeld, Elternzeit)."""
    children: tuple[str, ...] = ()
    covers_from: date | None = None
    """The first day (or month) the application is meant to pay or protect."""
    paid_from: date | None = None
    """Set when months are already lost: the first day (or month) an application arriving today still
    pays; ``frist`` is then the last day for that one. Overdue (``frist`` passed) when nothing is left."""
    expected_birth: bool = False
    """The deadline counts from the expected date of birth: it moves with the real birth."""

    def overdue(self, today: date) -> bool:
        return self.frist.bis < today


@dataclass(frozen=True)
class Antragsmappe:
    """The applications of a case on the day ``on``, the most urgent first."""

    on: date
    antraege: tuple[Antrag, ...]


def antragsmappe(case: Case, on: date | None = None) -> Antragsmappe:
    """Every application ``case`` leads to on ``on`` (today by default), sorted by its last day."""
    day = on or clock_today()
    found = [*_elterngeld(case, day), *_elternzeit(case), *_leistungen(case, day)]
    return Antragsmappe(day, tuple(sorted(found, key=lambda a: (a.frist.bis, a.benefit, a.parent or ""))))


def _elterngeld(case: Case, day: date) -> list[Antrag]:
    """One application per parent with planned months; its first planned Lebensmonat sets the deadline."""
    plan = case.elterngeld_plan
    if plan is None:
        return []
    child = case.child(plan.child)
    begin = start(child)  # the birth, or the day an adopted child was taken in (§ 4 Abs. 1 Satz 3 BEEG)
    found = []
    for parent in case.household.parents:
        planned = [n for n, kind in enumerate(plan.kinds(parent.id), 1) if kind != "none"]
        if not planned:
            continue
        # arriving today an application pays back to three Lebensmonate before today's (§ 7 Abs. 1 Satz 2 BEEG)
        still = [n for n in planned if n >= _lebensmonat_of(begin, day) - 3]
        target = still[0] if still else planned[-1]
        frist = elterngeld_antrag_bis(begin, target)
        paid = lebensmonat_start(begin, target) if target != planned[0] and still else None
        found.append(Antrag("elterngeld", frist, parent=parent.id, children=(child.id,),
                            covers_from=lebensmonat_start(begin, planned[0]), paid_from=paid,
                            expected_birth=child.expected))
    return found


def _lebensmonat_of(birth: date, day: date) -> int:
    """The Lebensmonat ``day`` falls in (1 from the birth on; § 4 Abs. 1 BEEG)."""
    n = 1
    while lebensmonat_start(birth, n + 1) <= day:
        n += 1
    return n


def _elternzeit(case: Case) -> list[Antrag]:
    """One request per period the employer has not received yet (``requested_on`` empty)."""
    ez = case.elternzeit
    if ez is None:
        return []
    child = case.child(ez.child)
    found = []
    for period in ez.periods:
        if period.requested_on is not None:
            continue
        last = anmeldefrist(period.start, child.birth_date, case.language)
        steps = Explanation()
        steps.add("antragsmappe.elternzeit", last, "§ 16 Abs. 1 Satz 1 BEEG", start=period.start)
        found.append(Antrag("elternzeit", Frist(last, steps), parent=period.parent, children=(child.id,),
                            covers_from=period.start, expected_birth=child.expected))
    return found


def _leistungen(case: Case, day: date) -> list[Antrag]:
    """Kindergeld per child not yet receiving it; KiZ, UVG, Wohngeld when entitled and not running."""
    from workbench.evaluation.leistungscheck import leistungscheck

    check = leistungscheck(case, day)
    found = []
    kindergeld = check.results["kindergeld"]
    waiting = [c for c in case.household.children
               if c.receives is None or c.receives.kindergeld is None]
    if kindergeld.eligible is not False and waiting:
        earliest = _month(day, -6)  # § 70 Abs. 1 Satz 2 EStG: an application today pays back to here
        # a family from abroad: Kindergeld from the month of the move, not of the birth (§ 62 Abs. 1 EStG, issue 21)
        moved = case.zuzug.arrival.replace(day=1) if case.zuzug is not None and case.zuzug.from_abroad else date.min
        births = [max(c.birth_date.replace(day=1), moved) for c in waiting]
        first = max(min(births), earliest)
        paid = earliest if min(births) < earliest else None
        found.append(Antrag("kindergeld", kindergeld_antrag_bis(first), children=tuple(c.id for c in waiting),
                            covers_from=min(births), paid_from=paid, expected_birth=any(c.expected for c in waiting)))
    for benefit in MEANS_TESTED:
        result = check.results[benefit]
        if result.eligible is not True or result.running:
            continue
        if benefit == "unterhaltsvorschuss":
            frist, start = unterhaltsvorschuss_antrag_bis(_month(day, -1)), _month(day, -1)
        else:
            frist, start = ab_antragsmonat_bis(day, benefit), day.replace(day=1)
        children = tuple(c.child_id for c in result.children if c.eligible is not False and not c.running)
        found.append(Antrag(benefit, frist, children=children, covers_from=start))
    return found


def _month(day: date, months: int) -> date:
    """The first day of the month ``months`` months after the month of ``day``."""
    return monatsletzter(day, months).replace(day=1)

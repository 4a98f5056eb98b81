"""The topic "Neu in Bochum" of a case: entitlements, EU coordination, first steps, school and care.

Wires the case's ``zuzug`` part (:class:`workbench.case.zuzug.Zuzug`) to the pure rules of
:mod:`workbench.rules.zuzug` (and the Kita claim of :mod:`workbench.rules.kita`); the wizard, the
handout, the Leistungscheck and ``workbench zuzug`` read the same :class:`ZuzugResult`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.parameters import parameters
from workbench.rules.leistungen.result import BenefitResult
from workbench.rules.kita.anspruch import rechtsanspruch_ab, rechtsanspruch_ue3_ab
from workbench.rules.zuzug.ankommen import Schritt, checkliste
from workbench.rules.zuzug.anspruch import (
    LEISTUNGEN, Berechtigung, Elternteil, Leistung, eu_erste_monate_bis, haushalt_berechtigt,
)
from workbench.rules.zuzug.koordinierung import Koordinierung, rangfolge
from workbench.rules.zuzug.schule import Ganztag, ganztag, klasse, schulpflicht_ab

if TYPE_CHECKING:
    from workbench.case import Case, Child
    from workbench.case.zuzug import ZuzugParent


@dataclass(frozen=True)
class KindPlan:
    """What applies to one child: Kita claim, school duty, Ganztag."""

    child: Child
    grade: int
    """Grade in the school year of the consultation (0: not at school yet)."""
    school_from: date
    kita_from: date | None = None
    kita_ue3_from: date | None = None
    ganztag: Ganztag | None = None

    @property
    def at_school(self) -> bool:
        return self.grade >= 1


@dataclass(frozen=True)
class ZuzugResult:
    """Everything the topic page, the handout and the command show for one case."""

    on: date
    arrival: date
    from_abroad: bool
    from_place: str | None
    entitled: dict[str, bool | None]
    """Per benefit (kindergeld, elterngeld, unterhaltsvorschuss, wohngeld, kinderzuschlag): can the household get it."""
    by_parent: dict[str, list[tuple[str, Berechtigung]]]
    """Per benefit: (parent's name or id, entitlement) for each parent."""
    eu_first_months_until: date | None
    koordinierung: Koordinierung | None
    steps: list[Schritt]
    children: list[KindPlan]
    explanation: Explanation = field(default_factory=Explanation)


def _person(entry: ZuzugParent) -> Elternteil:
    return Elternteil(entry.citizenship, entry.title, entry.works == "de", entry.in_germany_since)


def _children(case: Case, on: date, arrival: date) -> list[KindPlan]:
    grades = {c.child: c.grade for c in case.zuzug.children} if case.zuzug else {}
    plans: list[KindPlan] = []
    for child in case.household.children:
        if child.expected or child.birth_date > on:
            continue
        grade = klasse(child.birth_date, on, grades.get(child.id))
        school = schulpflicht_ab(child.birth_date)
        if grade >= 1:
            plans.append(KindPlan(child, grade, school, ganztag=ganztag(child.birth_date, arrival, grade)
                                  if grade <= 4 else None))
        else:
            plans.append(KindPlan(child, 0, school, max(rechtsanspruch_ab(child.birth_date), arrival),
                                  max(rechtsanspruch_ue3_ab(child.birth_date), arrival),
                                  ganztag(child.birth_date, school)))
    return plans


UVG_PAAR = "§ 1 Abs. 1 Nr. 2, Abs. 3 UVG"
"""Unterhaltsvorschuss only for a child living with one parent who is single, widowed, divorced or permanently
separated (§ 1 Abs. 1 Nr. 2 UVG, wording checked against the UVG-Richtlinien 1.4); not when that parent lives
together with the other parent (§ 1 Abs. 3 UVG – cited from memory, wording NOT VERIFIED here)."""


def _couple(case: Case) -> bool:
    """Both parents live in the household with the child (two parents, not marked "alleinerziehend")."""
    return len(case.household.parents) > 1 and not case.household.single_parent


def zuzug_result(case: Case, on: date) -> ZuzugResult | None:
    """The topic's result for ``case.zuzug`` on the consultation day ``on``; None without the part.

    Rechtsgrundlage: § 62 EStG; § 6a BKGG; § 1 Abs. 7 BEEG; § 1 Abs. 2a UVG; § 3 Abs. 5 WoGG; Art. 67, 68
    VO (EG) 883/2004; § 17 BMG; § 24 Abs. 2, 4 SGB VIII; §§ 34, 35 SchulG NRW
    """
    z = case.zuzug
    if z is None:
        return None
    expl = Explanation()
    day = max(on, z.arrival)
    names = {p.id: p.name or p.id for p in case.household.parents}
    entries = {e.parent: e for e in z.parents}
    people = [(names[pid], _person(entries[pid])) for pid in names if pid in entries]
    entitled: dict[str, bool | None] = {}
    by_parent: dict[str, list[tuple[str, Berechtigung]]] = {}
    couple = _couple(case)
    for leistung in LEISTUNGEN:
        if leistung == "unterhaltsvorschuss" and couple:  # not for a child living with both parents (walk10 F6)
            entitled[leistung] = False
            by_parent[leistung] = [("", Berechtigung(leistung, False, "zuzug.reason.uvg_paar", UVG_PAAR))]
            expl.add("zuzug.step.uvg_paar", day, UVG_PAAR)
            continue
        # UVG: the parent the child lives with (the single parent of the household, § 1 Abs. 1 Nr. 2 UVG)
        who = people[:1] if leistung == "unterhaltsvorschuss" else people
        result, each = (haushalt_berechtigt(leistung, [p for _, p in who], day, expl) if who
                        else (None, []))
        entitled[leistung] = result
        by_parent[leistung] = [(name, b) for (name, _), b in zip(who, each)]
    entitled["kinderzuschlag"] = entitled["kindergeld"]  # § 6a Abs. 1 Nr. 1 BKGG: KiZ only with Kindergeld
    expl.add("zuzug.step.kinderzuschlag", day, "§ 6a Abs. 1 Nr. 1 BKGG")
    eu_until = (eu_erste_monate_bis(z.arrival, day)
                if z.from_abroad and any(p.citizenship == "eu" for _, p in people) else None)
    abroad = next((entries[pid] for pid in names if pid in entries and entries[pid].works == "abroad_eu"), None)
    koordinierung = None
    if abroad is not None:
        kg = Decimal(parameters("leistungen").value("kindergeld_betrag_m", day))
        koordinierung = rangfolge(abroad.work_state or "", any(p.works_in_germany for _, p in people), kg,
                                  z.foreign_benefit_m)
        expl.add(koordinierung.reason, koordinierung.difference_m, koordinierung.citation,
                 state=koordinierung.foreign_state)
    steps = checkliste(z.arrival, z.from_abroad, case.household.married, abroad is not None)
    if entitled["kindergeld"] is False:  # no application to make (§ 62 Abs. 2 EStG)
        steps = [s for s in steps if s.key != "zuzug.todo.kindergeld"]
    return ZuzugResult(day, z.arrival, z.from_abroad, z.from_place, entitled, by_parent, eu_until, koordinierung,
                       steps, _children(case, day, z.arrival), expl)


def blocked_benefits(case: Case, on: date) -> dict[str, str]:
    """Benefit → reason key for every Leistungscheck benefit the residence title excludes (empty if none): the
    Leistungscheck then must not offer Kindergeld, nor the Kinderzuschlag that follows it (§ 6a BKGG)."""
    result = zuzug_result(case, on)
    if result is None:
        return {}
    out: dict[str, str] = {}
    for benefit in ("kindergeld", "kinderzuschlag", "unterhaltsvorschuss", "wohngeld"):
        if benefit == "unterhaltsvorschuss" and _couple(case):
            continue  # not the title: the Leistungscheck's own UVG rule says why a couple gets none
        if result.entitled.get(benefit) is False:
            out[benefit] = f"zuzug.blocked.{benefit}"
    return out


def excluded(result: BenefitResult, reason: str) -> BenefitResult:
    """``result`` turned into "not entitled" with ``reason`` for the household and every child."""
    children = tuple(replace(c, eligible=False, monthly=ZERO, reasons=(reason,)) for c in result.children)
    return replace(result, eligible=False, monthly=ZERO, yearly=None, reasons=(reason,), children=children,
                   check_buergergeld=False)


__all__ = ["excluded", "KindPlan", "Leistung", "ZuzugResult", "blocked_benefits", "zuzug_result"]

"""Kindergeld (§§ 62-66 EStG, § 32 Abs. 3-4 EStG).

Each child counts if it is under 18; from 18 to 25 if in school, training, studies, a voluntary
service or a gap of at most four months (after a first qualification only with at most 20 hours
of work a week); up to 21 if registered as seeking work; without age limit if disabled before
25 (then the Familienkasse checks that the child cannot support itself: "to check").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.parameters import parameters
from workbench.rules.leistungen.alter import jahre_am_monatsanfang
from workbench.rules.leistungen.kind import Kind
from workbench.rules.leistungen.result import BenefitResult, ChildAmount, combine, step_key, unverified_parameters

P = parameters("leistungen")
IN_TRAINING = ("school", "vocational_school", "vocational_training", "university", "voluntary_service", "gap")


@dataclass(frozen=True)
class KindergeldKind(Kind):
    """What § 32 EStG asks about one child."""

    education: str = "none"
    first_qualification_completed: bool = False
    work_hours_per_week: Decimal = ZERO
    disability: bool = False
    lives_with_applicant: bool = True


def kind_beruecksichtigt(kind: KindergeldKind, on: date) -> tuple[bool | None, str]:
    """Whether the child counts for Kindergeld in the month of ``on``, and the reason key.

    Rechtsgrundlage: § 63 Abs. 1 i. V. m. § 32 Abs. 3 und 4 EStG, § 64 Abs. 2 EStG
    """
    if not kind.born:
        return False, "leistungen.kg.not_born"
    grenzen = P.value("kindergeld_altersgrenzen", on)
    age = jahre_am_monatsanfang(kind.birth_date, on)
    if not kind.lives_with_applicant:
        return None, "leistungen.kg.other_household"
    if age < grenzen["ohne_bedingung"]:
        return True, "leistungen.kg.under_18"
    if age < grenzen["ausbildung"] and kind.education in IN_TRAINING:
        limit = P.value("kindergeld_erwerbstaetigkeit_max_stunden", on)
        if kind.first_qualification_completed and kind.work_hours_per_week > limit:
            return False, "leistungen.kg.over_20_hours"
        return True, "leistungen.kg.in_training"
    if age < grenzen["arbeitsuchend"] and kind.education == "unemployed_registered":
        return True, "leistungen.kg.seeking_work"
    if kind.disability:
        return None, "leistungen.kg.disability"
    if age < grenzen["ausbildung"]:
        return False, "leistungen.kg.adult_not_in_training"
    return False, "leistungen.kg.over_25"


def betrag_fuer_kind(nummer: int, on: date) -> Decimal:
    """Kindergeld for the ``nummer``-th child (1 = the oldest that counts) in the month of ``on``.

    Since 2023 the same for every child; before, staggered by the children's order (modelled back to
    2019 for the GETTSIM peer cases only). Rechtsgrundlage: § 66 Abs. 1 EStG
    """
    if on < P.parameter("kindergeld_betrag_m").values[0].valid_from:
        staffel = P.value("kindergeld_staffel_m", on)
        return Decimal(staffel[("erstes", "zweites", "drittes")[nummer - 1] if nummer <= 3 else "weitere"])
    return Decimal(P.value("kindergeld_betrag_m", on))


def kindergeld(kinder: Sequence[KindergeldKind], on: date) -> BenefitResult:
    """Kindergeld of the household for the month of ``on``: the same amount for every child that counts.

    Rechtsgrundlage: § 66 Abs. 1 EStG (Betrag), § 62 EStG (Anspruchsberechtigte), § 32 Abs. 4 EStG
    """
    betrag = betrag_fuer_kind(1, on)
    explanation = Explanation()
    children: list[ChildAmount] = []
    decided = [(kind, *kind_beruecksichtigt(kind, on)) for kind in kinder]
    # the order of the children that count, oldest first (matters only for the staggered amounts before 2023)
    counting = sorted((d[0] for d in decided if d[1]), key=lambda k: k.birth_date)
    order = {k.child_id: n for n, k in enumerate(counting, 1)}
    for kind, eligible, reason in decided:
        amount = betrag_fuer_kind(order[kind.child_id], on) if eligible else ZERO
        explanation.add(step_key(reason), amount, "§ 32 Abs. 4, § 66 Abs. 1 EStG", child=kind.child_id)
        children.append(ChildAmount(kind.child_id, eligible, amount, (reason,)))
    total = sum((c.monthly for c in children), ZERO)
    explanation.add("leistungen.step.kg_total", total, "§ 66 Abs. 1 EStG",
                    count=sum(1 for c in children if c.eligible), amount=betrag)
    eligible = combine([c.eligible for c in children]) if children else False
    reasons = tuple(dict.fromkeys(r for c in children for r in c.reasons)) or ("leistungen.kg.no_child",)
    return BenefitResult("kindergeld", eligible, total, reasons, explanation,
                         unverified_parameters(P, ["kindergeld_betrag_m" if on.year >= 2023 else "kindergeld_staffel_m"], on),
                         tuple(children), total * 12)

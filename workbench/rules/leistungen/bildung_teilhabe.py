"""Bildung und Teilhabe (BuT) for the children of a household with KiZ, Wohngeld or Bürgergeld.

Items (§ 28 SGB II; for KiZ and Wohngeld households § 6b BKGG): school supplies 130 € on 1 August
and 65 € on 1 February for pupils under 25 without training pay; 15 € a month for social and
cultural participation under 18; the shared lunch in school, Kita or Kindertagespflege at full
cost; day trips and class trips at actual cost. ``monthly`` is a twelfth of the year's sum;
Lernförderung and school transport need their own application and are not counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.leistungen.alter import vollendete_jahre
from workbench.rules.leistungen.kind import Kind
from workbench.rules.leistungen.result import BenefitResult, ChildAmount, combine, unverified_parameters

P = parameters("leistungen")
PUPILS = ("school", "vocational_school")
LUNCH = ("school", "vocational_school", "kita")


@dataclass(frozen=True)
class ButKind(Kind):
    """One child's school situation and costs."""

    education: str = "none"
    lunch_monthly: Decimal = ZERO
    trips_year: Decimal = ZERO


def money(e: Explanation, key: str, value: Decimal, citation: str, **args: Decimal | str) -> Decimal:
    """Record a step whose value is an amount and return the amount."""
    e.add(key, value, citation, **args)
    return value


def bildung_teilhabe(kinder: Sequence[ButKind], grundleistung: bool | None, on: date) -> BenefitResult:
    """BuT of the household for a year around ``on``; ``grundleistung``: KiZ, Wohngeld or Bürgergeld is paid (None: open).

    Rechtsgrundlage: § 6b Abs. 1 und 2 BKGG, § 28 Abs. 2, 3, 6 und 7 SGB II
    """
    e = Explanation()
    supplies = P.value("but_schulbedarf_y", on)
    per_year_supplies = Decimal(supplies["august"]) + Decimal(supplies["februar"])
    teilhabe = P.value("but_teilhabe_m", on)
    grenzen = P.value("but_altersgrenzen", on)
    children: list[ChildAmount] = []
    years: list[Decimal] = []
    for kind in kinder:
        age = vollendete_jahre(kind.birth_date, on)
        if not kind.born or age >= grenzen["bildung_bis"]:
            continue
        year = ZERO
        if kind.education in PUPILS:
            year += money(e, "leistungen.step.but.supplies", per_year_supplies, "§ 28 Abs. 3 SGB II, § 6b Abs. 2 BKGG",
                          child=kind.child_id, august=Decimal(supplies["august"]), februar=Decimal(supplies["februar"]))
        if age < grenzen["teilhabe_bis"]:
            year += money(e, "leistungen.step.but.participation", teilhabe * 12, "§ 28 Abs. 7 SGB II, § 6b Abs. 2 BKGG",
                          child=kind.child_id, monthly=teilhabe)
        if kind.lunch_monthly and kind.education in LUNCH:
            year += money(e, "leistungen.step.but.lunch", kind.lunch_monthly * 12, "§ 28 Abs. 6 SGB II, § 6b Abs. 2 BKGG",
                          child=kind.child_id, monthly=kind.lunch_monthly)
        if kind.trips_year and kind.education in LUNCH:
            year += money(e, "leistungen.step.but.trips", kind.trips_year, "§ 28 Abs. 2 SGB II, § 6b Abs. 2 BKGG",
                          child=kind.child_id)
        if year == ZERO:
            continue
        eligible = grundleistung
        years.append(year if eligible is not False else ZERO)
        children.append(ChildAmount(kind.child_id, eligible, round_cent(year / 12) if eligible is not False else ZERO,
                                    ("leistungen.but.child",)))
    yearly_if = sum((c.monthly for c in children), ZERO)
    if not children:
        return BenefitResult("bildung_teilhabe", False, ZERO, ("leistungen.but.no_child",), e)
    if grundleistung is False:
        reasons: tuple[str, ...] = ("leistungen.but.no_basis",)
    elif grundleistung is None:
        reasons = ("leistungen.but.basis_open",)
    else:
        reasons = ("leistungen.but.basis",)
    eligible_all = combine([c.eligible for c in children]) if grundleistung is not False else False
    year_total = sum(years, ZERO)
    e.add("leistungen.step.but.total", year_total, "§ 6b BKGG", monthly=yearly_if)
    names = ["but_schulbedarf_y", "but_teilhabe_m"]
    return BenefitResult("bildung_teilhabe", eligible_all, yearly_if, reasons, e, unverified_parameters(P, names, on),
                         tuple(children), year_total)

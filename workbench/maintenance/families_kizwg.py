"""Kinderzuschlag and Wohngeld of the example families, for "was ändert sich".

The example families (``families.yaml``) are Elterngeld families: parents with a gross
income and a child born on the comparison date (plus older siblings). To show what a
parameter change does to Kinderzuschlag and Wohngeld, each family is placed in the same
example flat: Bochum, Bruttokaltmiete 650 €, heating 90 € a month. Net income is the parents'
net as the Elterngeldstelle computes it (Lohnsteuer and Soli by the Programmablaufplan, the
flat social contributions of § 2f BEEG) — an approximation good enough to compare rule
versions, not a forecast for a real family. Every child receives Kindergeld; its amount
does not enter these two amounts (it decides who counts as a child, § 6a Abs. 1 Nr. 1
BKGG, § 17 Nr. 3 WoGG), so the example uses a flag value.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.maintenance.families import Family

RENT_COLD = Decimal(650)
HEATING = Decimal(90)
KINDERGELD_RECEIVED = Decimal(1)  # "Kindergeld is received"; the amount does not enter KiZ or Wohngeld


def _gross_and_net(income: dict[str, Any], on: date) -> tuple[Decimal, Decimal, Decimal]:
    """(wage, profit, net) per month of one parent's income."""
    from workbench.rules.elterngeld.netto import Erwerb, elterngeld_netto

    kind = income.get("kind", "none")
    wage = Decimal(str(income.get("gross_monthly", 0)))
    profit = Decimal(str(income.get("annual_profit", 0))) / 12
    if kind == "none" or wage + profit == 0:
        return Decimal(0), Decimal(0), Decimal(0)
    netto = elterngeld_netto(Erwerb(kind=kind, wage_m=wage, profit_m=profit,
                                    tax_class=int(income.get("tax_class", 1))), on)
    net = netto.netto_before if netto.netto_before is not None else netto.elterngeld_netto
    return wage, profit, net


def _child_ages(family: "Family") -> list[int]:
    return [0] * family.count + list(family.sibling_years)


def kinderzuschlag_monthly(family: "Family", on: date) -> Decimal:
    """Kinderzuschlag per month of the example family in the example flat, from ``on``."""
    from workbench.rules.kinderzuschlag import KizAdult, KizChild, KizInput, kinderzuschlag

    adults = []
    for parent in family.parents:
        wage, profit, net = _gross_and_net(parent["income"], on)
        adults.append(KizAdult(gross_earnings=wage + profit, net_earnings=net))
    children = tuple(KizChild(age, KINDERGELD_RECEIVED) for age in _child_ages(family))
    return kinderzuschlag(KizInput(month=on, adults=tuple(adults), children=children,
                                   rent_cold=RENT_COLD, heating=HEATING)).monthly


def wohngeld_monthly(family: "Family", on: date) -> Decimal:
    """Wohngeld per month of the example family in the example flat (Bochum), in ``on``'s month."""
    from workbench.rules.wohngeld import WohngeldInput, WohngeldMember, wohngeld

    members = []
    for parent in family.parents:
        income = parent["income"]
        wage, profit, _net = _gross_and_net(income, on)
        insured = income.get("kind") == "employee"
        members.append(WohngeldMember(30, gross_wage=wage, profit=profit, pays_tax=insured or profit > 0,
                                      pays_health_insurance=insured, pays_pension_insurance=insured))
    members += [WohngeldMember(age, child=True, kindergeld=KINDERGELD_RECEIVED) for age in _child_ages(family)]
    return wohngeld(WohngeldInput(month=on, members=tuple(members), rent_cold=RENT_COLD, heating=HEATING)).monthly


def sgb2_bedarf_monthly(family: "Family", on: date) -> Decimal:
    """The family's need under SGB II per month in the example flat, from ``on``: Regelbedarfe,
    the Mehrbedarf of a single parent and the warm rent (the yardstick of the Kinderzuschlag,
    the Wohngeld plausibility check and the Bürgergeld comparison).

    Rechtsgrundlage: §§ 20, 21 Abs. 3, 22, 23 SGB II (rules/grundsicherung)
    """
    from workbench.rules import grundsicherung as gs

    p = gs.lookup(on)
    ages = _child_ages(family)
    need = gs.regelbedarf_erwachsene(len(family.parents), p) + sum((gs.regelbedarf_kind(a, p) for a in ages),
                                                                   Decimal(0))
    if len(family.parents) == 1:
        need += gs.mehrbedarf_alleinerziehende(ages, p)[1]
    return need + RENT_COLD + HEATING

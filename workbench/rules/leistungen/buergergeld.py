"""Would the household be better off with Bürgergeld? The rough need comparison behind § 12a SGB II.

KiZ and Wohngeld take priority over Bürgergeld only if, together with the household's other
income, they end the need (§ 12a SGB II, § 6a Abs. 1 Nr. 3 BKGG). This module compares the
SGB II need (Regelbedarfe, single-parent Mehrbedarf, the warm rent) with the income the
Jobcenter would count (net pay after the § 11b allowances, Kindergeld and maintenance/UVG as the
children's income, KiZ and Wohngeld). It is a screening, not a Bürgergeld computation: the
result only says "check Bürgergeld" with the gap; the Jobcenter decides. The SGB II values and
rules are those of :mod:`workbench.rules.grundsicherung`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.rules import grundsicherung as gs
from workbench.rules.leistungen.alter import vollendete_jahre


@dataclass(frozen=True)
class Erwerb:
    """One adult: gross and net pay from work, other income counted in full."""

    gross_monthly: Decimal
    net_monthly: Decimal
    other_monthly: Decimal = ZERO


@dataclass(frozen=True)
class Bedarfsgemeinschaft:
    """The household as the Jobcenter would see it."""

    adults: Sequence[Erwerb]
    child_birth_dates: Sequence[date]
    warm_rent: Decimal
    child_income: Decimal
    """Kindergeld, maintenance, UVG of all children (§ 11 Abs. 1 Satz 5 SGB II: Kindergeld is the child's income)."""


@dataclass(frozen=True)
class Bedarfsvergleich:
    need: Decimal
    income: Decimal
    explanation: Explanation

    @property
    def gap(self) -> Decimal:
        """What is missing to the need (0 if the income covers it)."""
        return max(ZERO, self.need - self.income)


def regelbedarf_kind(birth: date, on: date) -> Decimal:
    """Regelbedarfsstufe 6/5/4/3 by age (Rechtsgrundlage: § 23 Nr. 1, § 20 Abs. 2 Satz 2 Nr. 1 SGB II)."""
    return gs.regelbedarf_kind(vollendete_jahre(birth, on), gs.lookup(on))


def mehrbedarf_alleinerziehend(birth_dates: Sequence[date], on: date) -> Decimal:
    """Mehrbedarf for a single parent (Rechtsgrundlage: § 21 Abs. 3 SGB II); 0 without a minor child."""
    ages = [vollendete_jahre(b, on) for b in birth_dates]
    if not any(a < gs.VOLLJAEHRIG for a in ages):
        return ZERO
    return gs.mehrbedarf_alleinerziehende(ages, gs.lookup(on))[1]


def erwerbstaetigenfreibetrag(gross: Decimal, with_child: bool, on: date) -> Decimal:
    """Allowance on income from work (Rechtsgrundlage: § 11b Abs. 2 Satz 1, Abs. 3 SGB II)."""
    return gs.erwerbstaetigen_absetzbetrag(gross, with_child, gs.lookup(on))


def bedarfsvergleich(bg: Bedarfsgemeinschaft, extra_income: Decimal, on: date) -> Bedarfsvergleich:
    """Need against counted income (plus ``extra_income``: KiZ and Wohngeld).

    Rechtsgrundlage: §§ 19-22, 11, 11b SGB II; § 12a SGB II (Vorrang)
    """
    e = Explanation()
    single = len(bg.adults) == 1
    adults = gs.regelbedarf_erwachsene(1 if single else 2, gs.lookup(on))
    children = sum((regelbedarf_kind(b, on) for b in bg.child_birth_dates), ZERO)
    extra = mehrbedarf_alleinerziehend(bg.child_birth_dates, on) if single else ZERO
    need = adults + children + extra + bg.warm_rent
    e.add("leistungen.step.bg.need", need, "§§ 20-22 SGB II", adults=adults, children=children, mehrbedarf=extra,
          rent=bg.warm_rent)
    counted = ZERO
    for adult in bg.adults:
        allowance = erwerbstaetigenfreibetrag(adult.gross_monthly, bool(bg.child_birth_dates), on)
        counted += max(ZERO, adult.net_monthly - allowance) + adult.other_monthly
    income = counted + bg.child_income + extra_income
    e.add("leistungen.step.bg.income", income, "§§ 11, 11b SGB II", work=counted, children=bg.child_income,
          extra=extra_income)
    result = Bedarfsvergleich(need, income, e)
    e.add("leistungen.step.bg.gap", result.gap, "§ 6a Abs. 1 Nr. 3 BKGG, § 12a SGB II", need=need, income=income)
    return result

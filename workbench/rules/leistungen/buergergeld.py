"""Would the household be better off with Bürgergeld? The rough need comparison behind § 12a SGB II.

KiZ and Wohngeld take priority over Bürgergeld only if, together with the household's other
income, they end the need (§ 12a SGB II, § 6a Abs. 1 Nr. 3 BKGG). This module compares the
SGB II need (Regelbedarfe, single-parent Mehrbedarf, the warm rent) with the income the
Jobcenter would count (net pay after the § 11b allowances, Kindergeld and maintenance/UVG as the
children's income, KiZ and Wohngeld). It is a screening, not a Bürgergeld computation: the
result only says "check Bürgergeld" with the gap; the Jobcenter decides.
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

P = parameters("leistungen")


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
    """Regelbedarfsstufe 6/5/4/3 by age (Rechtsgrundlage: § 23 Nr. 1, § 20 Abs. 2 Satz 2 Nr. 2 SGB II)."""
    rbs = P.value("regelbedarf_m", on)
    age = vollendete_jahre(birth, on)
    key = "rbs_6" if age < 6 else "rbs_5" if age < 14 else "rbs_4" if age < 18 else "rbs_3"
    return Decimal(rbs[key])


def mehrbedarf_alleinerziehend(birth_dates: Sequence[date], on: date) -> Decimal:
    """Mehrbedarf for a single parent (Rechtsgrundlage: § 21 Abs. 3 SGB II)."""
    p = P.value("mehrbedarf_alleinerziehend", on)
    rbs1 = Decimal(P.value("regelbedarf_m", on)["rbs_1"])
    ages = [vollendete_jahre(b, on) for b in birth_dates if vollendete_jahre(b, on) < 18]
    if not ages:
        return ZERO
    raised = any(a < 7 for a in ages) or 2 <= sum(1 for a in ages if a < 16) <= 3
    share = max(Decimal(p["erhoeht"]) if raised else ZERO, Decimal(p["je_kind"]) * len(ages))
    return round_cent(rbs1 * min(share, Decimal(p["hoechstens"])))


def erwerbstaetigenfreibetrag(gross: Decimal, with_child: bool, on: date) -> Decimal:
    """Allowance on income from work (Rechtsgrundlage: § 11b Abs. 2 Satz 1, Abs. 3 SGB II)."""
    p = P.value("erwerbstaetigenfreibetrag", on)
    if gross <= 0:
        return ZERO
    allowance = min(gross, Decimal(p["grund"]))
    bands = ((Decimal(p["grund"]), Decimal(p["stufe_1_bis"]), Decimal(p["satz_1"])),
             (Decimal(p["stufe_1_bis"]), Decimal(p["stufe_2_bis"]), Decimal(p["satz_2"])),
             (Decimal(p["stufe_2_bis"]), Decimal(p["stufe_3_bis_mit_kind" if with_child else "stufe_3_bis"]),
              Decimal(p["satz_3"])))
    for low, high, rate in bands:
        if gross > low:
            allowance += (min(gross, high) - low) * rate
    return round_cent(allowance)


def bedarfsvergleich(bg: Bedarfsgemeinschaft, extra_income: Decimal, on: date) -> Bedarfsvergleich:
    """Need against counted income (plus ``extra_income``: KiZ and Wohngeld).

    Rechtsgrundlage: §§ 19-22, 11, 11b SGB II; § 12a SGB II (Vorrang)
    """
    e = Explanation()
    rbs = P.value("regelbedarf_m", on)
    single = len(bg.adults) == 1
    adults = Decimal(rbs["rbs_1"]) if single else Decimal(rbs["rbs_2"]) * 2
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
    return Bedarfsvergleich(need, income, e)

"""The pure rules of the Kinderzuschlag: Decimal in, Decimal out, parameters by month.

Each function takes the parameter lookup ``p`` (a :class:`~workbench.rules.benefit.UsedParameters`
for the month computed, over the Kinderzuschlag's and the Grundsicherung's values), so the result
can name every unverified value it used. The SGB II terms of § 6a Abs. 4 BKGG (Regelbedarfe,
Mehrbedarf, § 11b and § 12 SGB II) are the rules of :mod:`workbench.rules.grundsicherung`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from workbench.money import ZERO, round_cent
from workbench.rules import grundsicherung as gs
from workbench.rules.benefit import UsedParameters, as_decimal
from workbench.rules.kinderzuschlag.inputs import KizAdult, KizChild

HUNDRED = Decimal(100)


def ist_kiz_kind(child: KizChild) -> bool:
    """Whether the child can carry a Kinderzuschlag: under 25, unmarried, Kindergeld received.

    Rechtsgrundlage: § 6a Abs. 1 Nr. 1 BKGG
    """
    return child.age < 25 and child.unmarried and child.kindergeld > 0


def mindesteinkommen(single_parent: bool, p: UsedParameters) -> Decimal:
    """The parents' minimum gross income: 900 € for couples, 600 € for single parents.

    Rechtsgrundlage: § 6a Abs. 1 Nr. 2 BKGG
    """
    table = p("mindesteinkommen_m")
    return as_decimal(table["alleinerziehend" if single_parent else "paar"])


def bruttoeinkommen_eltern(adults: Sequence[KizAdult]) -> Decimal:
    """The parents' income for the minimum-income test: gross earnings plus other income,
    without Wohngeld, Kindergeld and Kinderzuschlag and before any § 11b deduction.

    Rechtsgrundlage: § 6a Abs. 1 Nr. 2 BKGG, § 11 Abs. 1 Satz 1 SGB II
    """
    return sum((a.gross_earnings + a.other_income for a in adults), ZERO)


def einkommen_elternteil(adult: KizAdult, with_child: bool, p: UsedParameters) -> tuple[Decimal, Decimal]:
    """One parent's countable income and the earnings deductions: net earnings minus the
    § 11b Absetzbeträge, plus other income minus the 30 € insurance allowance when the
    parent has no earnings (with earnings it is part of the 100 € Grundabsetzbetrag).

    A ``countable_income`` given by the caller replaces the computation.
    Returns (countable income, Absetzbetrag from earnings).
    Rechtsgrundlage: § 6a Abs. 4 BKGG, §§ 11, 11b Abs. 1 Satz 1 Nr. 3, Abs. 2, 3 SGB II
    """
    absetz = gs.erwerbstaetigen_absetzbetrag(adult.gross_earnings, with_child, p)
    if adult.countable_income is not None:
        return adult.countable_income, min(absetz, adult.gross_earnings)
    from_work = max(adult.net_earnings - absetz, ZERO)
    other = adult.other_income
    if adult.gross_earnings <= 0 and other > 0:
        other = gs.versicherungspauschale(other, p)
    return round_cent(from_work + other), min(absetz, adult.net_earnings)


def regelbedarf_eltern(single_parent: bool, p: UsedParameters) -> Decimal:
    """The parents' Regelbedarf: Regelbedarfsstufe 1 for a single parent, 2 × Stufe 2 for a couple.

    Rechtsgrundlage: § 20 Abs. 1a, 2, 4 SGB II i. V. m. § 6a Abs. 4 BKGG (rules.grundsicherung)
    """
    return gs.regelbedarf_erwachsene(1 if single_parent else 2, p)


def wohnkostenanteil(single_parent: bool, children: int, p: UsedParameters) -> Decimal:
    """The parents' share of the housing costs: their housing costs in the Existenzminimumbericht
    over theirs plus the children's (at most ten children), in percent to two decimals.

    Rechtsgrundlage: § 6a Abs. 5 Satz 2, 3 BKGG
    """
    t = p("wohnkosten_existenzminimum_y")
    eltern = as_decimal(t["alleinstehend" if single_parent else "paar"])
    n = min(children, int(p("wohnkosten_kinder_hoechstzahl")))
    percent = (HUNDRED * eltern / (eltern + n * as_decimal(t["kind"]))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return percent


def kinderzuschlag_kind(child: KizChild, p: UsedParameters) -> Decimal:
    """The child's Kinderzuschlag: the Höchstbetrag minus 45 % of the child's own income
    (maintenance, Unterhaltsvorschuss, other income; not Kindergeld), not below 0.

    Rechtsgrundlage: § 6a Abs. 2, 3 BKGG
    """
    hoechst = as_decimal(p("hoechstbetrag_m"))
    rate = as_decimal(p("entzugsrate_kind"))
    return max(round_cent(hoechst - rate * child.own_income), ZERO)


def minderung_elterneinkommen(einkommen: Decimal, bedarf: Decimal, p: UsedParameters) -> Decimal:
    """45 % of the parents' income above their need reduces the Gesamtkinderzuschlag.

    Rechtsgrundlage: § 6a Abs. 6 BKGG
    """
    return round_cent(as_decimal(p("entzugsrate_eltern")) * max(einkommen - bedarf, ZERO))


def auf_euro(amount: Decimal) -> Decimal:
    """Paid amounts to full euros: below 50 cents down, otherwise up.

    Rechtsgrundlage: § 11 Abs. 2 BKGG
    """
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)

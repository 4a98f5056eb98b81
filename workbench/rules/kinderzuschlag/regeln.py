"""The pure rules of the Kinderzuschlag: Decimal in, Decimal out, parameters by month.

Each function takes the parameter lookup ``p`` (a :class:`~workbench.rules.benefit.UsedParameters`
for the month computed), so the result can name every unverified value it used.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from workbench.money import ZERO, round_cent
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


def erwerbstaetigen_absetzbetrag(gross: Decimal, with_child: bool, p: UsedParameters) -> Decimal:
    """Grundabsetzbetrag (100 €) plus Erwerbstätigenfreibetrag on gross earnings:
    20 % of 100–520 €, 30 % of 520–1,000 €, 10 % of 1,000–1,200 € (1,500 € with a minor child).

    Rechtsgrundlage: § 11b Abs. 2 Satz 1, Abs. 3 SGB II
    """
    t = p("erwerbstaetigenfreibetrag")
    if gross <= 0:
        return ZERO
    grund = as_decimal(t["grundabsetzbetrag"])
    top = as_decimal(t["grenze_3_mit_kind" if with_child else "grenze_3"])
    bands = [
        (grund, as_decimal(t["grenze_1"]), as_decimal(t["satz_1"])),
        (as_decimal(t["grenze_1"]), as_decimal(t["grenze_2"]), as_decimal(t["satz_2"])),
        (as_decimal(t["grenze_2"]), top, as_decimal(t["satz_3"])),
    ]
    freibetrag = sum((rate * max(min(gross, high) - low, ZERO) for low, high, rate in bands), ZERO)
    return round_cent(min(gross, grund) + freibetrag)


def einkommen_elternteil(adult: KizAdult, with_child: bool, p: UsedParameters) -> tuple[Decimal, Decimal]:
    """One parent's countable income and the earnings deductions: net earnings minus the
    § 11b Absetzbeträge, plus other income minus the 30 € insurance allowance when the
    parent has no earnings (with earnings it is part of the 100 € Grundabsetzbetrag).

    A ``countable_income`` given by the caller replaces the computation.
    Returns (countable income, Absetzbetrag from earnings).
    Rechtsgrundlage: § 6a Abs. 4 BKGG, §§ 11, 11b Abs. 1 Satz 1 Nr. 3, Abs. 2, 3 SGB II
    """
    absetz = erwerbstaetigen_absetzbetrag(adult.gross_earnings, with_child, p)
    if adult.countable_income is not None:
        return adult.countable_income, min(absetz, adult.gross_earnings)
    from_work = max(adult.net_earnings - absetz, ZERO)
    other = adult.other_income
    if adult.gross_earnings <= 0 and other > 0:
        other = max(other - as_decimal(p("versicherungspauschale_m")), ZERO)
    return round_cent(from_work + other), min(absetz, adult.net_earnings)


def regelbedarf_eltern(single_parent: bool, p: UsedParameters) -> Decimal:
    """The parents' Regelbedarf: Regelbedarfsstufe 1 for a single parent, 2 × Stufe 2 for a couple.

    Rechtsgrundlage: § 20 Abs. 1a, 2, 4 SGB II i. V. m. § 6a Abs. 4 BKGG
    """
    rb = p("regelbedarf_m")
    return as_decimal(rb["rbs1"]) if single_parent else 2 * as_decimal(rb["rbs2"])


def mehrbedarf_alleinerziehende(ages: Sequence[int], p: UsedParameters) -> tuple[Decimal, Decimal]:
    """Mehrbedarf of a single parent: 36 % of Regelbedarfsstufe 1 with one child under 7 or
    two or three children under 16, otherwise 12 % per minor child if that is more, at most 60 %.

    Returns (share, amount to the cent).
    Rechtsgrundlage: § 21 Abs. 3 SGB II
    """
    t = p("mehrbedarf_alleinerziehende")
    minors = [a for a in ages if a < 18]
    share = ZERO
    if any(a < int(t["alter_ein_kind"]) for a in minors) or 2 <= sum(1 for a in minors if a < int(t["alter_zwei_drei"])) <= 3:
        share = as_decimal(t["satz_klein"])
    share = min(max(share, as_decimal(t["je_kind"]) * len(minors)), as_decimal(t["hoechstens"]))
    return share, round_cent(share * as_decimal(p("regelbedarf_m")["rbs1"]))


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


def vermoegensfreibetrag(persons: int, p: UsedParameters) -> Decimal:
    """Wealth exempt in the Karenzzeit: 40,000 € for the first, 15,000 € for each further person.

    Rechtsgrundlage: § 6a Abs. 3, 6 BKGG i. V. m. § 12 Abs. 4 SGB II
    """
    t = p("vermoegensfreibetrag")
    return as_decimal(t["erste_person"]) + as_decimal(t["je_weitere_person"]) * max(persons - 1, 0)


def regelbedarf_kind(age: int, p: UsedParameters) -> Decimal:
    """A child's Regelbedarf by age: Stufe 6 (0–5), 5 (6–13), 4 (14–17), 3 (18–24).

    Rechtsgrundlage: § 23 Nr. 1 SGB II, § 20 Abs. 2 Satz 2 Nr. 1 SGB II
    """
    rb = p("regelbedarf_m")
    key = "rbs6" if age < 6 else "rbs5" if age < 14 else "rbs4" if age < 18 else "rbs3"
    return as_decimal(rb[key])


def auf_euro(amount: Decimal) -> Decimal:
    """Paid amounts to full euros: below 50 cents down, otherwise up.

    Rechtsgrundlage: § 11 Abs. 2 BKGG
    """
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)

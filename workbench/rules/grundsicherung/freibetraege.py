"""Absetzbeträge and Freibeträge of the SGB II: income from work (§ 11b), the insurance
allowance (§ 11b Abs. 1 Nr. 3 with the Bürgergeld-V) and wealth in the Karenzzeit (§ 12 Abs. 4).

Pure rules: Decimal in, Decimal out; ``p`` looks the values of ``params.yaml`` up for one date.
"""

from __future__ import annotations

from decimal import Decimal

from workbench.money import ZERO, round_cent
from workbench.rules.benefit import as_decimal
from workbench.rules.grundsicherung.bedarfe import Lookup


def erwerbstaetigen_absetzbetrag(gross: Decimal, with_child: bool, p: Lookup) -> Decimal:
    """Grundabsetzbetrag (100 €, at most the earnings) plus the Erwerbstätigenfreibetrag on
    gross earnings: since July 2023 20 % of 100–520 €, 30 % of 520–1,000 €, 10 % of
    1,000–1,200 € (1,500 € with a minor child); before, 20 % of 100–1,000 € and 10 % above.

    Rechtsgrundlage: § 11b Abs. 2 Satz 1, Abs. 3 SGB II
    """
    if gross <= 0:
        return ZERO
    t = p("erwerbstaetigenfreibetrag")
    grund = as_decimal(t["grundabsetzbetrag"])
    top = as_decimal(t["stufe_3_bis_mit_kind" if with_child else "stufe_3_bis"])
    bands = [
        (grund, as_decimal(t["stufe_1_bis"]), as_decimal(t["satz_1"])),
        (as_decimal(t["stufe_1_bis"]), as_decimal(t["stufe_2_bis"]), as_decimal(t["satz_2"])),
        (as_decimal(t["stufe_2_bis"]), top, as_decimal(t["satz_3"])),
    ]
    freibetrag = sum((rate * max(min(gross, high) - low, ZERO) for low, high, rate in bands), ZERO)
    return round_cent(min(gross, grund) + freibetrag)


def versicherungspauschale(other_income: Decimal, p: Lookup) -> Decimal:
    """Other income (not from work) of an adult after the 30 € insurance allowance, not below 0.

    Only for adults without earnings: with earnings the allowance is part of the 100 €
    Grundabsetzbetrag (§ 11b Abs. 2 Satz 1 SGB II).
    Rechtsgrundlage: § 11b Abs. 1 Satz 1 Nr. 3 SGB II, § 6 Abs. 1 Nr. 1 Bürgergeld-V
    """
    return max(other_income - as_decimal(p("versicherungspauschale_m")), ZERO)


def vermoegensfreibetrag(persons: int, p: Lookup) -> Decimal:
    """Wealth exempt in the Karenzzeit: 40,000 € for the first, 15,000 € for each further person.

    Rechtsgrundlage: § 12 Abs. 4 SGB II (for the Kinderzuschlag with § 6a Abs. 3, 6 BKGG)
    """
    t = p("vermoegensfreibetrag")
    return as_decimal(t["erste_person"]) + as_decimal(t["je_weitere_person"]) * max(persons - 1, 0)

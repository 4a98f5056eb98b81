"""Kinderfreibetrag or Kindergeld: the Günstigerprüfung of § 31 EStG.

The tax office compares, per year, the income-tax saving from the child allowances of § 32
Abs. 6 EStG (sächliches Existenzminimum + BEA) with the Kindergeld for the year. If the saving
is larger, the allowances are deducted and the Kindergeld is added to the tax: the family gains
the difference. Jointly assessed spouses get the full allowances (splitting, § 32a Abs. 5);
everyone else half of them and half of the Kindergeld (§ 31 Satz 4 EStG). Solidarity
surcharge and church tax always use the allowances (§ 51a EStG) and are not part of the comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.leistungen.result import BenefitResult, unverified_parameters
from workbench.rules.steuer.tarif import Tarif, einkommensteuer_splitting

P = parameters("leistungen")
STEUER = parameters("steuer")


@dataclass(frozen=True)
class Guenstigerpruefung:
    """One tax return: its taxable income before child allowances and the children it counts."""

    zve: Decimal
    """Zu versteuerndes Einkommen im Jahr vor Kinderfreibeträgen (joint for spouses)."""
    joint: bool
    """Zusammenveranlagung (Splittingtarif, volle Freibeträge)."""
    children: int
    """Children with Kindergeld for the whole year."""


def tarif(on: date) -> Tarif:
    """The § 32a tariff of the year of ``on`` (Rechtsgrundlage: § 32a Abs. 1 EStG)."""
    return Tarif.from_params(STEUER.value("grundfreibetrag", on), STEUER.value("tarif_32a", on))


def einkommensteuer(zve: Decimal, joint: bool, on: date) -> Decimal:
    """Tarifliche Einkommensteuer, Grund- oder Splittingtarif (Rechtsgrundlage: § 32a Abs. 1 und 5 EStG)."""
    x = max(ZERO, zve).quantize(Decimal(1), rounding=ROUND_DOWN)
    return einkommensteuer_splitting(x, tarif(on), 2 if joint else 1)


def freibetraege_je_kind(joint: bool, on: date) -> Decimal:
    """Kinderfreibetrag + BEA-Freibetrag per child for this return (Rechtsgrundlage: § 32 Abs. 6 Satz 1 und 2 EStG)."""
    per_parent = Decimal(P.value("kinderfreibetrag_saechlich_y", on)) + Decimal(P.value("kinderfreibetrag_bea_y", on))
    return per_parent * 2 if joint else per_parent


def kinderfreibetrag(pruefung: Guenstigerpruefung, on: date) -> BenefitResult:
    """The Günstigerprüfung for the year of ``on``; ``eligible`` says whether the allowances beat the Kindergeld.

    ``monthly`` is the gain above the Kindergeld, a twelfth of the yearly difference.
    Rechtsgrundlage: § 31 Satz 4 EStG, § 32 Abs. 6 EStG, § 32a EStG
    """
    e = Explanation()
    if pruefung.children == 0:
        return BenefitResult("kinderfreibetrag", False, ZERO, ("leistungen.kfb.no_child",), e)
    allowance = e.add("leistungen.step.kfb.allowance", freibetraege_je_kind(pruefung.joint, on) * pruefung.children,
                      "§ 32 Abs. 6 EStG", children=pruefung.children)
    assert isinstance(allowance, Decimal)
    tax_without = e.add("leistungen.step.kfb.tax_without", einkommensteuer(pruefung.zve, pruefung.joint, on),
                        "§ 32a Abs. 1, 5 EStG", zve=pruefung.zve)
    tax_with = e.add("leistungen.step.kfb.tax_with", einkommensteuer(pruefung.zve - allowance, pruefung.joint, on),
                     "§ 32a Abs. 1, 5 EStG", zve=max(ZERO, pruefung.zve - allowance))
    assert isinstance(tax_without, Decimal) and isinstance(tax_with, Decimal)
    saving = e.add("leistungen.step.kfb.saving", tax_without - tax_with, "§ 31 Satz 4 EStG")
    share = Decimal(1) if pruefung.joint else Decimal("0.5")
    kindergeld_year = e.add("leistungen.step.kfb.kindergeld", P.value("kindergeld_betrag_m", on) * 12 * pruefung.children * share,
                            "§ 31 Satz 4, § 66 Abs. 1 EStG")
    assert isinstance(saving, Decimal) and isinstance(kindergeld_year, Decimal)
    better = saving > kindergeld_year
    gain = e.add("leistungen.step.kfb.gain", max(ZERO, saving - kindergeld_year), "§ 31 Satz 4 EStG")
    assert isinstance(gain, Decimal)
    reason = "leistungen.kfb.allowance_better" if better else "leistungen.kfb.kindergeld_better"
    names = ["kinderfreibetrag_saechlich_y", "kinderfreibetrag_bea_y", "kindergeld_betrag_m"]
    # the tariff's amounts are confirmed by the PAP pseudo code; only its BStBl citation is open (steuer/params.yaml)
    unverified = unverified_parameters(P, names, on)
    return BenefitResult("kinderfreibetrag", better, round_cent(gain / 12), (reason,), e, unverified, yearly=gain)


def break_even(joint: bool, children: int, on: date, low: Decimal = ZERO, high: Decimal = Decimal(400000)) -> Decimal:
    """The lowest taxable income (full euros) at which the allowances beat the Kindergeld (bisection).

    The saving grows with the income (the tariff is progressive), so the first income where
    ``saving > Kindergeld`` is well defined.
    """
    def better(zve: Decimal) -> bool:
        return kinderfreibetrag(Guenstigerpruefung(zve, joint, children), on).eligible is True

    while high - low > 1:
        mid = ((low + high) / 2).quantize(Decimal(1), rounding=ROUND_DOWN)
        low, high = (low, mid) if better(mid) else (mid, high)
    return high

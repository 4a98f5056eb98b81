"""Income tax tariff of § 32a EStG and the class V/VI tax of § 39b Abs. 2 Satz 7 EStG, as the PAP computes them.

Rounding (declared once, from the PAP): the tax of a zone is cut to full euros
(``ROUND_DOWN``); ``y`` and ``z`` of § 32a Abs. 1 Satz 3 EStG are cut to six decimals;
the taxable income is cut to full euros before the formula (§ 32a Abs. 1 Satz 1 EStG).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

ZERO = Decimal(0)
ONE = Decimal(1)
_SIX_PLACES = Decimal("0.000001")
_TEN_THOUSAND = Decimal(10000)


def _euro_down(value: Decimal) -> Decimal:
    """Abrunden auf volle Euro (PAP: setScale(0, ROUND_DOWN)).

    Rechtsgrundlage: § 32a Abs. 1 Satz 6 EStG
    """
    return value.quantize(ONE, rounding=ROUND_DOWN)


@dataclass(frozen=True)
class Tarif:
    """Parameters of the § 32a tariff for one PAP year."""

    grundfreibetrag: Decimal
    zone2_bis: Decimal
    zone2_y_faktor: Decimal
    zone2_konstante: Decimal
    zone3_bis: Decimal
    zone3_z_faktor: Decimal
    zone3_konstante: Decimal
    zone3_summand: Decimal
    zone4_bis: Decimal
    zone4_satz: Decimal
    zone4_abzug: Decimal
    zone5_satz: Decimal
    zone5_abzug: Decimal

    @classmethod
    def from_params(cls, grundfreibetrag: Decimal, table: Mapping[str, Decimal]) -> "Tarif":
        return cls(grundfreibetrag=grundfreibetrag, **{k: Decimal(v) for k, v in table.items()})


def tarifliche_einkommensteuer(x: Decimal, tarif: Tarif) -> Decimal:
    """Tarifliche Einkommensteuer in vollen Euro für den Betrag ``x`` (UPTAB im PAP; ``x`` wie vom PAP übergeben).

    Rechtsgrundlage: § 32a Abs. 1 EStG
    """
    if x < tarif.grundfreibetrag + ONE:
        return ZERO
    # The PAP compares with "X < bis + 1": X may carry cents (from UP5_6 in 2024/2025).
    if x < tarif.zone2_bis + ONE:
        y = ((x - tarif.grundfreibetrag) / _TEN_THOUSAND).quantize(_SIX_PLACES, rounding=ROUND_DOWN)
        return _euro_down((y * tarif.zone2_y_faktor + tarif.zone2_konstante) * y)
    if x < tarif.zone3_bis + ONE:
        z = ((x - tarif.zone2_bis) / _TEN_THOUSAND).quantize(_SIX_PLACES, rounding=ROUND_DOWN)
        return _euro_down((z * tarif.zone3_z_faktor + tarif.zone3_konstante) * z + tarif.zone3_summand)
    if x < tarif.zone4_bis + ONE:
        return _euro_down(x * tarif.zone4_satz - tarif.zone4_abzug)
    return _euro_down(x * tarif.zone5_satz - tarif.zone5_abzug)


def einkommensteuer_splitting(x: Decimal, tarif: Tarif, kztab: int) -> Decimal:
    """Tarifsteuer nach Grund- (KZTAB 1) oder Splittingtabelle (KZTAB 2) für das zvE ``x`` in Euro und Cent.

    Rechtsgrundlage: § 32a Abs. 1 und 5 EStG, § 39b Abs. 2 Satz 6 EStG
    """
    if x < ONE:
        return ZERO
    halbiert = _euro_down(x / Decimal(kztab))
    return tarifliche_einkommensteuer(halbiert, tarif) * kztab


@dataclass(frozen=True)
class Stkl5Parameter:
    """Grenzwerte and rates of § 39b Abs. 2 Satz 7 EStG for one PAP year."""

    w1: Decimal
    w2: Decimal
    w3: Decimal
    mindest: Decimal
    ab_w1: Decimal
    ab_w3: Decimal
    # PAP 2024/2025 cut 1.25·ZX and 0.75·ZX to cents, PAP 2026 to full euros (UP5_6).
    x_stellen: Decimal


def _up5_6(zx: Decimal, tarif: Tarif, p: Stkl5Parameter) -> Decimal:
    """Doppelter Unterschiedsbetrag der Tarifsteuer auf 125 % und 75 % von ``zx``, mindestens 14 % (UP5_6 im PAP).

    Rechtsgrundlage: § 39b Abs. 2 Satz 7 Halbsatz 1 EStG
    """
    st1 = tarifliche_einkommensteuer((zx * Decimal("1.25")).quantize(p.x_stellen, rounding=ROUND_DOWN), tarif)
    st2 = tarifliche_einkommensteuer((zx * Decimal("0.75")).quantize(p.x_stellen, rounding=ROUND_DOWN), tarif)
    diff = (st1 - st2) * 2
    mist = _euro_down(zx * p.mindest)
    return mist if mist > diff else diff


def lohnsteuer_stkl_5_6(x: Decimal, tarif: Tarif, p: Stkl5Parameter) -> Decimal:
    """Jahreslohnsteuer der Steuerklassen V und VI für das auf volle Euro abgerundete zvE ``x`` (MST5_6 im PAP).

    Rechtsgrundlage: § 39b Abs. 2 Satz 7 EStG
    """
    if x > p.w2:
        st = _up5_6(p.w2, tarif, p)
        if x > p.w3:
            st = _euro_down(st + (p.w3 - p.w2) * p.ab_w1)
            return _euro_down(st + (x - p.w3) * p.ab_w3)
        return _euro_down(st + (x - p.w2) * p.ab_w1)
    st = _up5_6(x, tarif, p)
    if x > p.w1:
        vergleich = st
        hoch = _euro_down(_up5_6(p.w1, tarif, p) + (x - p.w1) * p.ab_w1)
        return hoch if hoch < vergleich else vergleich
    return st

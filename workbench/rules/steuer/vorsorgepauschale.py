"""Vorsorgepauschale of the Lohnsteuer PAP, one dated variant per rule set.

- PAP 2024 and 2025: Teilbeträge RV and KV/PV, compared with the Mindestvorsorgepauschale
  (12 % of the wage, at most 1,900 EUR, StKl III 3,000 EUR) – PAP methods UPEVP, MVSP.
- PAP 2026: Teilbeträge RV and KV/PV; the Mindestvorsorgepauschale is gone; a Teilbetrag
  Arbeitslosenversicherung counts only up to the Höchstbetrag of 1,900 EUR together with
  KV/PV – PAP methods UPEVP, MVSPKVPV, MVSPHB.

Rounding (from the PAP): each Teilbetrag is cut to cents (``ROUND_DOWN``); the sum that
becomes the Vorsorgepauschale is raised to full euros (``ROUND_UP``). For PAP 2024/2025,
``VorsorgeEingabe.teilbetraege_auf_cent=False`` keeps the Teilbeträge exact before the sum is
raised, as the federal Elterngeldrechner's PAP port does (docs/adr/0002, switch 2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_UP, Decimal

ZERO = Decimal(0)
CENT = Decimal("0.01")
TWELVE = Decimal(12)


def _cent_down(value: Decimal) -> Decimal:
    """Abrunden auf volle Cent (PAP: setScale(2, ROUND_DOWN)).

    Rechtsgrundlage: § 39b Abs. 2 Satz 5 Nr. 3 EStG (PAP-Rundungsvorschrift)
    """
    return value.quantize(CENT, rounding=ROUND_DOWN)


def _euro_up(value: Decimal) -> Decimal:
    """Aufrunden auf volle Euro (PAP: setScale(0, ROUND_UP)).

    Rechtsgrundlage: § 39b Abs. 2 Satz 5 Nr. 3 EStG (PAP-Rundungsvorschrift)
    """
    return value.quantize(Decimal(1), rounding=ROUND_UP)


@dataclass(frozen=True)
class VorsorgeParameter:
    """The social-insurance figures one PAP year uses for the Vorsorgepauschale."""

    bbg_rv: Decimal
    bbg_kvpv: Decimal
    rv_satz_an: Decimal
    kv_satz_an: Decimal          # 7 % plus half the Zusatzbeitrag (KVSATZAN)
    pv_satz_an: Decimal          # after Sachsen, Zuschlag, Abschläge (PVSATZAN)
    kv_satz_ag: Decimal          # KVSATZAG (2024/2025, PKV with employer subsidy only)
    pv_satz_ag: Decimal          # PVSATZAG (2024/2025, PKV with employer subsidy only)
    alv_satz_an: Decimal         # AVSATZAN (2026)
    mindest_satz: Decimal        # 12 % (2024/2025)
    mindest_hoechst: Decimal     # 1,900 or 3,000 EUR (2024/2025)
    hoechst_kvpv_alv: Decimal    # 1,900 EUR (2026)


@dataclass(frozen=True)
class VorsorgeEingabe:
    """The employee's insurance situation for the Vorsorgepauschale (amounts per year in euros)."""

    zre4vp: Decimal              # Jahresarbeitslohn for the Vorsorgepauschale
    stkl: int
    rentenversichert: bool
    arbeitslosenversichert: bool
    privat_versichert: bool
    pkv_mit_ag_zuschuss: bool
    pkpv_jahr: Decimal           # private KV/PV premium, 12 x monthly
    pkpv_agz_jahr: Decimal       # employer subsidy to it, 12 x monthly (2026)
    teilbetraege_auf_cent: bool = True   # False: PAP 2024/2025 Teilbeträge not cut (Elterngeldrechner)


@dataclass(frozen=True)
class Vorsorgepauschale:
    """The Vorsorgepauschale and its parts, per year in euros."""

    teilbetrag_rv: Decimal
    teilbetrag_kvpv: Decimal
    teilbetrag_alv: Decimal
    vergleichsbetrag: Decimal    # 2024/25: Mindestvorsorgepauschale; 2026: RV + Höchstbetrag
    vsp: Decimal


def _exact(value: Decimal) -> Decimal:
    """No rounding: the Teilbetrag as computed (the federal Elterngeldrechner's PAP 2024/2025)."""
    return value


def _teilbetrag_rv(e: VorsorgeEingabe, p: VorsorgeParameter,
                   cut: Callable[[Decimal], Decimal] = _cent_down) -> Decimal:
    """Teilbetrag Rentenversicherung: Arbeitnehmeranteil auf den Lohn bis zur BBG (VSP1/VSPR).

    Rechtsgrundlage: § 39b Abs. 2 Satz 5 Nr. 3 Buchst. a EStG
    """
    if not e.rentenversichert:
        return ZERO
    return cut(min(e.zre4vp, p.bbg_rv) * p.rv_satz_an)


def vorsorgepauschale_mit_mindestvorsorge(e: VorsorgeEingabe, p: VorsorgeParameter) -> Vorsorgepauschale:
    """Vorsorgepauschale nach PAP 2024/2025: RV plus KV/PV, mindestens RV plus Mindestvorsorgepauschale (UPEVP, MVSP).

    With ``e.teilbetraege_auf_cent`` False the Teilbeträge VSP1, VSP2 and VSP3 are not cut to
    cents before their sums are raised to full euros (the federal Elterngeldrechner's PAP port;
    a sum like 6,043.005 becomes 6,044 € instead of the PAP's 6,043 €).
    Rechtsgrundlage: § 39b Abs. 2 Satz 5 Nr. 3 EStG i. d. F. bis 2025
    """
    cut: Callable[[Decimal], Decimal] = _cent_down if e.teilbetraege_auf_cent else _exact
    rv = _teilbetrag_rv(e, p, cut)
    # UPEVP caps ZRE4VP at the RV limit only when RV-insured; the 12 % and KV/PV use that value.
    lohn = min(e.zre4vp, p.bbg_rv) if e.rentenversichert else e.zre4vp
    mindest = min(cut(lohn * p.mindest_satz), p.mindest_hoechst)
    vspn = _euro_up(rv + mindest)
    lohn_kv = min(lohn, p.bbg_kvpv)
    if e.privat_versichert:
        if e.stkl == 6:
            kvpv = ZERO
        else:
            kvpv = e.pkpv_jahr
            if e.pkv_mit_ag_zuschuss:
                kvpv = cut(kvpv - lohn_kv * (p.kv_satz_ag + p.pv_satz_ag))
    else:
        kvpv = cut(lohn_kv * (p.kv_satz_an + p.pv_satz_an))
    vsp = _euro_up(kvpv + rv)
    return Vorsorgepauschale(rv, kvpv, ZERO, vspn, max(vsp, vspn))


def vorsorgepauschale_mit_alv(e: VorsorgeEingabe, p: VorsorgeParameter) -> Vorsorgepauschale:
    """Vorsorgepauschale nach PAP 2026: RV plus KV/PV, oder RV plus (ALV + KV/PV bis 1.900 EUR), wenn höher (UPEVP, MVSPKVPV, MVSPHB).

    Rechtsgrundlage: § 39b Abs. 2 Satz 5 Nr. 3 Buchst. a bis e EStG i. d. F. ab 2026
    """
    rv = _teilbetrag_rv(e, p)
    if e.privat_versichert:
        if e.stkl == 6:
            kvpv = ZERO
        else:
            kvpv = max(_cent_down(e.pkpv_jahr) - _cent_down(e.pkpv_agz_jahr), ZERO)
    else:
        kvpv = _cent_down(min(e.zre4vp, p.bbg_kvpv) * (p.kv_satz_an + p.pv_satz_an))
    vsp = _euro_up(kvpv + rv)
    alv = ZERO
    vergleich = ZERO
    if e.arbeitslosenversichert and e.stkl != 6:
        alv = _cent_down(p.alv_satz_an * min(e.zre4vp, p.bbg_rv))
        hoechst = min(_cent_down(alv + kvpv), p.hoechst_kvpv_alv)
        vergleich = _euro_up(rv + hoechst)
        vsp = max(vsp, vergleich)
    return Vorsorgepauschale(rv, kvpv, alv, vergleich, vsp)

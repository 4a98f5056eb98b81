"""Lohnsteuer, Solidaritätszuschlag and Kirchensteuer base for laufenden Arbeitslohn, following the BMF PAP 2024, 2025 and 2026.

The function follows the steps of the official Programmablaufplan (MPARA, MRE4JL,
MRE4ABZ, MBERECH, MZTABFB, MLSTJAHR, UPMLST, MSOLZ, UPANTEIL) for current wages of all
six tax classes, without Versorgungsbezüge, Altersentlastungsbetrag and sonstige Bezüge.
All money is Decimal in euros; the PAP's cent arithmetic is reproduced exactly.

Rounding, declared once (from the PAP):
- Jahresarbeitslohn from the period wage: cut to cents (``ROUND_DOWN``).
- Arbeitnehmer-Pauschbetrag below 1,230 EUR: raised to full euros (``ROUND_UP``).
- Freibeträge für Kinder: cut to full euros.
- Jahreslohnsteuer and Maßstabsteuer after the Faktor: cut to full euros.
- Solidaritätszuschlag per year: cut to cents.
- Share of a year for the period (§ 39b Abs. 2 Satz 9 EStG): cut to cents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_UP, Decimal

from workbench.errors import UnsupportedPeriod
from workbench.parameters import ParameterSet, parameters
from workbench.rules.steuer.tarif import (
    Stkl5Parameter,
    Tarif,
    einkommensteuer_splitting,
    lohnsteuer_stkl_5_6,
)
from workbench.rules.steuer.vorsorgepauschale import (
    VorsorgeEingabe,
    VorsorgeParameter,
    Vorsorgepauschale,
    vorsorgepauschale_mit_alv,
    vorsorgepauschale_mit_mindestvorsorge,
)

ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal("0.01")

# Law changes as dated variants: which Vorsorgepauschale rule set each PAP year uses.
VORSORGEPAUSCHALE_NACH_PAP = {
    2024: vorsorgepauschale_mit_mindestvorsorge,
    2025: vorsorgepauschale_mit_mindestvorsorge,
    2026: vorsorgepauschale_mit_alv,
}
# UP5_6 cuts 1.25·ZX and 0.75·ZX to cents up to PAP 2025 and to full euros in PAP 2026.
STKL5_X_STELLEN_NACH_PAP = {2024: CENT, 2025: CENT, 2026: ONE}


def pap_rules_year(year: int) -> int:
    """The PAP whose rule set (Vorsorgepauschale variant, rounding) applies to ``year``.

    A year after the newest modelled PAP uses that PAP's rules with the latest known
    constants: the yearly constants are marked ``updated: yearly`` in params.yaml, so the
    result is flagged provisional until the new PAP is entered (ADR 0019). A year before the
    first PAP is refused in German, naming the supported years.
    """
    if year < min(VORSORGEPAUSCHALE_NACH_PAP):
        exc = UnsupportedPeriod.for_parameter(
            "pap", "Lohnsteuer-Programmablaufplan", date(year, 1, 1), date(min(VORSORGEPAUSCHALE_NACH_PAP), 1, 1), None)
        exc.benefit = "steuer"
        raise exc
    return min(year, max(VORSORGEPAUSCHALE_NACH_PAP))

LZZ_JAHR, LZZ_MONAT, LZZ_WOCHE, LZZ_TAG = 1, 2, 3, 4


@dataclass(frozen=True)
class LohnsteuerInput:
    """Inputs of the PAP for one payment period; money in euros (Decimal) for that period.

    ``re4`` is cut to whole cents (the PAP takes cents).
    ``faktor_auf_volle_euro``: the PAP cuts Steuer × Faktor to full euros (True); the federal
    Elterngeldrechner keeps the cents (False reproduces it; see docs/adr/0002).
    ``vorsorge_teilbetraege_auf_cent``: the PAP 2024/2025 cut the Teilbeträge of the
    Vorsorgepauschale to cents (True); the federal Elterngeldrechner does not (False; ADR 0002).
    ``pkpv`` and ``pkpv_agz`` are monthly amounts whatever the period (as in the PAP).
    ``pvs``/``pvz`` are the PAP flags (Sachsen, childless surcharge), ``pva`` the number of
    PV child reductions. ``rentenversichert``/``arbeitslosenversichert`` are the inverse of
    the PAP flags KRV/ALV; ``rv_ost`` selects the eastern RV limit (PAP 2024 only).
    """

    year: int
    re4: Decimal
    lzz: int = LZZ_MONAT
    stkl: int = 1
    factor: Decimal | None = None
    zkf: Decimal = ZERO
    kvz: Decimal = ZERO
    pkv: int = 0
    pkpv: Decimal = ZERO
    pkpv_agz: Decimal = ZERO
    pvs: bool = False
    pvz: bool = False
    pva: int = 0
    rentenversichert: bool = True
    rv_ost: bool = False
    arbeitslosenversichert: bool = True
    lzz_freibetrag: Decimal = ZERO
    lzz_hinzurechnung: Decimal = ZERO
    faktor_auf_volle_euro: bool = True
    vorsorge_teilbetraege_auf_cent: bool = True


@dataclass(frozen=True)
class LohnsteuerResult:
    """PAP outputs for the period (euros with cents) and the yearly intermediate values behind them."""

    lstlzz: Decimal               # Lohnsteuer of the period
    solzlzz: Decimal              # Solidaritätszuschlag of the period
    bk: Decimal                   # Bemessungsgrundlage Kirchensteuer of the period
    zre4j: Decimal                # Jahresarbeitslohn
    zre4: Decimal                 # Jahresarbeitslohn after Freibetrag/Hinzurechnung
    anp: Decimal                  # Arbeitnehmer-Pauschbetrag used
    ztabfb: Decimal               # feste Tabellenfreibeträge (EFA + ANP + SAP), without KFB
    kfb: Decimal                  # Freibeträge für Kinder (only for Soli and Kirchensteuer)
    vorsorge: Vorsorgepauschale   # Vorsorgepauschale and its Teilbeträge
    zve: Decimal                  # zu versteuerndes Einkommen for the Lohnsteuer
    tarifsteuer_jahr: Decimal     # tax per year from § 32a / § 39b Abs. 2 Satz 7, before the Faktor
    lstjahr: Decimal              # Jahreslohnsteuer after the Faktor
    jbmg: Decimal                 # Maßstabsteuer per year (with KFB) for Soli and Kirchensteuer
    solzj: Decimal                # Solidaritätszuschlag per year
    kztab: int = 1                # 1 Grundtabelle, 2 Splittingtabelle


def _cent_down(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN)


def _euro_down(value: Decimal) -> Decimal:
    return value.quantize(ONE, rounding=ROUND_DOWN)


def _check(inp: LohnsteuerInput) -> None:
    pap_rules_year(inp.year)
    if inp.lzz not in (1, 2, 3, 4):
        raise ValueError(f"lzz must be 1 (Jahr), 2 (Monat), 3 (Woche) or 4 (Tag), not {inp.lzz}")
    if inp.stkl not in range(1, 7):
        raise ValueError(f"stkl must be 1 to 6, not {inp.stkl}")
    if inp.factor is not None and (inp.stkl != 4 or not ZERO < inp.factor <= ONE):
        raise ValueError("a Faktor (§ 39f EStG) exists only in Steuerklasse IV and lies in (0, 1]")
    if inp.re4 < 0 or inp.zkf < 0 or (inp.zkf * 2) != (inp.zkf * 2).to_integral_value():
        raise ValueError("re4 must not be negative; zkf must be 0, 0.5, 1, 1.5, ...")
    if inp.pkv not in (0, 1, 2):
        raise ValueError("pkv must be 0 (gesetzlich), 1 (privat ohne) or 2 (privat mit Arbeitgeberzuschuss)")
    if inp.pkpv_agz and inp.year < 2026:
        raise ValueError("pkpv_agz is a PAP-2026 input; up to 2025 the PAP derives the subsidy itself (pkv=2)")
    if inp.rv_ost and inp.year != 2024:
        raise ValueError("rv_ost exists only in PAP 2024 (one RV limit from 2025)")


def jahresbetrag(betrag: Decimal, lzz: int) -> Decimal:
    """Hochrechnung eines Betrags des Lohnzahlungszeitraums auf ein Jahr, auf Cent abgerundet (MRE4JL).

    Rechtsgrundlage: § 39b Abs. 2 Satz 2 EStG
    """
    if lzz == LZZ_JAHR:
        return _cent_down(betrag)
    if lzz == LZZ_MONAT:
        return _cent_down(betrag * 12)
    if lzz == LZZ_WOCHE:
        return _cent_down(betrag * 360 / 7)
    return _cent_down(betrag * 360)


def anteil_lzz(jahresbetrag_: Decimal, lzz: int) -> Decimal:
    """Anteil eines Jahresbetrags für den Lohnzahlungszeitraum, auf Cent abgerundet (UPANTEIL).

    Rechtsgrundlage: § 39b Abs. 2 Satz 9 EStG
    """
    if lzz == LZZ_JAHR:
        return _cent_down(jahresbetrag_)
    if lzz == LZZ_MONAT:
        return _cent_down(jahresbetrag_ / 12)
    if lzz == LZZ_WOCHE:
        return _cent_down(jahresbetrag_ * 7 / 360)
    return _cent_down(jahresbetrag_ / 360)


def _vorsorge_parameter(inp: LohnsteuerInput, ps: ParameterSet, on: date) -> VorsorgeParameter:
    pv = ps.value("pv_saetze", on)
    pv_an = pv["an_sachsen"] if inp.pvs else pv["an"]
    pv_ag = pv["ag_sachsen"] if inp.pvs else pv["ag"]
    pv_an = pv_an + pv["zuschlag_kinderlos"] if inp.pvz else pv_an - inp.pva * pv["abschlag_je_kind"]
    kv_allg = ps.value("kv_satz_an_allgemein", on)
    bis_2025 = pap_rules_year(inp.year) <= 2025
    mindest = ps.value("mindestvorsorgepauschale", on) if bis_2025 else None
    return VorsorgeParameter(
        bbg_rv=ps.value("bbg_rv", on)["ost" if inp.rv_ost else "west"],
        bbg_kvpv=ps.value("bbg_kvpv", on),
        rv_satz_an=ps.value("rv_satz_an", on) * ps.value("teilbetrag_rv", on),
        kv_satz_an=inp.kvz / 2 / 100 + kv_allg,
        pv_satz_an=pv_an,
        kv_satz_ag=ps.value("kv_zusatz_ag_durchschnitt", on) + kv_allg if bis_2025 else ZERO,
        pv_satz_ag=pv_ag,
        alv_satz_an=ZERO if bis_2025 else ps.value("alv_satz_an", on),
        mindest_satz=mindest["satz"] if mindest else ZERO,
        mindest_hoechst=(mindest["hoechst_stkl3"] if inp.stkl == 3 else mindest["hoechst"]) if mindest else ZERO,
        hoechst_kvpv_alv=ZERO if bis_2025 else ps.value("hoechstbetrag_kvpv_alv", on),
    )


def arbeitnehmer_pauschbetrag(zre4: Decimal, stkl: int, pauschbetrag: Decimal) -> Decimal:
    """Arbeitnehmer-Pauschbetrag, höchstens der Arbeitslohn (auf volle Euro aufgerundet), nicht in StKl VI.

    Rechtsgrundlage: § 9a Satz 1 Nr. 1 Buchst. a, Satz 2 EStG; § 39b Abs. 2 Satz 5 Nr. 1 EStG
    """
    if stkl == 6 or zre4 <= 0:
        return ZERO
    if zre4 < pauschbetrag:
        return zre4.quantize(ONE, rounding=ROUND_UP)
    return pauschbetrag


def solidaritaetszuschlag_jahr(jbmg: Decimal, freigrenze: Decimal, satz: Decimal, milderung: Decimal) -> Decimal:
    """Solidaritätszuschlag auf die Maßstabsteuer eines Jahres mit Freigrenze und Milderungszone, auf Cent abgerundet (MSOLZ).

    Rechtsgrundlage: § 3 Abs. 3, § 4 SolZG
    """
    if jbmg <= freigrenze:
        return ZERO
    return min(_cent_down(jbmg * satz), _cent_down((jbmg - freigrenze) * milderung))


def kirchensteuer(bk: Decimal, rate: Decimal) -> Decimal:
    """Kirchensteuer als ``rate`` (z. B. 0.08) der Bemessungsgrundlage BK, auf Cent abgerundet.

    Rechtsgrundlage: § 51a Abs. 2 und 2a EStG; § 2e Abs. 5 BEEG (8 % beim Elterngeld)
    """
    return _cent_down(bk * rate)


def lohnsteuer(inp: LohnsteuerInput) -> LohnsteuerResult:
    """Lohnsteuer, Solidaritätszuschlag und Kirchensteuer-Bemessungsgrundlage für den laufenden Arbeitslohn eines Lohnzahlungszeitraums.

    Rechtsgrundlage: § 39b Abs. 2 EStG; § 51a Abs. 2a EStG; §§ 3, 4 SolZG; PAP des BMF für das Jahr ``inp.year``
    """
    _check(inp)
    on = date(inp.year, 1, 1)
    ps = parameters("steuer")
    tarif = Tarif.from_params(ps.value("grundfreibetrag", on), ps.value("tarif_32a", on))
    w = ps.value("stkl5_grenzwerte", on)
    s5 = ps.value("stkl5_saetze", on)
    stkl5 = Stkl5Parameter(w["w1"], w["w2"], w["w3"], s5["mindest"], s5["ab_w1"], s5["ab_w3"],
                           STKL5_X_STELLEN_NACH_PAP[pap_rules_year(inp.year)])
    faktor = inp.factor if inp.factor is not None else ONE

    # MRE4JL, MRE4ABZ: Jahresarbeitslohn (no Versorgungsbezüge, no Altersentlastungsbetrag).
    zre4j = jahresbetrag(_cent_down(inp.re4), inp.lzz)
    zre4 = max(_cent_down(zre4j - jahresbetrag(inp.lzz_freibetrag, inp.lzz)
                          + jahresbetrag(inp.lzz_hinzurechnung, inp.lzz)), ZERO)

    # MZTABFB: feste Tabellenfreibeträge.
    stkl = inp.stkl
    anp = arbeitnehmer_pauschbetrag(zre4, stkl, ps.value("arbeitnehmer_pauschbetrag", on))
    sap = ps.value("sonderausgaben_pauschbetrag", on) if stkl < 6 else ZERO
    efa = ps.value("entlastungsbetrag_alleinerziehende", on) if stkl == 2 else ZERO
    kztab = 2 if stkl == 3 else 1
    if stkl in (1, 2, 3):
        kfb = _euro_down(inp.zkf * ps.value("kinderfreibetrag_zkf", on))
    elif stkl == 4:
        kfb = _euro_down(inp.zkf * ps.value("kinderfreibetrag_zkf_stkl4", on))
    else:
        kfb = ZERO
    ztabfb = _cent_down(efa + anp + sap)

    # UPEVP: Vorsorgepauschale (the same with and without Kinderfreibeträge).
    privat = inp.pkv > 0
    vorsorge = VORSORGEPAUSCHALE_NACH_PAP[pap_rules_year(inp.year)](
        VorsorgeEingabe(
            zre4vp=zre4j, stkl=stkl, rentenversichert=inp.rentenversichert,
            arbeitslosenversichert=inp.arbeitslosenversichert, privat_versichert=privat,
            pkv_mit_ag_zuschuss=inp.pkv == 2, pkpv_jahr=inp.pkpv * 12, pkpv_agz_jahr=inp.pkpv_agz * 12,
            teilbetraege_auf_cent=inp.vorsorge_teilbetraege_auf_cent,
        ),
        _vorsorge_parameter(inp, ps, on),
    )

    def jahressteuer(freibetraege: Decimal) -> tuple[Decimal, Decimal]:
        """MLSTJAHR and UPMLST: zvE and the tax per year for the given Tabellenfreibeträge."""
        zve = _cent_down(zre4 - freibetraege - vorsorge.vsp)
        if stkl < 5:
            return zve, einkommensteuer_splitting(zve, tarif, kztab)
        x = _euro_down(zve) if zve >= ONE else ZERO
        return zve, lohnsteuer_stkl_5_6(x, tarif, stkl5)

    zve, st = jahressteuer(ztabfb)
    nach_faktor = _euro_down if inp.faktor_auf_volle_euro else _cent_down
    lstjahr = nach_faktor(st * faktor)
    if inp.zkf > 0:
        _, st_kfb = jahressteuer(ztabfb + kfb)
        jbmg = nach_faktor(st_kfb * faktor)
    else:
        jbmg = lstjahr

    # MSOLZ
    soli = ps.value("soli_saetze", on)
    solzj = solidaritaetszuschlag_jahr(jbmg, ps.value("soli_freigrenze", on) * kztab, soli["satz"], soli["milderung"])

    return LohnsteuerResult(
        lstlzz=anteil_lzz(lstjahr, inp.lzz),
        solzlzz=anteil_lzz(solzj, inp.lzz),
        bk=anteil_lzz(jbmg, inp.lzz),
        zre4j=zre4j, zre4=zre4, anp=anp, ztabfb=ztabfb, kfb=kfb, vorsorge=vorsorge,
        zve=max(zve, ZERO), tarifsteuer_jahr=st, lstjahr=lstjahr, jbmg=jbmg, solzj=solzj, kztab=kztab,
    )

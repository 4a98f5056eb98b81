"""Net pay, zu versteuerndes Einkommen and Minijob status of a parent, derived from the gross pay.

The Leistungscheck needs the net pay (KiZ § 6a Abs. 4 BKGG with § 11b SGB II, the Bürgergeld
comparison, the Wohngeld plausibility test), whether income tax is paid (the 10 % deduction of
§ 16 Abs. 1 Nr. 1 WoGG) and the zvE (Günstigerprüfung § 31 EStG). A case holds the gross pay,
the tax class and the hours; this module derives the rest:

1. **Kind of employment** by the limits of the date, not by the label typed (§ 8 Abs. 1 Nr. 1,
   Abs. 1a SGB IV; § 20 Abs. 2 SGB IV): up to the Geringfügigkeitsgrenze a Minijob (556 € 2025,
   603 € 2026), above it up to 2,000 € the Übergangsbereich (Midijob), above that regular.
2. **Employee's social contributions** (§ 58 Abs. 1 SGB XI, § 168 SGB VI, § 249 SGB V, § 346 SGB III):
   half of RV 18.6 %, ALV 2.6 %, KV 14.6 % + the average Zusatzbeitrag, PV 3.6 % (+ 0.6 % without
   children, − 0.25 % for the 2nd to 5th child under 25, § 55 Abs. 3, 3a SGB XI) up to the
   Beitragsbemessungsgrenzen; in the Übergangsbereich on OG / (OG − G) × (pay − G) (§ 20 Abs. 2a
   SGB IV). A Minijob: none (we assume the usual exemption from RV, § 6 Abs. 1b SGB VI, and the
   employer's flat tax, § 40a Abs. 2 EStG; a Minijobber who pays the 3.6 % types the net).
3. **Lohnsteuer and Solidaritätszuschlag** with the project's PAP (``rules/steuer``) for the tax class.
   No church tax: the case does not say; a member of a church types the net from the payslip.
4. **zvE** of the year (§ 2 Abs. 5 EStG): twelve months' pay minus the Arbeitnehmer-Pauschbetrag
   (§ 9a), the Sonderausgaben-Pauschbetrag (§ 10c) and the Vorsorgeaufwendungen (§ 10 Abs. 1
   Nr. 2, 3, 3a, Abs. 4: the RV share in full, KV less 4 % and PV in full, ALV within 1,900 €).
   Minijob pay taxed at the flat rate is not part of it (§ 40a Abs. 5 EStG). For the
   self-employed the profit less the Sonderausgaben-Pauschbetrag (their own insurance is not known).
5. **Tax test for § 16 WoGG**: a jointly assessed married couple pays income tax when the joint zvE
   exceeds twice the Grundfreibetrag (§ 32a Abs. 5 EStG, Splitting); everyone else when the own zvE
   exceeds the Grundfreibetrag (§ 32a Abs. 1 EStG).

A typed net (``net_monthly``, "laut Gehaltsabrechnung") and a typed zvE always win over the derived ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.benefit import as_decimal
from workbench.rules.steuer.lohnsteuer import LZZ_MONAT, LohnsteuerInput, lohnsteuer

P = parameters("leistungen")
STEUER = parameters("steuer")
TWELVE = Decimal(12)
HUNDRED = Decimal(100)

Art = Literal["minijob", "midijob", "regulaer", "selbstaendig", "keine"]


@dataclass(frozen=True)
class Arbeit:
    """A parent's work now, as the case holds it.

    - ``kind``: as typed (``employee``, ``minijob``, ``self_employed``, ``none``); employees and
      Minijobs are told apart by the gross pay, not by this label.
    - ``gross_monthly``: gross pay a month (the self-employed: profit a month).
    - ``tax_class``: Steuerklasse 1–6.
    - ``children``: the parent's children under 25 (PV child reductions, § 55 Abs. 3, 3a SGB XI).
    - ``kinderfreibetrag_zaehler``: the Kinderfreibetragszähler on the tax card (Soli only).
    """

    kind: str
    gross_monthly: Decimal
    tax_class: int = 1
    children: int = 0
    kinderfreibetrag_zaehler: Decimal = ZERO


@dataclass(frozen=True)
class Sozialabgaben:
    """The employee's contributions a month: pension, unemployment, health, care insurance."""

    rv: Decimal = ZERO
    alv: Decimal = ZERO
    kv: Decimal = ZERO
    pv: Decimal = ZERO

    @property
    def summe(self) -> Decimal:
        return self.rv + self.alv + self.kv + self.pv


@dataclass(frozen=True)
class Netto:
    """The derived figures of one parent, explained."""

    art: Art
    net_monthly: Decimal
    lohnsteuer: Decimal
    soli: Decimal
    abgaben: Sozialabgaben
    zve_year: Decimal
    explanation: Explanation = field(default_factory=Explanation)


def beschaeftigungsart(kind: str, gross: Decimal, on: date) -> Art:
    """Minijob, Midijob or regular employment by the pay and the limits of ``on``.

    Rechtsgrundlage: § 8 Abs. 1 Nr. 1, Abs. 1a SGB IV; § 20 Abs. 2 SGB IV
    """
    if kind == "self_employed":
        return "selbstaendig"
    if kind == "none" or gross <= 0:
        return "keine"
    if gross <= as_decimal(P.value("geringfuegigkeitsgrenze_m", on)):
        return "minijob"
    if gross <= as_decimal(P.value("uebergangsbereich_obergrenze_m", on)):
        return "midijob"
    return "regulaer"


def beitragsbemessung_arbeitnehmer(gross: Decimal, on: date) -> Decimal:
    """The pay the employee's contributions are computed on: in the Übergangsbereich
    OG / (OG − G) × (pay − G), to the cent; otherwise the pay.

    Rechtsgrundlage: § 20 Abs. 2a SGB IV
    """
    g = as_decimal(P.value("geringfuegigkeitsgrenze_m", on))
    og = as_decimal(P.value("uebergangsbereich_obergrenze_m", on))
    if g < gross <= og:
        return round_cent(og / (og - g) * (gross - g))
    return gross


def pv_satz_arbeitnehmer(children: int, on: date) -> Decimal:
    """The employee's PV rate: 1.8 % (2025), + 0.6 % without children, − 0.25 % for the 2nd to
    5th child under 25.

    Rechtsgrundlage: § 55 Abs. 1, 3, 3a SGB XI, § 58 Abs. 1 SGB XI
    """
    pv = STEUER.value("pv_saetze", on)
    if children <= 0:
        return as_decimal(pv["an"]) + as_decimal(pv["zuschlag_kinderlos"])
    return as_decimal(pv["an"]) - as_decimal(pv["abschlag_je_kind"]) * (min(children, 5) - 1)


def sozialabgaben(arbeit: Arbeit, on: date) -> Sozialabgaben:
    """The employee's social contributions a month (none for a Minijob or the self-employed).

    Rechtsgrundlage: § 168 Abs. 1 Nr. 1 SGB VI, § 346 Abs. 1 SGB III, § 249 Abs. 1 SGB V,
    § 58 Abs. 1 SGB XI; Beitragsbemessungsgrenzen § 159 SGB VI, § 223 Abs. 3 SGB V; § 20 Abs. 2a SGB IV
    """
    art = beschaeftigungsart(arbeit.kind, arbeit.gross_monthly, on)
    if art not in ("midijob", "regulaer"):
        return Sozialabgaben()
    base = beitragsbemessung_arbeitnehmer(arbeit.gross_monthly, on)
    rv_base = min(base, as_decimal(STEUER.value("bbg_rv", on)["west"]) / TWELVE)
    kv_base = min(base, as_decimal(STEUER.value("bbg_kvpv", on)) / TWELVE)
    kv_rate = (as_decimal(P.value("kv_beitragssatz_allgemein", on))
               + as_decimal(P.value("kv_zusatzbeitrag_durchschnitt", on))) / 2
    return Sozialabgaben(
        rv=round_cent(rv_base * as_decimal(STEUER.value("rv_satz_an", on))),
        alv=round_cent(rv_base * as_decimal(P.value("alv_beitragssatz", on)) / 2),
        kv=round_cent(kv_base * kv_rate),
        pv=round_cent(kv_base * pv_satz_arbeitnehmer(arbeit.children, on)))


def lohnsteuer_monat(arbeit: Arbeit, on: date) -> tuple[Decimal, Decimal]:
    """Lohnsteuer and Solidaritätszuschlag of the month by the BMF PAP of the year (no church tax).

    Rechtsgrundlage: § 39b Abs. 2 EStG (Programmablaufplan), § 3, § 4 SolZG
    """
    zusatz_prozent = as_decimal(P.value("kv_zusatzbeitrag_durchschnitt", on)) * HUNDRED
    result = lohnsteuer(LohnsteuerInput(
        year=on.year, re4=arbeit.gross_monthly, lzz=LZZ_MONAT, stkl=arbeit.tax_class,
        zkf=arbeit.kinderfreibetrag_zaehler, kvz=zusatz_prozent, pvz=arbeit.children <= 0,
        pva=max(min(arbeit.children, 5) - 1, 0)))
    return result.lstlzz, result.solzlzz


def vorsorgeaufwendungen_jahr(abgaben: Sozialabgaben, on: date) -> Decimal:
    """Deductible Vorsorgeaufwendungen of a year: the RV share in full; KV less 4 % (Krankengeld)
    and PV always in full; ALV only as far as these stay within 1,900 €.

    Rechtsgrundlage: § 10 Abs. 1 Nr. 2, 3, 3a, Abs. 3, 4 EStG
    """
    basis = (abgaben.kv * (1 - as_decimal(P.value("kv_krankengeld_abschlag", on))) + abgaben.pv) * TWELVE
    sonstige = max(basis, min(as_decimal(P.value("vorsorge_hoechstbetrag_arbeitnehmer_y", on)),
                              basis + abgaben.alv * TWELVE))
    return round_cent(abgaben.rv * TWELVE + sonstige)


def zve_jahr(arbeit: Arbeit, abgaben: Sozialabgaben, on: date) -> Decimal:
    """The zu versteuerndes Einkommen of the year from this work, in full euros (not below 0).

    Rechtsgrundlage: § 2 Abs. 5 EStG; §§ 9a Satz 1 Nr. 1a, 10c EStG; § 10 EStG; § 40a Abs. 5 EStG
    """
    art = beschaeftigungsart(arbeit.kind, arbeit.gross_monthly, on)
    if art in ("keine", "minijob"):
        return ZERO
    sap = as_decimal(STEUER.value("sonderausgaben_pauschbetrag", on))
    if art == "selbstaendig":
        zve = arbeit.gross_monthly * TWELVE - sap
    else:
        wages = arbeit.gross_monthly * TWELVE
        anp = min(as_decimal(STEUER.value("arbeitnehmer_pauschbetrag", on)), wages)
        zve = wages - anp - sap - vorsorgeaufwendungen_jahr(abgaben, on)
    return max(zve, ZERO).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def nettoeinkommen(arbeit: Arbeit, on: date) -> Netto:
    """Net pay a month, Lohnsteuer, Soli, contributions and the zvE of one parent, explained.

    The self-employed: no net is derived (their own insurance and tax prepayments are not in the
    case): ``net_monthly`` is the profit and the explanation says so.
    Rechtsgrundlage: § 8, § 20 Abs. 2, 2a SGB IV; § 39b EStG; § 2 Abs. 5 EStG
    """
    e = Explanation()
    art = beschaeftigungsart(arbeit.kind, arbeit.gross_monthly, on)
    e.add(f"leistungen.step.netto.art.{art}", arbeit.gross_monthly, "§ 8 Abs. 1 Nr. 1, Abs. 1a, § 20 Abs. 2 SGB IV",
          limit=as_decimal(P.value("geringfuegigkeitsgrenze_m", on)),
          upper=as_decimal(P.value("uebergangsbereich_obergrenze_m", on)))
    abgaben = sozialabgaben(arbeit, on)
    lst = soli = ZERO
    if art in ("midijob", "regulaer"):
        base = beitragsbemessung_arbeitnehmer(arbeit.gross_monthly, on)
        e.add("leistungen.step.netto.abgaben", abgaben.summe, "§ 168 SGB VI, § 346 SGB III, § 249 SGB V, § 58 SGB XI"
              + (", § 20 Abs. 2a SGB IV" if art == "midijob" else ""),
              base=base, rv=abgaben.rv, alv=abgaben.alv, kv=abgaben.kv, pv=abgaben.pv)
        lst, soli = lohnsteuer_monat(arbeit, on)
        e.add("leistungen.step.netto.lohnsteuer", lst + soli, "§ 39b Abs. 2 EStG (PAP), § 4 SolZG",
              tax_class=arbeit.tax_class, lst=lst, soli=soli)
    net = arbeit.gross_monthly - abgaben.summe - lst - soli if art != "keine" else ZERO
    e.add("leistungen.step.netto.netto", net, "§ 11 Abs. 1, § 11b Abs. 1 Nr. 1, 2 SGB II")
    zve = zve_jahr(arbeit, abgaben, on)
    e.add("leistungen.step.netto.zve", zve, "§ 2 Abs. 5 EStG, §§ 9a, 10, 10c EStG")
    return Netto(art, round_cent(net), lst, soli, abgaben, zve, e)


def zahlt_einkommensteuer(zves: list[Decimal], jointly_assessed: bool, on: date) -> bool:
    """Whether income tax is due on these zvE: jointly assessed couples against twice the
    Grundfreibetrag (Splitting), everyone else against the Grundfreibetrag.

    Rechtsgrundlage: § 32a Abs. 1 Satz 2 Nr. 1, Abs. 5 EStG; § 26b EStG
    """
    gfb = as_decimal(STEUER.value("grundfreibetrag", on))
    if jointly_assessed:
        return sum(zves, ZERO) > 2 * gfb
    return any(z > gfb for z in zves)

"""Elterngeld-Netto: the income before (or after) the birth that Elterngeld replaces.

Gross income minus taxes (Lohnsteuer, Solidaritätszuschlag, 8 % church tax from the
Programmablaufplan in force on 1 January of the year before the birth) minus flat
social contributions (9 / 10 / 2 %) minus 1/12 of the Arbeitnehmer-Pauschbetrag for
employment income. §§ 2c–2f BEEG.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.steuer.lohnsteuer import LohnsteuerInput, lohnsteuer

P = parameters("elterngeld")

Kind = Literal["employee", "minijob", "self_employed", "mixed", "none"]
KIRCHENSTEUER_SATZ = Decimal("0.08")  # § 2e Abs. 5 Satz 1 BEEG: fixed by law, whatever the Land's rate


@dataclass(frozen=True)
class Erwerb:
    """A parent's work income for one period, as the tax and social rules see it."""

    kind: Kind
    wage_m: Decimal = ZERO            # gross wage per month (employee, minijob, mixed)
    profit_m: Decimal = ZERO          # profit per month (self_employed, mixed)
    tax_class: int = 1
    factor: Decimal | None = None
    church_tax: bool = False
    child_allowances: Decimal = ZERO
    health_insurance: str = "statutory"
    pension_insured: bool = True
    unemployment_insured: bool = True


@dataclass(frozen=True)
class Netto:
    """Result of the Elterngeld-Netto computation with its parts."""

    gross_m: Decimal
    lohnsteuer: Decimal
    soli: Decimal
    kirchensteuer: Decimal
    sozialabgaben: Decimal
    netto_before: Decimal | None       # before the Arbeitnehmer-Pauschbetrag; None for mixed income
    elterngeld_netto: Decimal
    explanation: Explanation

    @property
    def steuern(self) -> Decimal:
        return self.lohnsteuer + self.soli + self.kirchensteuer


def pap_jahr(birth: date) -> int:
    """The year of the Programmablaufplan: the one in force on 1 January of the year before the birth.

    Rechtsgrundlage: § 2e Abs. 1 Satz 2 BEEG
    """
    return birth.year - 1


def pauschbetrag_m(birth: date) -> Decimal:
    """One twelfth of the Arbeitnehmer-Pauschbetrag.

    Rechtsgrundlage: § 2c Abs. 1 Satz 1 BEEG
    """
    return round_cent(P.value("arbeitnehmer_pauschbetrag_y", birth) / 12)


def uebergangsbereich_faktor(birth: date) -> Decimal:
    """Factor F for the Übergangsbereich, from the flat rates: 28 % / (2 × 21 %), four decimals.

    Rechtsgrundlage: § 2f Abs. 2 Satz 3 BEEG i. V. m. § 163 Abs. 10 Satz 2 SGB VI
    """
    rates = P.value("sozialabgaben_pauschalen", birth)
    total = Decimal(rates["kranken_pflege"] + rates["rente"] + rates["arbeitsfoerderung"])
    pauschal = Decimal(P.value("uebergangsbereich_pauschalbeitrag", date(birth.year - 1, 1, 1)))
    return (pauschal / (2 * total)).quantize(Decimal("0.0001"))


def uebergangsbereich_entgelt(wage: Decimal, birth: date) -> Decimal:
    """The reduced contribution base of a Midijob (Übergangsbereich), to the cent.

    Rechtsgrundlage: § 2f Abs. 2 Satz 3 BEEG i. V. m. § 344 Abs. 4 SGB III
    """
    limits = P.value("uebergangsbereich", date(birth.year - 1, 1, 1))
    g, og = limits["geringfuegigkeitsgrenze"], limits["obergrenze"]
    f = uebergangsbereich_faktor(birth)
    return round_cent(f * g + (og / (og - g) - g / (og - g) * f) * (wage - g))


def sozialabgaben_basis(e: Erwerb, birth: date, expl: Explanation) -> Decimal:
    """Base for the flat social contributions: wages (Midijob reduced, Minijob none) plus profit.

    Rechtsgrundlage: § 2f Abs. 2 BEEG
    """
    limits = P.value("uebergangsbereich", date(birth.year - 1, 1, 1))
    wage = e.wage_m
    if e.kind == "minijob" or wage <= P.value("geringfuegigkeitsgrenze_m", date(birth.year - 1, 1, 1)):
        wage = ZERO
    elif wage <= limits["obergrenze"]:
        reduced = uebergangsbereich_entgelt(wage, birth)
        expl.add("netto.midijob", reduced, "§ 2f Abs. 2 Satz 3 BEEG, § 344 Abs. 4 SGB III",
                 wage=wage, f=uebergangsbereich_faktor(birth), g=limits["geringfuegigkeitsgrenze"], og=limits["obergrenze"])
        wage = reduced
    return wage + e.profit_m


def sozialabgaben(e: Erwerb, birth: date, expl: Explanation) -> Decimal:
    """Flat social contributions: 9 % health and care (if compulsorily insured), 10 % pension, 2 % unemployment.

    Rechtsgrundlage: § 2f Abs. 1 Satz 2 Nr. 1–3 BEEG
    """
    base = sozialabgaben_basis(e, birth, expl)
    rates = P.value("sozialabgaben_pauschalen", birth)
    rate = ZERO
    if e.health_insurance == "statutory":
        rate += rates["kranken_pflege"]
    if e.pension_insured:
        rate += rates["rente"]
    if e.unemployment_insured:
        rate += rates["arbeitsfoerderung"]
    amount = round_cent(base * rate)
    expl.add("netto.sozialabgaben", amount, "§ 2f Abs. 1 Satz 2 BEEG", base=base, rate=(rate * 100).normalize())
    return amount


def pap_eingabe(e: Erwerb, re4: Decimal, birth: date) -> LohnsteuerInput:
    """The PAP inputs the Elterngeldstelle uses: monthly period, average Zusatzbeitrag of the
    PAP year, no individual care-insurance surcharges; the self-employed in class IV;
    the Faktor applied to the tax with its cents (the federal calculator does not cut the
    product to full euros as the PAP does for the payroll; examples ex-money-008).

    The Vorsorgepauschale is always computed with the statutory health and care rates
    (PKV = 0), also for privately insured parents, and with the pension part unless an
    employee is not pension insured (civil servants); profits are taxed like a pension
    insured employee. This is how the federal Elterngeldrechner computes (reproduced by
    the shared examples ex-money-009 to -011); § 2e Abs. 3 BEEG leaves the PAP's
    Vorsorgepauschale in place.

    Rechtsgrundlage: § 2e Abs. 1, 3, 4 BEEG
    """
    self_employed = e.kind == "self_employed"
    return LohnsteuerInput(
        year=pap_jahr(birth),
        re4=re4,
        stkl=4 if self_employed else e.tax_class,
        factor=None if self_employed else e.factor,
        zkf=e.child_allowances,
        kvz=P.value("gkv_zusatzbeitrag_pap", date(birth.year - 1, 1, 1)),
        faktor_auf_volle_euro=False,
        pkv=0,
        rentenversichert=e.pension_insured or self_employed,
        arbeitslosenversichert=e.unemployment_insured or self_employed,
    )


def steuern(e: Erwerb, birth: date, expl: Explanation) -> tuple[Decimal, Decimal, Decimal]:
    """Lohnsteuer, Solidaritätszuschlag and 8 % church tax of the month.

    Profits get the Arbeitnehmer-Pauschbetrag added back, because the PAP deducts it.
    Rechtsgrundlage: § 2e Abs. 1–5 BEEG
    """
    if e.kind in ("minijob", "none"):
        return ZERO, ZERO, ZERO
    re4 = e.wage_m + e.profit_m
    if e.kind == "self_employed":
        re4 += pauschbetrag_m(birth)
    result = lohnsteuer(pap_eingabe(e, re4, birth))
    kist = round_cent(result.bk * KIRCHENSTEUER_SATZ) if e.church_tax else ZERO
    expl.add("netto.lohnsteuer", result.lstlzz, "§ 2e Abs. 1, 3 BEEG, § 39b EStG",
             year=pap_jahr(birth), re4=re4, stkl=4 if e.kind == "self_employed" else e.tax_class)
    if result.solzlzz:
        expl.add("netto.soli", result.solzlzz, "§ 2e Abs. 1 BEEG, § 3 SolZG")
    if e.church_tax:
        expl.add("netto.kirchensteuer", kist, "§ 2e Abs. 5 BEEG", bk=result.bk)
    return result.lstlzz, result.solzlzz, kist


def elterngeld_netto(e: Erwerb, birth: date) -> Netto:
    """Elterngeld-Netto of one income situation (before the birth, or a month after it).

    Rechtsgrundlage: §§ 2c, 2d, 2e, 2f BEEG
    """
    expl = Explanation()
    gross = e.wage_m + e.profit_m
    if e.kind == "none" or gross == ZERO:
        expl.add("netto.kein_einkommen", ZERO, "§ 2 Abs. 4 BEEG")
        return Netto(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, expl)
    if e.wage_m and e.profit_m:
        expl.add("netto.brutto_gemischt", gross, "§ 2b Abs. 3, § 2c Abs. 1, § 2d BEEG", wage=e.wage_m, profit=e.profit_m)
    elif e.profit_m:
        expl.add("netto.gewinn", gross, "§ 2d BEEG")
    else:
        expl.add("netto.brutto", gross, "§ 2c Abs. 1 BEEG")
    lst, soli, kist = steuern(e, birth, expl)
    sv = sozialabgaben(e, birth, expl)
    netto_before = gross - lst - soli - kist - sv
    pauschale = ZERO if e.kind == "self_employed" else pauschbetrag_m(birth)
    eg_netto = max(netto_before - pauschale, ZERO)  # an income cannot replace less than nothing
    if pauschale:
        expl.add("netto.pauschbetrag", pauschale, "§ 2c Abs. 1 Satz 1 BEEG",
                 year_amount=P.value("arbeitnehmer_pauschbetrag_y", birth))
    expl.add("netto.ergebnis", eg_netto, "§ 2 Abs. 1 Satz 3 BEEG")
    return Netto(gross, lst, soli, kist, sv, None if e.kind == "mixed" else netto_before, eg_netto, expl)

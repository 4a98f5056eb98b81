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
from workbench.rules.steuer.lohnsteuer import LohnsteuerInput, lohnsteuer, pap_rules_year

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
    beitraege_auf_minijob: bool = False  # income after the birth of an insured parent (``einkommen.erwerb_nach_geburt``)


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
    unrounded: Decimal | None = None   # mixed income: the Elterngeld-Netto before rounding to the cent

    @property
    def steuern(self) -> Decimal:
        return self.lohnsteuer + self.soli + self.kirchensteuer

    @property
    def fuer_betraege(self) -> Decimal:
        """The Elterngeld-Netto the rate and the amounts are computed from.

        Mixed income: unrounded, as the federal calculator subtracts the contributions unrounded
        and computes rate and amount from the result (a cent in some cases, e.g. 1,172.2949 €
        × 67 % = 785.44 €, not 785.43 €); otherwise the rounded Elterngeld-Netto.
        """
        return self.unrounded if self.unrounded is not None else self.elterngeld_netto


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


def mischeinkommen_status(e: Erwerb, birth: date) -> Literal["self_employed", "employee", "minijob"]:
    """How the federal Elterngeldrechner treats mixed income: by the larger of the two.

    Profit larger than the wages: like a profit (Steuerklasse IV without Faktor, the
    Pauschbetrag added back for the PAP, no 2 % Arbeitsförderung). Otherwise like the wages;
    and when the income after the Pauschbetrag is at most the Geringfügigkeitsgrenze, like a
    Minijob (no taxes or contributions). The BEEG has no such rule (§ 2e Abs. 3 speaks of the
    wage's Steuerklasse, § 2f Abs. 1 of each insurance); we follow the calculator here so the
    amounts agree (docs/elterngeld.md, "Mixed income").
    Rechtsgrundlage: § 2b Abs. 3, §§ 2c–2f BEEG
    """
    if e.profit_m > e.wage_m:
        return "self_employed"
    limits = P.value("uebergangsbereich", date(birth.year - 1, 1, 1))
    if e.wage_m + e.profit_m - pauschbetrag_m(birth) <= limits["geringfuegigkeitsgrenze"]:
        return "minijob"
    return "employee"


def als_gewinn_besteuert(e: Erwerb, birth: date) -> bool:
    """Whether the income is taxed like a profit: Steuerklasse IV, Pauschbetrag added back.

    Rechtsgrundlage: § 2e Abs. 3 BEEG
    """
    return e.kind == "self_employed" or (e.kind == "mixed" and mischeinkommen_status(e, birth) == "self_employed")


def sozialabgaben_basis(e: Erwerb, birth: date, expl: Explanation) -> Decimal:
    """Base for the flat social contributions: wages (Midijob reduced, Minijob none) plus profit.

    Two readings of the federal calculator (docs/elterngeld.md): a monthly profit of a
    self-employed parent in the Übergangsbereich is reduced like a Midijob wage (the law names
    wages only), and a Minijob after the birth of an insured parent (``beitraege_auf_minijob``)
    counts in full (the law leaves Minijob income out).
    Rechtsgrundlage: § 2f Abs. 2 BEEG
    """
    limits = P.value("uebergangsbereich", date(birth.year - 1, 1, 1))
    g, og = limits["geringfuegigkeitsgrenze"], limits["obergrenze"]
    wage = e.wage_m
    if e.kind == "minijob" or (wage <= P.value("geringfuegigkeitsgrenze_m", date(birth.year - 1, 1, 1))
                               and not e.beitraege_auf_minijob):
        wage = ZERO
    elif g < wage <= og:
        reduced = uebergangsbereich_entgelt(wage, birth)
        expl.add("netto.midijob", reduced, "§ 2f Abs. 2 Satz 3 BEEG, § 344 Abs. 4 SGB III",
                 wage=wage, f=uebergangsbereich_faktor(birth), g=g, og=og)
        wage = reduced
    profit = e.profit_m
    if e.kind == "self_employed" and g < profit <= og:
        reduced = uebergangsbereich_entgelt(profit, birth)
        expl.add("netto.gewinn_uebergangsbereich", reduced, "§ 2f Abs. 2 Satz 3 BEEG, § 344 Abs. 4 SGB III",
                 wage=profit, f=uebergangsbereich_faktor(birth), g=g, og=og)
        profit = reduced
    return wage + profit


def sozialabgaben(e: Erwerb, birth: date, expl: Explanation) -> Decimal:
    """Flat social contributions: 9 % health and care (if compulsorily insured), 10 % pension, 2 % unemployment.

    Rounded to the cent, except for mixed income, whose contributions the federal calculator
    subtracts unrounded (the Elterngeld-Netto is rounded once, in ``elterngeld_netto``).
    Mixed income taxed like a profit pays no 2 % (``mischeinkommen_status``).
    Rechtsgrundlage: § 2f Abs. 1 Satz 2 BEEG
    """
    base = sozialabgaben_basis(e, birth, expl)
    rates = P.value("sozialabgaben_pauschalen", birth)
    rate = ZERO
    if e.health_insurance == "statutory":
        rate += rates["kranken_pflege"]
    if e.pension_insured:
        rate += rates["rente"]
    if e.unemployment_insured and not (e.kind == "mixed" and als_gewinn_besteuert(e, birth)):
        rate += rates["arbeitsfoerderung"]
    amount = base * rate if e.kind == "mixed" else round_cent(base * rate)
    expl.add("netto.sozialabgaben", round_cent(amount), "§ 2f Abs. 1 Satz 2 BEEG", base=base,
             rate=(rate * 100).normalize())
    return amount


def pap_eingabe(e: Erwerb, re4: Decimal, birth: date) -> LohnsteuerInput:
    """The PAP inputs the Elterngeldstelle uses: monthly period, average Zusatzbeitrag of the
    PAP year, no individual care-insurance surcharges; the self-employed (and mixed income with
    the larger profit) in class IV without Faktor; mixed income never with a Faktor.

    Three choices follow the federal Elterngeldrechner (docs/elterngeld.md):
    - the Vorsorgepauschale is always computed with the statutory health and care rates
      (PKV = 0), also for privately insured parents, and with the pension part unless an
      employee is not pension insured (civil servants) or mixed income has no insurance at all;
      profits are taxed like a pension insured employee (shared examples ex-money-009 to -011);
    - the Faktor applied to the tax keeps its cents (the PAP cuts to full euros; ex-money-008);
    - the Teilbeträge of the Vorsorgepauschale are not cut to cents before their sum is raised
      to full euros (PAP 2024/2025, the calculator's PAP port: 0.08 € a month for some incomes).
    § 2e Abs. 3 BEEG leaves the PAP's Vorsorgepauschale in place.

    Rechtsgrundlage: § 2e Abs. 1, 3, 4 BEEG
    """
    wie_gewinn = als_gewinn_besteuert(e, birth)
    if e.kind == "mixed":
        insured = e.pension_insured or e.health_insurance == "statutory" or e.unemployment_insured
        rentenversichert = wie_gewinn or insured
    else:
        rentenversichert = e.pension_insured or wie_gewinn
    return LohnsteuerInput(
        year=pap_jahr(birth),
        re4=re4,
        stkl=4 if wie_gewinn else e.tax_class,
        factor=None if wie_gewinn or e.kind == "mixed" else e.factor,
        zkf=e.child_allowances,
        kvz=P.value("gkv_zusatzbeitrag_pap", date(birth.year - 1, 1, 1)),
        faktor_auf_volle_euro=False,
        vorsorge_teilbetraege_auf_cent=False,
        pkv=0,
        rentenversichert=rentenversichert,
        arbeitslosenversichert=e.unemployment_insured or wie_gewinn,
    )


def steuern(e: Erwerb, birth: date, expl: Explanation) -> tuple[Decimal, Decimal, Decimal]:
    """Lohnsteuer, Solidaritätszuschlag and 8 % church tax of the month.

    Profits get the Arbeitnehmer-Pauschbetrag added back, because the PAP deducts it. An
    income up to the Geringfügigkeitsgrenze is taxed pauschal by the employer (§ 40a EStG), not
    by the parent: no tax (as the federal calculator, with its limit of 538 €).
    Rechtsgrundlage: § 2e Abs. 1–5 BEEG
    """
    if e.kind in ("minijob", "none"):
        return ZERO, ZERO, ZERO
    re4 = e.wage_m + e.profit_m
    if re4 <= P.value("uebergangsbereich", date(birth.year - 1, 1, 1))["geringfuegigkeitsgrenze"]:
        return ZERO, ZERO, ZERO
    wie_gewinn = als_gewinn_besteuert(e, birth)
    if wie_gewinn:
        re4 += pauschbetrag_m(birth)
    result = lohnsteuer(pap_eingabe(e, re4, birth))
    kist = round_cent(result.bk * KIRCHENSTEUER_SATZ) if e.church_tax else ZERO
    year, rules = pap_jahr(birth), pap_rules_year(pap_jahr(birth))
    # a PAP not yet published is computed with the newest one (ADR 0019) and said so, not named as if it existed
    expl.add("netto.lohnsteuer" if rules == year else "netto.lohnsteuer_provisional", result.lstlzz,
             "§ 2e Abs. 1, 3 BEEG, § 39b EStG", year=year, rules=rules, re4=re4, stkl=4 if wie_gewinn else e.tax_class)
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
        if e.kind == "mixed" and als_gewinn_besteuert(e, birth):
            expl.add("netto.misch_wie_gewinn", None, "§ 2e Abs. 3, § 2f Abs. 1 BEEG")
    elif e.profit_m:
        expl.add("netto.gewinn", gross, "§ 2d BEEG")
    else:
        expl.add("netto.brutto", gross, "§ 2c Abs. 1 BEEG")
    if e.kind == "mixed" and mischeinkommen_status(e, birth) == "minijob":
        lst = soli = kist = sv = ZERO
    else:
        lst, soli, kist = steuern(e, birth, expl)
        sv = sozialabgaben(e, birth, expl)
    netto_before = round_cent(gross - lst - soli - kist - sv)
    pauschale = ZERO if e.kind == "self_employed" else pauschbetrag_m(birth)
    eg_netto = max(netto_before - pauschale, ZERO)  # an income cannot replace less than nothing
    unrounded = max(gross - lst - soli - kist - sv - pauschale, ZERO) if e.kind == "mixed" else None
    if pauschale:
        expl.add("netto.pauschbetrag", pauschale, "§ 2c Abs. 1 Satz 1 BEEG",
                 year_amount=P.value("arbeitnehmer_pauschbetrag_y", birth))
    expl.add("netto.ergebnis", eg_netto, "§ 2 Abs. 1 Satz 3 BEEG")
    return Netto(gross, lst, soli, kist, round_cent(sv), None if e.kind == "mixed" else netto_before, eg_netto, expl,
                 unrounded)

"""The Kinderzuschlag of a household for one Bewilligungszeitraum, explained step by step.

Order of the computation (§ 6a BKGG):

1. Children who can carry a Kinderzuschlag (§ 6a Abs. 1 Nr. 1).
2. Minimum gross income of the parents, 900 € / 600 € (§ 6a Abs. 1 Nr. 2).
3. Each child's amount: Höchstbetrag minus 45 % of its own income (§ 6a Abs. 2, 3).
4. The parents' income after the § 11b SGB II deductions and their need: Regelbedarf,
   Mehrbedarf for single parents and their share of the warm rent by the
   Existenzminimumbericht (§ 6a Abs. 4, 5).
5. 45 % of the income above that need and wealth above the Karenzzeit exemption reduce
   the total (§ 6a Abs. 3, 6); the amount paid is rounded to full euros (§ 11 Abs. 2 BKGG).
6. Whether Kinderzuschlag and Wohngeld end the need under SGB II (§ 6a Abs. 1 Nr. 3,
   Abs. 1a): otherwise the result asks to check Bürgergeld.

:func:`kinderzuschlag` runs these steps in this order; each is one function below, named after
what it returns, that records its explanation step and figures in the :class:`Computation`. The
tests of the minimum income and of the amount follow the figures, so the explanation shows them
even when the family is not entitled.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.benefit import (MeansTestedResult, Computation, Reason, UsedParameters, as_decimal, award_period,
                                     percent, raise_problems)
from workbench.rules import grundsicherung as gs
from workbench.rules.kinderzuschlag import regeln as r
from workbench.rules.kinderzuschlag.inputs import KizChild, KizInput, problems

P = parameters("kinderzuschlag")
BENEFIT = "kinderzuschlag"


def bewilligungszeitraum(month: date, months: int) -> tuple[date, date]:
    """The Bewilligungszeitraum: six calendar months from the first month.

    Rechtsgrundlage: § 6a Abs. 7 Satz 1 BKGG
    """
    return award_period(month, months)


def kinderzuschlag(inp: KizInput, language: str = "de") -> MeansTestedResult:
    """The Kinderzuschlag of the household for the Bewilligungszeitraum starting in ``inp.month``.

    Bad input raises :class:`~workbench.errors.CaseError` with one message per problem in
    ``language``; a month outside the modelled years raises
    :class:`~workbench.errors.UnsupportedPeriod`.
    Rechtsgrundlage: § 6a BKGG; §§ 11, 11b, 12, 20, 21 SGB II
    """
    raise_problems(problems(inp), language)
    month = inp.month.replace(day=1)
    c = Computation(BENEFIT, month, UsedParameters(P, month, gs.P))
    c.period = bewilligungszeitraum(month, int(c.p("bewilligungszeitraum_monate")))
    kinder = kiz_kinder(inp, c)                                               # 1. § 6a Abs. 1 Nr. 1
    if not kinder:
        c.reasons.append(Reason("kinderzuschlag.grund.kein_kind"))
        return _ergebnis(c, False, ZERO)
    brutto, minimum = mindesteinkommen_eltern(inp, c)                         # 2. § 6a Abs. 1 Nr. 2
    summe_kinder = gesamtkinderzuschlag(kinder, c)                            # 3. § 6a Abs. 2, 3
    einkommen, absetzbetraege = einkommen_eltern(inp, c)                      # 4. § 6a Abs. 4
    regelbedarf, bedarf = bedarf_eltern(inp, len(kinder), c)                  # 4. § 6a Abs. 4, 5
    minderung = minderung_einkommen(einkommen, bedarf, c)                     # 5. § 6a Abs. 6
    vermoegen = vermoegen_ueber_freibetrag(inp, c)                            # 5. § 6a Abs. 3, 6
    monthly = kinderzuschlag_betrag(summe_kinder, minderung, vermoegen, c)    # 5. § 11 Abs. 2
    if brutto < minimum:
        c.reasons.append(Reason("kinderzuschlag.grund.mindesteinkommen", {"income": brutto, "minimum": minimum}))
        c.reasons.append(Reason("kinderzuschlag.grund.buergergeld_pruefen"))
        return _ergebnis(c, False, ZERO, buergergeld=True)
    if monthly <= 0:
        reduced_by_wealth = vermoegen > 0 and summe_kinder - minderung > 0
        c.reasons.append(Reason("kinderzuschlag.grund.vermoegen" if reduced_by_wealth
                                else "kinderzuschlag.grund.einkommen_zu_hoch"))
        return _ergebnis(c, False, ZERO)
    shortfall = fehlbetrag_sgb2(inp, einkommen, regelbedarf, monthly, c)      # 6. § 6a Abs. 1 Nr. 3
    return anspruch(inp, monthly, shortfall, absetzbetraege, len(kinder), c)  # 6. § 6a Abs. 1a


def _ergebnis(c: Computation, eligible: bool | None, monthly: Decimal, buergergeld: bool = False) -> MeansTestedResult:
    """The result; the amount paid is a rounded one (the rounding rule counts as used)."""
    c.p("auszahlung_rundung")
    return c.result(eligible, monthly, buergergeld)


def kiz_kinder(inp: KizInput, c: Computation) -> list[KizChild]:
    """The children who can carry a Kinderzuschlag: under 25, unmarried, with Kindergeld.

    Rechtsgrundlage: § 6a Abs. 1 Nr. 1 BKGG
    """
    kinder = [child for child in inp.children if r.ist_kiz_kind(child)]
    c.expl.add("kinderzuschlag.kinder", len(kinder), "§ 6a Abs. 1 Nr. 1 BKGG", total=len(inp.children))
    return kinder


def mindesteinkommen_eltern(inp: KizInput, c: Computation) -> tuple[Decimal, Decimal]:
    """The parents' gross income and the minimum income it has to reach (900 € / 600 €).

    Rechtsgrundlage: § 6a Abs. 1 Nr. 2 BKGG
    """
    minimum = r.mindesteinkommen(inp.single_parent, c.p)
    brutto = r.bruttoeinkommen_eltern(inp.adults)
    c.figures["bruttoeinkommen_eltern"] = brutto
    c.expl.add("kinderzuschlag.mindesteinkommen", brutto, "§ 6a Abs. 1 Nr. 2 BKGG", minimum=minimum)
    return brutto, minimum


def gesamtkinderzuschlag(kinder: list[KizChild], c: Computation) -> Decimal:
    """The sum of the children's amounts: each the Höchstbetrag minus 45 % of the child's own income.

    Rechtsgrundlage: § 6a Abs. 2, 3 BKGG
    """
    hoechst = as_decimal(c.p("hoechstbetrag_m"))
    rate_kind = as_decimal(c.p("entzugsrate_kind"))
    total = ZERO
    for i, child in enumerate(kinder, 1):
        amount = r.kinderzuschlag_kind(child, c.p)
        total += amount
        c.figures[f"kind_{i}"] = amount
        c.expl.add("kinderzuschlag.kind", amount, "§ 6a Abs. 2, 3 BKGG", nr=i, age=child.age,
                   hoechst=hoechst, income=child.own_income, rate=percent(rate_kind))
    c.figures["summe_kinder"] = total
    return total


def einkommen_eltern(inp: KizInput, c: Computation) -> tuple[Decimal, Decimal]:
    """The parents' income after the § 11b SGB II deductions, and the sum of the earnings deductions.

    Rechtsgrundlage: § 6a Abs. 4 BKGG, §§ 11, 11b SGB II
    """
    with_minor = any(child.age < 18 for child in inp.children)
    income = ZERO
    absetz_total = ZERO
    for i, adult in enumerate(inp.adults, 1):
        countable, absetz = r.einkommen_elternteil(adult, with_minor, c.p)
        income += countable
        absetz_total += absetz
        if adult.countable_income is not None:
            c.expl.add("kinderzuschlag.einkommen_elternteil_vorgegeben", countable,
                       "§ 6a Abs. 4 BKGG, §§ 11, 11b SGB II", nr=i)
        else:
            c.expl.add("kinderzuschlag.einkommen_elternteil", countable, "§ 6a Abs. 4 BKGG, §§ 11, 11b SGB II",
                       nr=i, net=adult.net_earnings, gross=adult.gross_earnings, absetz=absetz,
                       other=adult.other_income)
    c.figures["einkommen_eltern"] = income
    return income, absetz_total


def bedarf_eltern(inp: KizInput, anzahl_kinder: int, c: Computation) -> tuple[Decimal, Decimal]:
    """The parents' Regelbedarf (with the Mehrbedarf of a single parent) and their whole need:
    that plus their share of the warm rent by the Existenzminimumbericht.

    Rechtsgrundlage: § 6a Abs. 4, 5 BKGG, §§ 20, 21 Abs. 3 SGB II
    """
    single = inp.single_parent
    regel = r.regelbedarf_eltern(single, c.p)
    c.expl.add("kinderzuschlag.regelbedarf_eltern", regel, "§ 20 SGB II, § 6a Abs. 4 BKGG")
    mehr = ZERO
    if single:
        share, mehr = gs.mehrbedarf_alleinerziehende([child.age for child in inp.children], c.p)
        c.expl.add("kinderzuschlag.mehrbedarf", mehr, "§ 21 Abs. 3 SGB II", share=percent(share))
    anteil = r.wohnkostenanteil(single, anzahl_kinder, c.p)
    wohnen = round_cent(inp.warm_rent * anteil / 100)
    c.expl.add("kinderzuschlag.wohnkostenanteil", wohnen, "§ 6a Abs. 5 BKGG",
               percent=anteil, warm=inp.warm_rent, children=anzahl_kinder)
    bedarf = regel + mehr + wohnen
    c.figures["bedarf_eltern"] = bedarf
    c.figures["wohnkostenanteil_prozent"] = anteil
    c.expl.add("kinderzuschlag.bedarf_eltern", bedarf, "§ 6a Abs. 4 BKGG")
    return regel + mehr, bedarf


def minderung_einkommen(einkommen: Decimal, bedarf: Decimal, c: Computation) -> Decimal:
    """What the parents' income above their need takes off the Gesamtkinderzuschlag (45 % of it).

    Rechtsgrundlage: § 6a Abs. 6 BKGG
    """
    minderung = r.minderung_elterneinkommen(einkommen, bedarf, c.p)
    c.figures["minderung_einkommen"] = minderung
    c.expl.add("kinderzuschlag.minderung", minderung, "§ 6a Abs. 6 BKGG",
               income=einkommen, need=bedarf, rate=percent(as_decimal(c.p("entzugsrate_eltern"))))
    return minderung


def vermoegen_ueber_freibetrag(inp: KizInput, c: Computation) -> Decimal:
    """The wealth above the exemption of the Karenzzeit, which reduces the Kinderzuschlag in full.

    Rechtsgrundlage: § 6a Abs. 3, 6 BKGG, § 12 Abs. 4 SGB II
    """
    if inp.wealth <= 0:
        return ZERO
    persons = len(inp.adults) + len(inp.children)
    frei = gs.vermoegensfreibetrag(persons, c.p)
    over = max(inp.wealth - frei, ZERO)
    c.expl.add("kinderzuschlag.vermoegen", over, "§ 6a Abs. 3, 6 BKGG, § 12 Abs. 4 SGB II",
               wealth=inp.wealth, exempt=frei, persons=persons)
    return over


def kinderzuschlag_betrag(summe_kinder: Decimal, minderung: Decimal, vermoegen: Decimal, c: Computation) -> Decimal:
    """The monthly amount: the Gesamtkinderzuschlag minus the reductions, rounded to full euros.

    Rechtsgrundlage: § 6a Abs. 6 BKGG, § 11 Abs. 2 BKGG
    """
    c.figures["basisbetrag"] = max(summe_kinder - minderung, ZERO)
    raw = max(summe_kinder - minderung - vermoegen, ZERO)
    c.figures["betrag_ungerundet"] = raw
    monthly = r.auf_euro(raw)
    c.expl.add("kinderzuschlag.betrag", monthly, "§ 6a Abs. 6 BKGG, § 11 Abs. 2 BKGG", raw=raw)
    return monthly


def anspruch(inp: KizInput, monthly: Decimal, shortfall: Decimal, absetzbetraege: Decimal, kinder: int,
             c: Computation) -> MeansTestedResult:
    """The decision once the amount is positive: entitled when Kinderzuschlag and Wohngeld end the
    need under SGB II, or by the extended access when the shortfall is small and earnings bridge it;
    otherwise "to check" with Bürgergeld.

    Rechtsgrundlage: § 6a Abs. 1 Nr. 3, Abs. 1a BKGG
    """
    if inp.wohngeld is None:
        c.reasons.append(Reason("kinderzuschlag.grund.wohngeld_unbekannt"))
    if shortfall > 0:
        limit = as_decimal(c.p("erweiterter_zugang_fehlbetrag_m"))
        if shortfall <= limit and absetzbetraege >= limit:
            c.reasons.insert(0, Reason("kinderzuschlag.grund.erweiterter_zugang", {"shortfall": shortfall}))
            return _ergebnis(c, True, monthly)
        c.reasons.insert(0, Reason("kinderzuschlag.grund.hilfebeduerftig", {"shortfall": shortfall}))
        c.reasons.insert(1, Reason("kinderzuschlag.grund.buergergeld_pruefen"))
        return _ergebnis(c, None, monthly, buergergeld=True)
    c.reasons.insert(0, Reason("kinderzuschlag.grund.anspruch", {"amount": monthly, "children": kinder}))
    return _ergebnis(c, True, monthly)


def fehlbetrag_sgb2(inp: KizInput, parents_income: Decimal, parents_regel: Decimal, kiz: Decimal,
                    c: Computation) -> Decimal:
    """How much the Bedarfsgemeinschaft lacks under SGB II with Kinderzuschlag and Wohngeld.

    Need: Regelbedarfe (+ Mehrbedarf) of all and the actual warm rent (its appropriateness is
    not checked); the rent is shared per head. A child's income (Kindergeld, maintenance, UVG,
    its share of the Kinderzuschlag) covers only its own need; surplus Kindergeld goes to the
    parent (§ 11 Abs. 1 Satz 5 SGB II). BuT needs stay out (§ 6a Abs. 1 Nr. 3 BKGG).
    Rechtsgrundlage: § 6a Abs. 1 Nr. 3, Abs. 1a BKGG, §§ 9, 11, 19, 22 SGB II
    """
    p = c.p
    persons = len(inp.adults) + len(inp.children)
    rent_head = gs.kopfanteil(inp.warm_rent, persons)
    kids = [child for child in inp.children if r.ist_kiz_kind(child)]
    kiz_share = kiz / len(kids) if kids else ZERO
    wohngeld = inp.wohngeld or ZERO
    need = parents_regel + rent_head * len(inp.adults)
    available = parents_income + wohngeld
    for child in inp.children:
        child_need = gs.regelbedarf_kind(child.age, p) + rent_head
        own = child.own_income + (kiz_share if r.ist_kiz_kind(child) else ZERO)
        covered = min(own + child.kindergeld, child_need)
        surplus_kindergeld = min(child.kindergeld, max(own + child.kindergeld - child_need, ZERO))
        need += child_need
        available += covered + surplus_kindergeld
    shortfall = max(round_cent(need - available), ZERO)
    c.figures["fehlbetrag_sgb2"] = shortfall
    c.expl.add("kinderzuschlag.sgb2_pruefung", shortfall, "§ 6a Abs. 1 Nr. 3 BKGG, § 9 SGB II",
               need=round_cent(need), available=round_cent(available), wohngeld=wohngeld)
    return shortfall

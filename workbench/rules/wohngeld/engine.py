"""Wohngeld (Mietzuschuss) of a household for one month, explained step by step.

Order of the computation (WoGG):

1. Exclusions: all members receive transfer benefits with housing costs (§ 7), or wealth is
   considerable (§ 21 Nr. 3).
2. Income per member (§§ 14, 15), minus 10/20/30 % flat deductions (§ 16), minus the
   allowances (§§ 17, 17a): the monthly Gesamteinkommen Y (§ 13).
3. Rent M: Bruttokaltmiete up to the Höchstbetrag of the Mietstufe plus Klimakomponente,
   plus the Heizkostenkomponente (§ 12).
4. The formula 1.15 × (M − (a + b·M + c·Y)·Y) with the minimum values of M and Y, rounded to
   full euros (§ 19 with Anlagen 2 and 3); nothing below 10 € (§ 21 Nr. 1).
5. Plausibility: income with Wohngeld, Kindergeld, Kinderzuschlag and maintenance should reach
   the Bürgergeld need (Wohngeld-Verwaltungsvorschrift Nr. 15.01 ff.); otherwise "to check".

:func:`wohngeld` runs these steps in this order; each is one function below, named after what it
returns, that records its explanation step and figures in the :class:`Computation`. The wealth
test of step 1 follows the figures, so the explanation shows them even when it excludes Wohngeld.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from workbench.errors import CaseError
from workbench.i18n import text
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules import grundsicherung as gs
from workbench.rules.benefit import (MeansTestedResult, Computation, Reason, UsedParameters, as_decimal, award_period,
                                     percent, raise_problems)
from workbench.rules.wohngeld import regeln as r
from workbench.rules.wohngeld.inputs import WohngeldInput, problems

P = parameters("wohngeld")
BENEFIT = "wohngeld"


def wohngeld(inp: WohngeldInput, language: str = "de") -> MeansTestedResult:
    """The monthly Wohngeld (Mietzuschuss) of the household in ``inp.month``.

    Bad input raises :class:`~workbench.errors.CaseError` with one message per problem in
    ``language``; a month outside the modelled years (2025–2026) raises
    :class:`~workbench.errors.UnsupportedPeriod`.
    Rechtsgrundlage: §§ 7, 12–21 WoGG
    """
    raise_problems(problems(inp), language)
    month = inp.month.replace(day=1)
    c = Computation(BENEFIT, month, UsedParameters(P, month))
    c.period = award_period(month, int(c.p("bewilligungszeitraum_monate")))
    c.expl.add("wohngeld.haushalt", inp.size, "§ 5 WoGG")
    if inp.transfer_recipients:                                           # 1. § 7
        c.reasons.append(Reason("wohngeld.grund.transferleistung"))
        return _ergebnis(c, False, ZERO, buergergeld=True)
    y = gesamteinkommen(inp, c)                                           # 2. §§ 13–17a
    stufe = mietstufe(inp, c, language)                                   # 3. § 12 Abs. 2
    m_value, y_value = miete_und_einkommen_der_formel(inp, stufe, y, c)   # 3. § 12, § 19 Abs. 2
    amount = wohngeld_betrag(inp.size, m_value, y_value, c)               # 4. § 19 Abs. 1
    minimum = as_decimal(c.p("mindestbetrag_m"))
    if inp.wealth > 0 and inp.wealth > (limit := r.vermoegensgrenze(inp.size, c.p)):  # 1. § 21 Nr. 3
        c.reasons.append(Reason("wohngeld.grund.vermoegen", {"wealth": inp.wealth, "limit": limit}))
        return _ergebnis(c, False, ZERO)
    if amount < minimum:                                                  # 4. § 21 Nr. 1
        c.reasons.append(Reason("wohngeld.grund.unter_mindestbetrag", {"amount": amount, "minimum": minimum}))
        return _ergebnis(c, False, ZERO)
    return anspruch(inp, amount, c)                                       # 5. WoGVwV Nr. 15.01


def _ergebnis(c: Computation, eligible: bool | None, monthly: Decimal, buergergeld: bool = False) -> MeansTestedResult:
    """The result; a refusal names no Bewilligungszeitraum (it is fixed with a grant, § 25 WoGG)."""
    result = c.result(eligible, monthly, buergergeld)
    return result if eligible is not False else replace(result, period=None)


def gesamteinkommen(inp: WohngeldInput, c: Computation) -> Decimal:
    """The household's monthly Gesamteinkommen Y: each member's income minus the flat deduction of
    10, 20 or 30 %, summed, minus the allowances.

    Rechtsgrundlage: §§ 13–17a WoGG
    """
    y_sum = ZERO
    for i, m in enumerate(inp.members, 1):
        income = r.einkommen_mitglied(m, c.p)
        if income <= 0:
            continue
        rate = r.pauschalabzug_satz(m, c.p)
        after = round_cent(income * (1 - rate))
        y_sum += after
        c.expl.add("wohngeld.einkommen_mitglied", after, "§§ 14–16 WoGG", nr=i, income=round_cent(income),
                   rate=percent(rate))
    frei = r.freibetraege(inp.members, c.p)
    for key, amount in frei.items():
        if amount > 0:
            c.expl.add(f"wohngeld.freibetrag.{key}", amount, "§ 17a WoGG" if key == "grundrente" else "§ 17 WoGG")
    frei_total = sum(frei.values(), ZERO)
    c.figures["freibetraege"] = frei_total
    y = max(round_cent(y_sum - frei_total), ZERO)
    c.figures["einkommen"] = y
    c.expl.add("wohngeld.gesamteinkommen", y, "§ 13 WoGG", before=round_cent(y_sum), allowances=frei_total)
    return y


def mietstufe(inp: WohngeldInput, c: Computation, language: str) -> int:
    """The household's Mietstufe: the one given, or the municipality's from the WoGV annex.

    A municipality not in the table raises :class:`~workbench.errors.CaseError` naming the known ones.
    Rechtsgrundlage: § 12 Abs. 2 WoGG, Anlage zu § 1 Abs. 3 WoGV
    """
    if inp.mietstufe is not None:
        return inp.mietstufe
    stufe = r.mietstufe(inp.municipality, c.p)
    if stufe is None:
        raise CaseError([text("wohngeld.eingabe.gemeinde", language, municipality=inp.municipality,
                              known=", ".join(r.bekannte_gemeinden(c.p)))])
    c.expl.add("wohngeld.mietstufe_gemeinde", stufe, "§ 12 Abs. 2 WoGG, Anlage zu § 1 Abs. 3 WoGV",
               municipality=inp.municipality)
    return stufe


def miete_und_einkommen_der_formel(inp: WohngeldInput, stufe: int, y: Decimal,
                                   c: Computation) -> tuple[Decimal, Decimal]:
    """M and Y of the formula: the Bruttokaltmiete up to the Höchstbetrag plus Klimakomponente, at least
    the minimum M, plus the Heizkostenkomponente; the Gesamteinkommen at least the minimum Y.

    Rechtsgrundlage: § 12 Abs. 1, 6, 7 WoGG mit Anlage 1, § 19 Abs. 2 WoGG mit Anlage 3 Nr. 1
    """
    size = inp.size
    hoechst = r.hoechstbetrag(stufe, size, c.p)
    klima = r.klimakomponente(size, c.p)
    heiz = r.heizkostenkomponente(size, c.p)
    counted = min(inp.rent_cold, hoechst + klima)
    c.expl.add("wohngeld.miete", counted, "§ 12 Abs. 1, 7 WoGG, Anlage 1", rent=inp.rent_cold, stufe=stufe,
               hoechst=hoechst, klima=klima)
    min_m, min_y = r.mindestwerte(size, c.p)
    m_value = max(counted, min_m) + heiz
    c.figures["miete"] = m_value
    c.expl.add("wohngeld.miete_mit_heizkosten", m_value, "§ 12 Abs. 6 WoGG, § 19 Abs. 2 WoGG, Anlage 3 Nr. 1",
               heiz=heiz, min_m=min_m)
    y_value = max(y, min_y)
    if y_value != y:
        c.expl.add("wohngeld.mindest_y", y_value, "§ 19 Abs. 2 WoGG, Anlage 3 Nr. 1", y=y)
    return m_value, y_value


def wohngeld_betrag(size: int, m_value: Decimal, y_value: Decimal, c: Computation) -> Decimal:
    """The monthly amount by the formula 1.15 × (M − (a + b·M + c·Y)·Y), rounded to full euros.

    Rechtsgrundlage: § 19 Abs. 1 WoGG mit Anlagen 2 und 3
    """
    raw = r.formel(size, m_value, y_value, c.p)
    c.figures["betrag_ungerundet"] = raw
    amount = r.auf_euro(raw)
    c.expl.add("wohngeld.formel", amount, "§ 19 Abs. 1 WoGG, Anlagen 2 und 3", raw=round_cent(raw), m=m_value,
               y=y_value, size=size, factor=as_decimal(c.p("skalierungsfaktor")))
    return amount


def anspruch(inp: WohngeldInput, amount: Decimal, c: Computation) -> MeansTestedResult:
    """The decision once the amount reaches the minimum: entitled, unless the plausibility check of
    the income fails ("to check", with Bürgergeld) or cannot be made (the reasons say so).

    Rechtsgrundlage: Wohngeld-Verwaltungsvorschrift Nr. 15.01 ff. zu § 15 WoGG
    """
    if inp.net_income is None:
        c.reasons.append(Reason("wohngeld.grund.plausibilitaet_offen"))
    else:
        need, available = plausibilitaet(inp, amount, c)
        if available < need:
            c.reasons.insert(0, Reason("wohngeld.grund.plausibilitaet", {"need": need, "available": available}))
            c.reasons.insert(1, Reason("kinderzuschlag.grund.buergergeld_pruefen"))
            return _ergebnis(c, None, amount, buergergeld=True)
    c.reasons.insert(0, Reason("wohngeld.grund.anspruch", {"amount": amount}))
    return _ergebnis(c, True, amount)


def plausibilitaet(inp: WohngeldInput, wohngeld: Decimal, c: Computation) -> tuple[Decimal, Decimal]:
    """The Wohngeldstelle's plausibility check: the household's net income with Wohngeld,
    Kindergeld, Kinderzuschlag, maintenance and Unterhaltsvorschuss against its Bürgergeld need
    (Regelbedarfe, Mehrbedarf for single parents, rent and heating).

    Rechtsgrundlage: Wohngeld-Verwaltungsvorschrift Nr. 15.01 ff. zu § 15 WoGG
    """
    gp = gs.lookup(inp.month.replace(day=1))
    adults = [m for m in inp.members if not m.child]
    children = [m for m in inp.members if m.child]
    need = gs.regelbedarf_erwachsene(len(adults), gp)
    if len(adults) == 1 and children:
        need += gs.mehrbedarf_alleinerziehende([child.age for child in children], gp)[1]
    need += sum((gs.regelbedarf_kind(child.age, gp) for child in children), ZERO)
    need += inp.rent_cold + inp.heating
    available = (inp.net_income or ZERO) + wohngeld + inp.kinderzuschlag + sum(
        (m.kindergeld + m.maintenance + m.uvg for m in inp.members), ZERO)
    need, available = round_cent(need), round_cent(available)
    c.figures["plausibilitaet_bedarf"] = need
    c.figures["plausibilitaet_verfuegbar"] = available
    c.expl.add("wohngeld.plausibilitaet", available, "WoGVwV Nr. 15.01 ff.", need=need)
    return need, available

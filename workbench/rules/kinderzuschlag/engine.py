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
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.benefit import (BenefitResult, Reason, UsedParameters, as_decimal, award_period, percent,
                                     raise_problems)
from workbench.rules import grundsicherung as gs
from workbench.rules.kinderzuschlag import regeln as r
from workbench.rules.kinderzuschlag.inputs import KizInput, problems

P = parameters("kinderzuschlag")
BENEFIT = "kinderzuschlag"


def bewilligungszeitraum(month: date, months: int) -> tuple[date, date]:
    """The Bewilligungszeitraum: six calendar months from the first month.

    Rechtsgrundlage: § 6a Abs. 7 Satz 1 BKGG
    """
    return award_period(month, months)


def kinderzuschlag(inp: KizInput, language: str = "de") -> BenefitResult:
    """The Kinderzuschlag of the household for the Bewilligungszeitraum starting in ``inp.month``.

    Bad input raises :class:`~workbench.errors.CaseError` with one message per problem in
    ``language``; a month outside the modelled years raises
    :class:`~workbench.errors.UnsupportedPeriod`.
    Rechtsgrundlage: § 6a BKGG; §§ 11, 11b, 12, 20, 21 SGB II
    """
    raise_problems(problems(inp), language)
    month = inp.month.replace(day=1)
    p = UsedParameters(P, month, gs.P)
    expl = Explanation()
    reasons: list[Reason] = []
    figures: dict[str, Decimal] = {}
    period = bewilligungszeitraum(month, int(p("bewilligungszeitraum_monate")))
    single = inp.single_parent

    kids = [c for c in inp.children if r.ist_kiz_kind(c)]
    expl.add("kinderzuschlag.kinder", len(kids), "§ 6a Abs. 1 Nr. 1 BKGG", total=len(inp.children))

    def result(eligible: bool | None, monthly: Decimal, buergergeld: bool = False) -> BenefitResult:
        p("auszahlung_rundung")
        return BenefitResult(
            benefit=BENEFIT, month=month, eligible=eligible, monthly=monthly, reasons=tuple(reasons),
            explanation=tuple(expl.steps), unverified=p.unverified, check_buergergeld=buergergeld,
            figures=dict(figures), period=period,
        )

    if not kids:
        reasons.append(Reason("kinderzuschlag.grund.kein_kind"))
        return result(False, ZERO)

    minimum = r.mindesteinkommen(single, p)
    brutto = r.bruttoeinkommen_eltern(inp.adults)
    figures["bruttoeinkommen_eltern"] = brutto
    expl.add("kinderzuschlag.mindesteinkommen", brutto, "§ 6a Abs. 1 Nr. 2 BKGG", minimum=minimum)

    # 3. each child's amount
    hoechst = as_decimal(p("hoechstbetrag_m"))
    rate_kind = as_decimal(p("entzugsrate_kind"))
    per_child = []
    for i, child in enumerate(kids, 1):
        amount = r.kinderzuschlag_kind(child, p)
        per_child.append(amount)
        figures[f"kind_{i}"] = amount
        expl.add("kinderzuschlag.kind", amount, "§ 6a Abs. 2, 3 BKGG", nr=i, age=child.age,
                 hoechst=hoechst, income=child.own_income, rate=percent(rate_kind))
    total_children = sum(per_child, ZERO)
    figures["summe_kinder"] = total_children

    # 4. parents' income and need
    with_minor = any(c.age < 18 for c in inp.children)
    income = ZERO
    absetz_total = ZERO
    for i, adult in enumerate(inp.adults, 1):
        countable, absetz = r.einkommen_elternteil(adult, with_minor, p)
        income += countable
        absetz_total += absetz
        if adult.countable_income is not None:
            expl.add("kinderzuschlag.einkommen_elternteil_vorgegeben", countable, "§ 6a Abs. 4 BKGG, §§ 11, 11b SGB II",
                     nr=i)
        else:
            expl.add("kinderzuschlag.einkommen_elternteil", countable, "§ 6a Abs. 4 BKGG, §§ 11, 11b SGB II",
                     nr=i, net=adult.net_earnings, gross=adult.gross_earnings, absetz=absetz, other=adult.other_income)
    figures["einkommen_eltern"] = income

    regel = r.regelbedarf_eltern(single, p)
    expl.add("kinderzuschlag.regelbedarf_eltern", regel, "§ 20 SGB II, § 6a Abs. 4 BKGG")
    mehr = ZERO
    if single:
        share, mehr = gs.mehrbedarf_alleinerziehende([c.age for c in inp.children], p)
        expl.add("kinderzuschlag.mehrbedarf", mehr, "§ 21 Abs. 3 SGB II", share=percent(share))
    anteil = r.wohnkostenanteil(single, len(kids), p)
    wohnen = round_cent(inp.warm_rent * anteil / 100)
    expl.add("kinderzuschlag.wohnkostenanteil", wohnen, "§ 6a Abs. 5 BKGG",
             percent=anteil, warm=inp.warm_rent, children=len(kids))
    bedarf = regel + mehr + wohnen
    figures["bedarf_eltern"] = bedarf
    figures["wohnkostenanteil_prozent"] = anteil
    expl.add("kinderzuschlag.bedarf_eltern", bedarf, "§ 6a Abs. 4 BKGG")

    minderung = r.minderung_elterneinkommen(income, bedarf, p)
    figures["minderung_einkommen"] = minderung
    expl.add("kinderzuschlag.minderung", minderung, "§ 6a Abs. 6 BKGG",
             income=income, need=bedarf, rate=percent(as_decimal(p("entzugsrate_eltern"))))

    persons = len(inp.adults) + len(inp.children)
    over = ZERO
    if inp.wealth > 0:
        frei = gs.vermoegensfreibetrag(persons, p)
        over = max(inp.wealth - frei, ZERO)
        expl.add("kinderzuschlag.vermoegen", over, "§ 6a Abs. 3, 6 BKGG, § 12 Abs. 4 SGB II",
                 wealth=inp.wealth, exempt=frei, persons=persons)
    figures["basisbetrag"] = max(total_children - minderung, ZERO)
    raw = max(total_children - minderung - over, ZERO)
    figures["betrag_ungerundet"] = raw
    monthly = r.auf_euro(raw)
    expl.add("kinderzuschlag.betrag", monthly, "§ 6a Abs. 6 BKGG, § 11 Abs. 2 BKGG", raw=raw)

    if brutto < minimum:
        reasons.append(Reason("kinderzuschlag.grund.mindesteinkommen", {"income": brutto, "minimum": minimum}))
        reasons.append(Reason("kinderzuschlag.grund.buergergeld_pruefen"))
        return result(False, ZERO, buergergeld=True)
    if monthly <= 0:
        key = "kinderzuschlag.grund.vermoegen" if over > 0 and total_children - minderung > 0 else "kinderzuschlag.grund.einkommen_zu_hoch"
        reasons.append(Reason(key))
        return result(False, ZERO)

    # 6. does KiZ (+ Wohngeld) end the need under SGB II?
    shortfall = _fehlbetrag(inp, income, regel + mehr, monthly, p, expl)
    figures["fehlbetrag_sgb2"] = shortfall
    if inp.wohngeld is None:
        reasons.append(Reason("kinderzuschlag.grund.wohngeld_unbekannt"))
    if shortfall > 0:
        limit = as_decimal(p("erweiterter_zugang_fehlbetrag_m"))
        if shortfall <= limit and absetz_total >= limit:
            reasons.insert(0, Reason("kinderzuschlag.grund.erweiterter_zugang", {"shortfall": shortfall}))
            return result(True, monthly)
        reasons.insert(0, Reason("kinderzuschlag.grund.hilfebeduerftig", {"shortfall": shortfall}))
        reasons.insert(1, Reason("kinderzuschlag.grund.buergergeld_pruefen"))
        return result(None, monthly, buergergeld=True)
    reasons.insert(0, Reason("kinderzuschlag.grund.anspruch", {"amount": monthly, "children": len(kids)}))
    return result(True, monthly)


def _fehlbetrag(inp: KizInput, parents_income: Decimal, parents_regel: Decimal, kiz: Decimal,
                p: UsedParameters, expl: Explanation) -> Decimal:
    """How much the Bedarfsgemeinschaft lacks under SGB II with Kinderzuschlag and Wohngeld.

    Need: Regelbedarfe (+ Mehrbedarf) of all and the actual warm rent (its appropriateness is
    not checked); the rent is shared per head. A child's income (Kindergeld, maintenance, UVG,
    its share of the Kinderzuschlag) covers only its own need; surplus Kindergeld goes to the
    parent (§ 11 Abs. 1 Satz 5 SGB II). BuT needs stay out (§ 6a Abs. 1 Nr. 3 BKGG).
    Rechtsgrundlage: § 6a Abs. 1 Nr. 3, Abs. 1a BKGG, §§ 9, 11, 19, 22 SGB II
    """
    persons = len(inp.adults) + len(inp.children)
    rent_head = gs.kopfanteil(inp.warm_rent, persons)
    kids = [c for c in inp.children if r.ist_kiz_kind(c)]
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
    expl.add("kinderzuschlag.sgb2_pruefung", shortfall, "§ 6a Abs. 1 Nr. 3 BKGG, § 9 SGB II",
             need=round_cent(need), available=round_cent(available), wohngeld=wohngeld)
    return shortfall

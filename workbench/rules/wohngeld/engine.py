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
"""

from __future__ import annotations

from decimal import Decimal

from workbench.errors import CaseError
from workbench.explain import Explanation
from workbench.i18n import text
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules import grundsicherung as gs
from workbench.rules.benefit import (BenefitResult, Reason, UsedParameters, as_decimal, award_period, percent,
                                     raise_problems)
from workbench.rules.wohngeld import regeln as r
from workbench.rules.wohngeld.inputs import WohngeldInput, problems

P = parameters("wohngeld")
BENEFIT = "wohngeld"


def wohngeld(inp: WohngeldInput, language: str = "de") -> BenefitResult:
    """The monthly Wohngeld (Mietzuschuss) of the household in ``inp.month``.

    Bad input raises :class:`~workbench.errors.CaseError` with one message per problem in
    ``language``; a month outside the modelled years (2025–2026) raises
    :class:`~workbench.errors.UnsupportedPeriod`.
    Rechtsgrundlage: §§ 7, 12–21 WoGG
    """
    raise_problems(problems(inp), language)
    month = inp.month.replace(day=1)
    p = UsedParameters(P, month)
    expl = Explanation()
    reasons: list[Reason] = []
    figures: dict[str, Decimal] = {}
    period = award_period(month, int(p("bewilligungszeitraum_monate")))
    size = inp.size

    def result(eligible: bool | None, monthly: Decimal, buergergeld: bool = False) -> BenefitResult:
        return BenefitResult(
            benefit=BENEFIT, month=month, eligible=eligible, monthly=monthly, reasons=tuple(reasons),
            explanation=tuple(expl.steps), unverified=p.unverified, check_buergergeld=buergergeld,
            figures=dict(figures), period=period if eligible is not False else None,
        )

    expl.add("wohngeld.haushalt", size, "§ 5 WoGG")
    if inp.transfer_recipients:
        reasons.append(Reason("wohngeld.grund.transferleistung"))
        return result(False, ZERO, buergergeld=True)

    # 2. income
    y_sum = ZERO
    for i, m in enumerate(inp.members, 1):
        income = r.einkommen_mitglied(m, p)
        if income <= 0:
            continue
        rate = r.pauschalabzug_satz(m, p)
        after = round_cent(income * (1 - rate))
        y_sum += after
        expl.add("wohngeld.einkommen_mitglied", after, "§§ 14–16 WoGG", nr=i, income=round_cent(income),
                 rate=percent(rate))
    frei = r.freibetraege(inp.members, p)
    for key, amount in frei.items():
        if amount > 0:
            expl.add(f"wohngeld.freibetrag.{key}", amount, "§ 17a WoGG" if key == "grundrente" else "§ 17 WoGG")
    frei_total = sum(frei.values(), ZERO)
    figures["freibetraege"] = frei_total
    y = max(round_cent(y_sum - frei_total), ZERO)
    figures["einkommen"] = y
    expl.add("wohngeld.gesamteinkommen", y, "§ 13 WoGG", before=round_cent(y_sum), allowances=frei_total)

    # 3. rent
    stufe = inp.mietstufe if inp.mietstufe is not None else r.mietstufe(inp.municipality, p)
    if stufe is None:
        raise CaseError([text("wohngeld.eingabe.gemeinde", language, municipality=inp.municipality,
                              known=", ".join(r.bekannte_gemeinden(p)))])
    if inp.mietstufe is None:
        expl.add("wohngeld.mietstufe_gemeinde", stufe, "§ 12 Abs. 2 WoGG, Anlage zu § 1 Abs. 3 WoGV",
                 municipality=inp.municipality)
    hoechst = r.hoechstbetrag(stufe, size, p)
    klima = r.klimakomponente(size, p)
    heiz = r.heizkostenkomponente(size, p)
    counted = min(inp.rent_cold, hoechst + klima)
    expl.add("wohngeld.miete", counted, "§ 12 Abs. 1, 7 WoGG, Anlage 1", rent=inp.rent_cold, stufe=stufe,
             hoechst=hoechst, klima=klima)
    min_m, min_y = r.mindestwerte(size, p)
    m_value = max(counted, min_m) + heiz
    figures["miete"] = m_value
    expl.add("wohngeld.miete_mit_heizkosten", m_value, "§ 12 Abs. 6 WoGG, § 19 Abs. 2 WoGG, Anlage 3 Nr. 1",
             heiz=heiz, min_m=min_m)
    y_value = max(y, min_y)
    if y_value != y:
        expl.add("wohngeld.mindest_y", y_value, "§ 19 Abs. 2 WoGG, Anlage 3 Nr. 1", y=y)

    # 4. formula
    raw = r.formel(size, m_value, y_value, p)
    figures["betrag_ungerundet"] = raw
    amount = r.auf_euro(raw)
    expl.add("wohngeld.formel", amount, "§ 19 Abs. 1 WoGG, Anlagen 2 und 3", raw=round_cent(raw), m=m_value, y=y_value,
             size=size, factor=as_decimal(p("skalierungsfaktor")))
    minimum = as_decimal(p("mindestbetrag_m"))

    # 1. wealth (checked after the figures, so the explanation shows them)
    if inp.wealth > 0:
        limit_t = p("vermoegensgrenze")
        limit = as_decimal(limit_t["erstes"]) + as_decimal(limit_t["je_weiteres"]) * (size - 1)
        if inp.wealth > limit:
            reasons.append(Reason("wohngeld.grund.vermoegen", {"wealth": inp.wealth, "limit": limit}))
            return result(False, ZERO)
    if amount < minimum:
        reasons.append(Reason("wohngeld.grund.unter_mindestbetrag", {"amount": amount, "minimum": minimum}))
        return result(False, ZERO)

    # 5. plausibility of the income (VwV)
    if inp.net_income is None:
        reasons.append(Reason("wohngeld.grund.plausibilitaet_offen"))
    else:
        need, available = _plausibilitaet(inp, amount, expl)
        figures["plausibilitaet_bedarf"] = need
        figures["plausibilitaet_verfuegbar"] = available
        if available < need:
            reasons.insert(0, Reason("wohngeld.grund.plausibilitaet", {"need": need, "available": available}))
            reasons.insert(1, Reason("kinderzuschlag.grund.buergergeld_pruefen"))
            return result(None, amount, buergergeld=True)
    reasons.insert(0, Reason("wohngeld.grund.anspruch", {"amount": amount}))
    return result(True, amount)


def _plausibilitaet(inp: WohngeldInput, wohngeld: Decimal, expl: Explanation) -> tuple[Decimal, Decimal]:
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
        need += gs.mehrbedarf_alleinerziehende([c.age for c in children], gp)[1]
    need += sum((gs.regelbedarf_kind(c.age, gp) for c in children), ZERO)
    need += inp.rent_cold + inp.heating
    available = (inp.net_income or ZERO) + wohngeld + inp.kinderzuschlag + sum(
        (m.kindergeld + m.maintenance + m.uvg for m in inp.members), ZERO)
    need, available = round_cent(need), round_cent(available)
    expl.add("wohngeld.plausibilitaet", available, "WoGVwV Nr. 15.01 ff.", need=need)
    return need, available

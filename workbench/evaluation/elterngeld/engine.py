"""Elterngeld of a case: each parent's amount in each Lebensmonat, the plan check, the explanation.

This module wires the pure rules of :mod:`workbench.rules.elterngeld` (netto, einkommen, betrag,
plan, lebensmonate) and the Mutterschutz periods of :mod:`workbench.rules.mutterschutz` to the
case file. It does no I/O.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.parameter_tracking import tracking
from workbench.explain import Explanation
from workbench.i18n import text
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.elterngeld import betrag
from workbench.rules.elterngeld.einkommen import EinkommenNachGeburt, einkommen_nach_geburt, erwerb_vor_geburt
from workbench.rules.elterngeld.betrag import geschwisterbonus_berechtigt
from workbench.rules.elterngeld.berechtigung import check_berechtigung
from workbench.evaluation.elterngeld.aufnahme import berechtigung, elterngeld_vorher, geschwister, plan_start
from workbench.rules.elterngeld.geburten import check_modelled
from workbench.rules.elterngeld.lebensmonate import is_younger_than, lebensmonate
from workbench.rules.elterngeld.netto import Erwerb, Netto, elterngeld_netto
from workbench.rules.elterngeld.plan import (
    BASIS, BONUS, LEBENSMONATE, NONE, PLUS, PlanSituation, check_plan,
)
from workbench.rules.elterngeld.result import ElternteilErgebnis, ElterngeldResult, Monatsbetrag, month_ranges
from workbench.rules.mutterschutz import Schutzfristen, monate_mit_mutterschaftsleistungen, schutzfristen

if TYPE_CHECKING:
    from workbench.case import Case, Child, Parent

P = parameters("elterngeld")


def mutterschutz_fristen(case: "Case", child: "Child | None" = None, *, mother: str | None = None) -> Schutzfristen:
    """The mother's protection periods for the birth of ``child`` (default: the plan's child).

    The one place every topic takes them from (Elterngeld, Mutterschutz, Elternzeit letter, handout).
    12 instead of 8 weeks after the birth when the household holds more than one child of this birth.
    With the case's Mutterschutz data for this birth (and, given ``mother``, for this mother): its due
    date, actual birth, Frühgeburt (a doctor's finding) and the disability extension (on request).
    Without it: the due date ``weeks_early`` full weeks after the birth and no Frühgeburt – the weeks
    alone do not make one (§ 3 Abs. 2 Satz 2 Nr. 1 MuSchG needs the medical finding); the lost days of
    an early birth are added all the same.
    Rechtsgrundlage: § 3 Abs. 1, 2 MuSchG
    """
    child = child if child is not None else case.plan_child()
    mehrlinge = case.household.birth_size(child) > 1
    angaben = case.mutterschutz
    if (angaben is not None and angaben.due_date is not None
            and angaben.child in {c.id for c in case.household.birth_of(child)}
            and (mother is None or angaben.mother == mother)):
        birth = angaben.birth_date or (None if child.expected else child.birth_date)
        return schutzfristen(angaben.due_date, birth, fruehgeburt=angaben.premature, mehrlinge=mehrlinge,
                             behinderung=angaben.disability_extension)
    birth = child.birth_date
    return schutzfristen(birth + timedelta(weeks=child.weeks_early), birth, mehrlinge=mehrlinge)


def termin(case: "Case") -> date | None:
    """The due date of the plan's child from the case's Mutterschutz data, if it has them."""
    ms, child = case.mutterschutz, case.plan_child()
    return ms.due_date if ms is not None and ms.child == child.id else None


def mutterschutz_monate(case: "Case", parent: "Parent", child: "Child | None" = None) -> frozenset[int]:
    """Lebensmonate with Mutterschaftsleistungen: from month 1 to the month of the protection period's last day.

    Rechtsgrundlage: § 4 Abs. 4 Satz 3 BEEG, § 3 Abs. 2 MuSchG
    """
    child = child if child is not None else case.plan_child()
    if not parent.maternity_benefit or child.placement is not None:  # no birth in this household: no MuSchG
        return frozenset()
    ende = mutterschutz_fristen(case, child, mother=parent.id).ende
    return monate_mit_mutterschaftsleistungen(child.birth_date, ende)


def mutterschutz_ende(case: "Case", child: "Child | None" = None) -> date:
    """Last day of the protection period after the birth (8 or 12 weeks plus the days lost by an early birth).

    Rechtsgrundlage: § 3 Abs. 2 Satz 1–3 MuSchG
    """
    return mutterschutz_fristen(case, child).ende


def plan_situation(case: "Case") -> PlanSituation:
    """What the planning rules need, read from the case."""
    child = case.plan_child()
    birth = plan_start(case)
    older = case.older_children()
    hours: dict[str, dict[int, Decimal]] = {}
    for p in case.household.parents:
        hours[p.id] = {m: r.hours_per_week for r in p.income_after_birth for m in r.months()}
    return PlanSituation(
        birth=birth,
        parent_ids=tuple(p.id for p in case.household.parents),
        single_parent=case.household.single_parent,
        multiples=case.household.birth_size(child) > 1,
        weeks_early=child.weeks_early,
        disabled_newborn=child.disability,
        disabled_sibling_bonus=any(
            c.disability and is_younger_than(c.birth_date, int(P.value("geschwisterbonus_altersgrenzen", birth)["behindertes_kind_unter"]), birth)
            for c in older),
        income_before={p.id: p.income_before_birth.kind != "none" for p in case.household.parents},
        maternity_months={p.id: mutterschutz_monate(case, p, child) for p in case.household.parents if p.maternity_benefit},
        hours=hours,
        taxable_income={p.id: p.taxable_income_last_year for p in case.household.parents},
        names={p.id: p.name for p in case.household.parents if p.name},
    )


def _einkommen_nach_geburt(erwerb: Erwerb, netto: Netto, rate: Decimal, kinds: list[str], maternity: frozenset[int],
                           gross_after: dict[int, Decimal], birth: date, language: str,
                           expl: Explanation) -> dict[str, EinkommenNachGeburt]:
    """The income after the birth in the Basis and in the Plus/Bonus months outside Mutterschutz,
    each with the amount it leaves (explained).

    Rechtsgrundlage: § 2 Abs. 3, § 4a Abs. 2 BEEG
    """
    n = netto.fuer_betraege
    basis_months = [m for m, k in enumerate(kinds, 1) if k == BASIS and m not in maternity]
    plus_months = [m for m, k in enumerate(kinds, 1) if k in (PLUS, BONUS) and m not in maternity]
    after = {BASIS: einkommen_nach_geburt(erwerb, gross_after, basis_months, birth),
             PLUS: einkommen_nach_geburt(erwerb, gross_after, plus_months, birth)}
    capped = betrag.einkommen_vor_geburt_gedeckelt(n, birth)
    for kind, inc in after.items():
        if inc.netto is None:
            continue
        expl.add("einkommen.nach_geburt", inc.elterngeld_netto, "§ 2 Abs. 3 BEEG",
                 kind=text(f"art.{kind}", language), months=month_ranges(list(inc.months)), gross=inc.gross_m)
        raw = rate * max(capped - inc.elterngeld_netto, ZERO)
        paid = (betrag.basiselterngeld if kind == BASIS else betrag.elterngeldplus)(n, inc.elterngeld_netto, rate, birth)
        expl.add("betrag.mit_einkommen", paid, "§ 2 Abs. 3 BEEG" if kind == BASIS else "§ 4a Abs. 2 BEEG",
                 kind=text(f"art.{kind}", language), rate=rate,
                 capped=betrag.einkommen_vor_geburt_gedeckelt(netto.elterngeld_netto, birth), after=inc.elterngeld_netto,
                 raw=round_cent(raw))
    return after


def elternteil(case: "Case", parent: "Parent", kinds: list[str]) -> ElternteilErgebnis:
    """Elterngeld of one parent over the plan's Lebensmonate.

    Rechtsgrundlage: §§ 2, 2a, 3, 4, 4a, 4b BEEG
    """
    child = case.plan_child()
    birth = plan_start(case)
    older = geschwister(case, parent)
    expl = Explanation()
    if child.placement is not None and birth != child.birth_date:
        expl.add("einkommen.aufnahme", None, "§ 1 Abs. 3 Satz 2, § 4 Abs. 1 Satz 3 BEEG", date=birth,
                 last=berechtigung(case).last_day)
    erwerb = erwerb_vor_geburt(parent, child, expl, termin(case), start=birth, skip=elterngeld_vorher(case, parent))
    netto = elterngeld_netto(erwerb, birth)
    expl.extend(netto.explanation)
    n = netto.fuer_betraege
    # § 2 Abs. 2: a parent who worked has a rate even with an Elterngeld-Netto of 0 € (a Minijob of
    # 90 € minus the 102.50 € Pauschbetrag: 100 %), as the federal calculator reports it.
    has_income = parent.income_before_birth.kind != "none"
    rate = betrag.ersatzrate(n, birth)
    if has_income:
        expl.add("betrag.ersatzrate", rate, "§ 2 Abs. 1, 2 BEEG", netto=netto.elterngeld_netto)
    else:
        expl.add("betrag.keine_ersatzrate", None, "§ 2 Abs. 4 BEEG")
    basis0 = betrag.basiselterngeld(n, ZERO, rate, birth)
    plus0 = betrag.plus_anteil(basis0, birth)
    expl.add("betrag.basis", basis0, "§ 2 Abs. 1–4 BEEG", rate=rate, capped=betrag.einkommen_vor_geburt_gedeckelt(netto.elterngeld_netto, birth),
             min=P.value("basiselterngeld_mindestbetrag_m", birth), max=P.value("basiselterngeld_hoechstbetrag_m", birth))
    expl.add("betrag.plus", plus0, "§ 4a Abs. 2 Satz 1, 2 BEEG")

    lms = lebensmonate(birth, LEBENSMONATE)
    maternity = mutterschutz_monate(case, parent, child)
    children_born = case.household.birth_size(child)
    gross_after = {m: r.gross_monthly for r in parent.income_after_birth for m in r.months()}
    after = _einkommen_nach_geburt(erwerb, netto, rate, kinds, maternity, gross_after, birth, case.language, expl)

    months: list[Monatsbetrag] = []
    gb_months: list[int] = []
    amounts: dict[tuple[bool, bool, bool], tuple[Decimal, Decimal, Decimal]] = {}
    for lm, kind in zip(lms, kinds):
        m = lm.number
        if kind == NONE:
            continue
        plus = kind in (PLUS, BONUS)
        if m in maternity:
            months.append(Monatsbetrag(m, kind, lm.start, lm.end, ZERO, ZERO, ZERO, maternity=True))
            continue
        inc = after[PLUS if plus else BASIS]
        key = (plus, m in inc.months, geschwisterbonus_berechtigt(older, lm.start, birth) if older else False)
        if key not in amounts:  # the same kind, income and bonus give the same amount
            netto_nach = inc.elterngeld_netto if key[1] else ZERO
            amounts[key] = betrag.monatsbetrag(n, netto_nach, rate, plus, key[2], children_born, birth)
        base, gb, mz = amounts[key]
        if gb:
            gb_months.append(m)
        months.append(Monatsbetrag(m, kind, lm.start, lm.end, base + gb + mz, gb, mz,
                                   income_gross=gross_after.get(m, ZERO)))
    if maternity:
        expl.add("betrag.mutterschutz", ZERO, "§ 3 Abs. 1 Satz 1 Nr. 1, § 4 Abs. 4 Satz 3 BEEG",
                 months=month_ranges(sorted(maternity)))
    if gb_months:
        expl.add("betrag.geschwisterbonus", None, "§ 2a Abs. 1 BEEG", months=month_ranges(gb_months))
    mz_basis = betrag.mehrlingszuschlag(children_born, False, birth)
    if mz_basis:
        expl.add("betrag.mehrlingszuschlag", mz_basis, "§ 2a Abs. 4 BEEG", further=children_born - 1, born=children_born)

    gb_first = geschwisterbonus_berechtigt(older, birth, birth)
    basis_monthly = basis0 + (betrag.geschwisterbonus(basis0, False, birth) if gb_first else ZERO) + mz_basis
    plus_monthly = (plus0 + (betrag.geschwisterbonus(plus0, True, birth) if gb_first else ZERO)
                    + betrag.mehrlingszuschlag(children_born, True, birth))
    return ElternteilErgebnis(parent.id, parent.name, netto, rate if has_income else None,
                              basis_monthly, plus_monthly, months, expl)


def compute_elterngeld(case: "Case") -> ElterngeldResult:
    """Elterngeld for every parent of the case and the check of the plan against the BEEG."""
    birth = plan_start(case)
    check_modelled(birth, case.language)
    plan = case.elterngeld_plan
    kinds = {p.id: (plan.kinds(p.id) if plan else [NONE] * LEBENSMONATE) for p in case.household.parents}
    with tracking() as used:
        parents = {p.id: elternteil(case, p, kinds[p.id]) for p in case.household.parents}
        violations = check_plan(kinds, plan_situation(case)) + check_berechtigung(kinds, berechtigung(case))
    notes = []
    if any(p.taxable_income_last_year is None for p in case.household.parents):
        notes.append("hinweis.einkommensgrenze_nicht_geprueft")
    notes.append("hinweis.schaetzung")
    return ElterngeldResult(case.language, birth, parents, violations, notes,
                            used.provisional, used.unverified, taken_in=birth != case.plan_child().birth_date)

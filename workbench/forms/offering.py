"""Whether a form fits a case on a given day, and why not: a form that does not fit is neither offered nor filled.

- An Elterngeld application pays at most the three Lebensmonate before the month it arrives in
  (§ 7 Abs. 1 Satz 2 BEEG): once the last planned Lebensmonat lies more than three Lebensmonate
  back, the application pays nothing — an Elterngeld form for a five-year-old is not offered.
- The NRW sheet for the self-employed is filled for a self-employed (or mixed-income) parent only.
- The Elternzeit letter fits an employed parent with planned Elterngeld months *or* with Elternzeit
  periods entered in the Elternzeit wizard (leave without Elterngeld is common).
"""

from __future__ import annotations

from datetime import date

from workbench.case import Case
from workbench.evaluation.elterngeld.aufnahme import plan_start
from workbench.forms.registry import FormMap
from workbench.i18n import format_date, text
from workbench.rules.elterngeld.lebensmonate import lebensmonat_end

__all__ = ["EMPLOYED", "SELF_EMPLOYED", "claim_deadline", "unfit_reasons"]

EMPLOYED = ("employee", "minijob", "mixed")
SELF_EMPLOYED = ("self_employed", "mixed")
RETROACTIVE_MONTHS = 3
"""§ 7 Abs. 1 Satz 2 BEEG: paid back for the last three Lebensmonate before the month of the application."""


def claim_deadline(case: Case) -> date | None:
    """Last day an Elterngeld application for the plan still pays a planned month (§ 7 Abs. 1 Satz 2 BEEG).

    Arriving in Lebensmonat L, it pays from Lebensmonat L − 3: the last planned month M is still
    paid when L ≤ M + 3, i.e. up to the last day of Lebensmonat M + 3. The Lebensmonate of an adopted child
    (or one in Adoptionspflege) count from the day it was taken in (§ 1 Abs. 3 Satz 2, § 4 Abs. 1 Satz 3 BEEG).
    """
    plan = case.elterngeld_plan
    if plan is None:
        return None
    planned = [n for parent in plan.months for n, kind in enumerate(plan.kinds(parent), 1) if kind != "none"]
    if not planned:
        return None
    return lebensmonat_end(plan_start(case), max(planned) + RETROACTIVE_MONTHS)


def _explicit_leave(case: Case, parent_id: str | None) -> bool:
    if case.elternzeit is None:
        return False
    return any(parent_id is None or p.parent == parent_id for p in case.elternzeit.periods)


def unfit_reasons(case: Case, form: FormMap, applicant: str | None, today: date, language: str = "de") -> list[str]:
    """Why ``form`` does not fit the case for ``applicant`` on ``today`` (empty: it fits)."""
    reasons: list[str] = []
    names = {p.id: p.name or p.id for p in case.household.parents}
    if "plan" in form.fits:
        deadline = claim_deadline(case)
        if deadline is not None and today > deadline:
            reasons.append(text("forms.unfit.too_late", language, date=format_date(deadline, language)))
    if "self_employed" in form.fits and applicant is not None:
        if case.parent(applicant).income_before_birth.kind not in SELF_EMPLOYED:
            reasons.append(text("forms.unfit.not_self_employed", language, name=names[applicant]))
    if "employed_with_leave" in form.fits and applicant is not None:
        parent = case.parent(applicant)
        if parent.income_before_birth.kind not in EMPLOYED and not _explicit_leave(case, applicant):
            reasons.append(text("forms.unfit.not_employed", language, name=names[applicant]))
    return reasons

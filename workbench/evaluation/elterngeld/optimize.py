"""The exact Elterngeld plan optimizer: the top N legal plans of a family, with the engine's amounts.

``optimize(case)`` searches all plans of Lebensmonate 1–32 for one or two parents that keep every
planning rule of §§ 1, 4, 4a, 4b, 4c BEEG and the advisor's ``elterngeld_plan.constraints``.
The search (:mod:`optimize_search`) is a dynamic programme and exact; every plan it returns is
then computed again by :func:`compute_elterngeld` and checked by :func:`check_plan`, so the
amounts shown are the engine's. Constraints that no plan can meet raise :class:`InfeasiblePlan`
with a message naming the conflict. How it works and why it is exact: ``docs/optimizer.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from workbench.errors import InfeasiblePlan
from workbench.evaluation.elterngeld.aufnahme import plan_start
from workbench.evaluation.elterngeld.haushalt import Haushaltsgeld, haushaltsgeld
from workbench.evaluation.elterngeld.optimize_explain import Muster, explain_rank, family_key, muster, tie_sentence
from workbench.evaluation.elterngeld.optimize_model import KIND_OF_CODE, Modell, build_model, cents
from workbench.evaluation.elterngeld.optimize_search import Suche
from workbench.evaluation.elterngeld.optimize_state import NEG
from workbench.i18n import text
from workbench.money import as_json_number
from workbench.rules.elterngeld.geburten import check_modelled
from workbench.rules.elterngeld.plan import LEBENSMONATE, NONE, Violation, income_limit
from workbench.rules.elterngeld.result import ElterngeldResult

if TYPE_CHECKING:
    from workbench.case import Case

Objective = Literal["elterngeld", "household_income", "household_after_tax"]
OBJECTIVES: tuple[Objective, ...] = ("elterngeld", "household_income", "household_after_tax")
FINALISTS = 20
"""Objective ``household_after_tax``: this many distinct plans, best by ``household_income`` (exact), are
re-ranked by the household figure after the estimated income tax (one assessment per calendar year and
plan is too slow for the exhaustive search; docs/optimizer.md, ADR 0029 addendum)."""


@dataclass
class BewerteterPlan:
    """A plan with the engine's result, the household's money per month and (for the optimizer) why it ranks here."""

    months: dict[str, str]
    haushalt: Haushaltsgeld
    explanation: str = ""
    same: list[dict[str, str]] = field(default_factory=list)   # plans merged into this one: as much, months elsewhere
    tie: str = ""                                               # the sentence that names them

    @property
    def result(self) -> ElterngeldResult:
        return self.haushalt.result

    @property
    def total(self) -> Decimal:
        """Elterngeld as the engine computes it (the federal calculator's figure)."""
        return self.result.total

    @property
    def work_net(self) -> Decimal:
        """Net pay from work over Lebensmonate 1–32."""
        return self.haushalt.sum_of("arbeit")

    @property
    def household_income(self) -> Decimal:
        """The household's money over Lebensmonate 1–32: Elterngeld (with the uncovered days of a partly
        covered Mutterschutz month), Mutterschaftsleistungen and pay from work (:mod:`.haushalt`)."""
        return self.haushalt.total

    @property
    def household_after_tax(self) -> Decimal | None:
        """The household figure after the estimated income tax (§ 32b EStG), when it was estimated."""
        return self.haushalt.after_tax

    def to_json(self) -> dict[str, Any]:
        return {"months": self.months, "total": as_json_number(self.total),
                "household_income": as_json_number(self.household_income), "valid": self.result.valid,
                "explanation": self.explanation, "equivalent": self.same, "tie": self.tie,
                "household": self.haushalt.to_json()}


@dataclass
class Optimierung:
    """The optimizer's answer: plans best first, and how the search was done."""

    plans: list[BewerteterPlan]
    objective: Objective
    searched: str
    states: int = 0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The output contract of case-format.md ("Optimizer on the command line")."""
        return {"plans": [p.to_json() for p in self.plans], "searched": self.searched,
                "objective": self.objective}


def with_plan(case: "Case", months: dict[str, str]) -> "Case":
    """A copy of the case whose plan is ``months`` (the constraints are kept)."""
    from workbench.case import ElterngeldPlan

    old = case.elterngeld_plan
    plan = ElterngeldPlan(child=case.plan_child().id, months=months,
                          constraints=old.constraints if old is not None else None)
    return case.model_copy(update={"elterngeld_plan": plan})


def evaluate(case: "Case", months: dict[str, str], model: Modell | None = None) -> BewerteterPlan:
    """Compute a plan with the engine (amounts, violations) and the household's money per month."""
    return BewerteterPlan(months, haushaltsgeld(case, months, model))


def constraint_violations(months: dict[str, str], model: Modell) -> list[str]:
    """The advisor's constraints a plan breaks, as short descriptions (empty when it keeps them all)."""
    out: list[str] = []
    for p in model.parents:
        codes = months.get(p.pid, "").ljust(LEBENSMONATE, "-")
        kinds = [KIND_OF_CODE[c] for c in codes]
        for m, kind in enumerate(kinds, 1):
            if kind not in p.allowed[m - 1]:
                out.append(f"{p.pid}: month {m} {kind}")
        taken = [m for m, k in enumerate(kinds, 1) if k != NONE]
        if len(taken) < p.min_count or (p.max_count is not None and len(taken) > p.max_count):
            out.append(f"{p.pid}: {len(taken)} months")
        if p.earliest is not None and not any(m >= p.earliest - 1 for m in taken):
            out.append(f"{p.pid}: returns before month {p.earliest}")
    if model.min_household_cents is not None:
        plan_codes = {p.pid: months.get(p.pid, "").ljust(LEBENSMONATE, "-") for p in model.parents}
        amounts = {p.pid: p.preise.plan_amounts([KIND_OF_CODE[c] for c in plan_codes[p.pid]]) for p in model.parents}
        for m in range(1, LEBENSMONATE + 1):
            if any(plan_codes[p.pid][m - 1] != "-" for p in model.parents):
                total = sum(cents(amounts[p.pid][m - 1]) + p.extra.get((m, KIND_OF_CODE[plan_codes[p.pid][m - 1]]), 0)
                            for p in model.parents)
                if total < model.min_household_cents:
                    out.append(f"household income in month {m}")
    return out


def optimize(case: "Case", objective: Objective = "elterngeld", top: int = 5) -> Optimierung:
    """The ``top`` best legal plans for the family of the case, best first, each different in what the
    family would notice; plans that differ only by an equivalent swap are merged into one (``same``, ``tie``).

    Rechtsgrundlage: §§ 1 Abs. 6, 8, 2, 2a, 3, 4, 4a, 4b, 4c BEEG
    """
    check_modelled(plan_start(case), case.language)
    if objective not in OBJECTIVES:
        raise InfeasiblePlan(text("optimize.objective", case.language, objective=objective))
    household = objective in ("household_income", "household_after_tax")
    after_tax = objective == "household_after_tax"
    model = build_model(case, household=household)
    _refuse_impossible(model)
    tracked = [p for p in model.parents if p.tracked]

    def complete_plan_ok(months: dict[str, str]) -> bool:
        return not constraint_violations(months, model)

    # the minimum household income on averaged-income months can only be checked on whole plans
    deferred = bool(tracked) and model.min_household_cents is not None
    search = Suche(model, accept=complete_plan_ok if deferred else None)
    plans, complete = _distinct(case, model, search, max(top, FINALISTS) if after_tax else top)
    if not plans:
        raise InfeasiblePlan(_diagnose(case, model))
    if after_tax:
        plans = _after_tax(case, plans)[:top]
    for i, plan in enumerate(plans):
        plan.explanation = explain_rank(plans, i, objective, case.language)
    searched = "exact"
    if not complete:
        searched = ("incomplete: stopped after 20,000 candidates while checking the minimum household income "
                    "on months with averaged income; the plans shown are legal but not proven best")
    elif tracked:
        searched += " (income months counted per income level: " + ", ".join(p.pid for p in tracked) + ", § 2 Abs. 3 BEEG)"
    if after_tax:
        searched += (f"; the best {FINALISTS} distinct plans by household income re-ranked by the household "
                     "income after the estimated income tax (estimate, § 32b EStG)")
    return Optimierung(plans, objective, searched, search.states())


def _after_tax(case: "Case", plans: list[BewerteterPlan]) -> list[BewerteterPlan]:
    """The finalists with ``after_tax`` filled, best after tax first (ties keep the household order)."""
    from workbench.evaluation.steuer.aus_haushalt import mit_steuer

    for plan in plans:
        mit_steuer(case, plan)
    return sorted(plans, key=lambda p: p.haushalt.after_tax or 0, reverse=True)


MAX_CANDIDATES = 400
"""At most this many plans are taken off the search to find ``top`` distinct ones and the plans equal to them."""


def _distinct(case: "Case", model: Modell, search: Suche, top: int) -> tuple[list[BewerteterPlan], bool]:
    """The best plans, each computed by the engine and checked against the search's figure, with the
    plans of the same figure and the same months per kind and work merged into the first of them.

    The walk goes on until the plan after the last group's figure is worth less (every group complete)
    or :data:`MAX_CANDIDATES` plans were taken; then a tie sentence says "and more" without a count."""
    walk = search.walk()
    groups: dict[tuple[int, object], list[tuple[dict[str, str], Muster]]] = {}
    taken = 0
    complete_groups = True
    for value, months in walk:
        taken += 1
        if len(groups) >= top and value < min(v for v, _ in groups):
            break
        pattern = muster(model, months)
        key = (value, family_key(pattern))
        if key in groups:
            groups[key].append((months, pattern))
        elif len(groups) < top:
            groups[key] = [(months, pattern)]
        if taken >= MAX_CANDIDATES:
            complete_groups = walk.exhausted
            break
    names = {p.id: p.name or p.id for p in case.household.parents}
    shown = []
    for (value, _), members in groups.items():
        plan = evaluate(case, members[0][0], model)
        figure = plan.household_income if model.household else plan.total
        if not plan.result.valid or cents(figure) != value:
            raise RuntimeError(f"optimizer and engine disagree on {plan.months}: {value} vs {figure}")
        plan.same = [months for months, _ in members[1:]]
        plan.tie = tie_sentence(members[0][1], [pattern for _, pattern in members[1:]], names, case.language,
                                counted=complete_groups)
        shown.append(plan)
    return shown, len(shown) >= top or walk.exhausted or walk.pops < walk.max_pops


def _refuse_impossible(model: Modell) -> None:
    lang = model.language
    if model.income_limit_violated:
        v = income_limit({p: ["basis"] for p in model.situation.parent_ids}, model.situation)
        raise InfeasiblePlan(text("optimize.infeasible", lang, reasons=v[0].message(lang)))
    if model.conflicts:
        reasons = "; ".join(
            text("optimize.conflict_month", lang, constraint=k.constraint, parent=k.parent, month=k.month,
                 rule=k.rule, rule_text=_rule_text(k.rule, lang))
            for k in model.conflicts)
        raise InfeasiblePlan(text("optimize.infeasible", lang, reasons=reasons))


def _rule_text(rule: str, lang: str) -> str:
    return text(f"optimize.rule.{rule}", lang)


def _diagnose(case: "Case", model: Modell) -> str:
    """Name the constraints without which a legal plan exists."""
    lang = case.language
    plan = case.elterngeld_plan
    c = plan.constraints if plan is not None else None
    from workbench.evaluation.elterngeld.aufnahme import relations
    from workbench.rules.elterngeld.berechtigung import elterngeld_grundlage

    if all(elterngeld_grundlage(r) is None for r in relations(case).values()):  # § 1 Abs. 1, 3 BEEG (ADR 0032)
        return text("optimize.infeasible", lang, reasons=text("optimize.nobody_entitled", lang))
    if c is None:
        return text("optimize.infeasible", lang, reasons=text("optimize.no_legal_plan", lang))
    items: list[tuple[str, dict[str, Any]]] = []
    for name in ("at_home", "at_work", "fixed", "return_to_work", "min_months", "max_months"):
        for pid in getattr(c, name):
            rest = {k: v for k, v in getattr(c, name).items() if k != pid}
            items.append((f"{name} {pid}", {name: rest}))
    if c.min_household_income is not None:
        items.append(("min_household_income", {"min_household_income": None}))
    if c.both_at_home_month_1:
        items.append(("both_at_home_month_1", {"both_at_home_month_1": False}))
    culprits = []
    for label, update in items:
        relaxed = c.model_copy(update=update)
        assert plan is not None
        trial = case.model_copy(update={"elterngeld_plan": plan.model_copy(update={"constraints": relaxed})})
        s = Suche(build_model(trial))
        if s.value(1, s.root()) > NEG:
            culprits.append(label)
    if culprits:
        reasons = text("optimize.without", lang, names=", ".join(culprits))
    else:
        reasons = text("optimize.together", lang, names=", ".join(label for label, _ in items))
    return text("optimize.infeasible", lang, reasons=reasons)


__all__ = ["FINALISTS", "OBJECTIVES", "BewerteterPlan", "InfeasiblePlan", "Objective", "Optimierung", "Violation",
           "constraint_violations", "evaluate", "explain_rank", "optimize", "with_plan"]


def comparison_objective(case: "Case") -> Objective:
    """What the comparison's best plans are ranked by: the family's choice, else the household's money (ADR 0028).

    The household's money ranks plans only when the case says something about work after the birth
    (a work wish or entered part-time work): without it every month without Elterngeld would count
    as a month of full-time pay, and "best" would mean going back to work in month 3. Then the
    plans are ranked by Elterngeld, and the household figure is still shown.
    """
    plan = case.elterngeld_plan
    chosen = plan.constraints.objective if plan is not None and plan.constraints is not None else None
    if chosen is not None:
        return chosen
    wishes = plan is not None and plan.constraints is not None and bool(plan.constraints.work)
    entered = any(p.income_after_birth for p in case.household.parents)
    return "household_income" if wishes or entered else "elterngeld"


def ranking_figure(objective: Objective, elterngeld: Decimal, household: Decimal, after_tax: Decimal | None) -> Decimal:
    """The figure plans are ordered and their distance to the best measured by, the one the search maximised.

    The comparison, ``workbench compare`` and the handout use it with :func:`comparison_objective`, so the
    plan marked "bester Plan" is the one the search would have found: with no word about work after the
    birth that is the most Elterngeld, not the most household money of a plan that assumes full-time pay in
    every month without Elterngeld (ADR 0028, amended in session 8).
    """
    if objective == "elterngeld":
        return elterngeld
    if objective == "household_after_tax" and after_tax is not None:
        return after_tax
    return household

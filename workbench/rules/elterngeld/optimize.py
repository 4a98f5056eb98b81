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
from workbench.i18n import format_money, text
from workbench.money import ZERO, as_json_number
from workbench.rules.elterngeld.engine import month_ranges, check_modelled, compute_elterngeld
from workbench.rules.elterngeld.optimize_model import KIND_OF_CODE, Modell, build_model, cents
from workbench.rules.elterngeld.optimize_search import NEG, Suche
from workbench.rules.elterngeld.optimize_top import beste_plaene
from workbench.rules.elterngeld.plan import LEBENSMONATE, NONE, Violation, income_limit
from workbench.rules.elterngeld.result import ElterngeldResult

if TYPE_CHECKING:
    from workbench.case import Case

Objective = Literal["elterngeld", "household_income"]
OBJECTIVES: tuple[Objective, ...] = ("elterngeld", "household_income")


@dataclass
class BewerteterPlan:
    """A plan with the engine's result, the household income and (for the optimizer) why it ranks here."""

    months: dict[str, str]
    result: ElterngeldResult
    work_net: Decimal
    explanation: str = ""

    @property
    def total(self) -> Decimal:
        return self.result.total

    @property
    def household_income(self) -> Decimal:
        """Elterngeld plus the net pay of part-time work over Lebensmonate 1–32."""
        return self.result.total + self.work_net

    def to_json(self) -> dict[str, Any]:
        return {"months": self.months, "total": as_json_number(self.total),
                "household_income": as_json_number(self.household_income), "valid": self.result.valid,
                "explanation": self.explanation}


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


def work_net_total(model: Modell) -> Decimal:
    """Net pay of all part-time work of the household over Lebensmonate 1–32 (fixed by the case)."""
    return Decimal(sum(sum(p.work_net) for p in model.parents)) / 100


def evaluate(case: "Case", months: dict[str, str], model: Modell | None = None) -> BewerteterPlan:
    """Compute a plan with the engine (amounts, violations) and its household income."""
    model = model or build_model(case)
    return BewerteterPlan(months, compute_elterngeld(with_plan(case, months)), work_net_total(model))


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
        amounts = {p.pid: p.preise.plan_amounts([KIND_OF_CODE[c] for c in months.get(p.pid, "").ljust(LEBENSMONATE, "-")])
                   for p in model.parents}
        for m in range(1, LEBENSMONATE + 1):
            if any(months.get(p.pid, "").ljust(LEBENSMONATE, "-")[m - 1] != "-" for p in model.parents):
                total = sum(cents(amounts[p.pid][m - 1]) + p.work_net[m - 1] for p in model.parents)
                if total < model.min_household_cents:
                    out.append(f"household income in month {m}")
    return out


def optimize(case: "Case", objective: Objective = "elterngeld", top: int = 5) -> Optimierung:
    """The ``top`` best legal plans for the family of the case, best first.

    Rechtsgrundlage: §§ 1 Abs. 6, 8, 2, 2a, 3, 4, 4a, 4b, 4c BEEG
    """
    check_modelled(case.plan_child().birth_date, case.language)
    if objective not in OBJECTIVES:
        raise InfeasiblePlan(text("optimize.objective", case.language, objective=objective))
    model = build_model(case)
    _refuse_impossible(model)
    tracked = [p for p in model.parents if p.tracked]
    def complete_plan_ok(months: dict[str, str]) -> bool:
        return not constraint_violations(months, model)

    # the minimum household income on averaged-income months can only be checked on whole plans
    deferred = bool(tracked) and model.min_household_cents is not None
    found = beste_plaene(Suche(model), top, accept=complete_plan_ok if deferred else None)
    if not found.plans:
        raise InfeasiblePlan(_diagnose(case, model))
    work = work_net_total(model)
    plans = []
    for value, months in found.plans:
        plan = BewerteterPlan(months, compute_elterngeld(with_plan(case, months)), work)
        if not plan.result.valid or cents(plan.total) != value:
            raise RuntimeError(f"optimizer and engine disagree on {months}: {value} vs {plan.total}")
        plans.append(plan)
    key = (lambda p: p.total) if objective == "elterngeld" else (lambda p: p.household_income)
    plans.sort(key=key, reverse=True)  # stable: the search order breaks ties
    for i, plan in enumerate(plans):
        plan.explanation = explain_rank(plans, i, objective, case.language)
    searched = "exact"
    if not found.complete:
        searched = ("incomplete: stopped after 20,000 candidates while checking the minimum household income "
                    "on months with averaged income; the plans shown are legal but not proven best")
    elif tracked:
        searched += " (income months counted per income level: " + ", ".join(p.pid for p in tracked) + ", § 2 Abs. 3 BEEG)"
    return Optimierung(plans, objective, searched, found.states)


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


def _describe(kind_code: str, lang: str) -> str:
    return text(f"art.{KIND_OF_CODE[kind_code]}", lang)


def explain_rank(plans: list[BewerteterPlan], i: int, objective: Objective, lang: str) -> str:
    """Why plan i ranks above plan i + 1 (the runner-up), from the month amounts of both."""
    def score(p: BewerteterPlan) -> Decimal:
        return p.total if objective == "elterngeld" else p.household_income

    if i + 1 >= len(plans):
        if i == 0:
            return text("optimize.only", lang)
        return text("optimize.last", lang, diff=format_money(score(plans[0]) - score(plans[i]), lang))
    this, other = plans[i], plans[i + 1]
    reasons = []
    for pid, res in this.result.parents.items():
        mine = {m.month: m for m in res.months}
        theirs = {m.month: m for m in other.result.parents[pid].months}
        codes_a = this.months.get(pid, "").ljust(LEBENSMONATE, "-")
        codes_b = other.months.get(pid, "").ljust(LEBENSMONATE, "-")
        groups: dict[tuple[str, str, bool], list[int]] = {}
        for m in range(1, LEBENSMONATE + 1):
            a = mine[m].amount if m in mine else ZERO
            b = theirs[m].amount if m in theirs else ZERO
            if codes_a[m - 1] != codes_b[m - 1] or a != b:
                work = bool((mine[m].income_gross if m in mine else ZERO) or (theirs[m].income_gross if m in theirs else ZERO))
                groups.setdefault((codes_a[m - 1], codes_b[m - 1], work), []).append(m)
        for (ka, kb, work), months in groups.items():
            delta = sum(((mine[m].amount if m in mine else ZERO) - (theirs[m].amount if m in theirs else ZERO)
                         for m in months), ZERO)
            key = "optimize.reason" if ka != kb else "optimize.reason_same_kind"
            reasons.append((abs(delta), text(key, lang, parent=pid, new=_describe(ka, lang), old=_describe(kb, lang),
                                             months=month_ranges(months), work=text("optimize.during_work", lang) if work else "",
                                             delta=_signed(delta, lang))))
    reasons.sort(key=lambda r: r[0], reverse=True)
    listed = "; ".join(r for _, r in reasons[:3]) or text("optimize.no_difference", lang)
    diff = score(this) - score(other)
    if diff == ZERO:
        return text("optimize.ties", lang, next=i + 2, reasons=listed)
    return text("optimize.beats", lang, diff=format_money(diff, lang), next=i + 2, reasons=listed)


def _signed(amount: Decimal, lang: str) -> str:
    return ("+" if amount >= 0 else "−") + format_money(abs(amount), lang)


__all__ = ["OBJECTIVES", "BewerteterPlan", "InfeasiblePlan", "Objective", "Optimierung", "Violation",
           "constraint_violations", "evaluate", "explain_rank", "optimize", "with_plan"]

"""Brute force over small plan spaces, random legal plans and test families for the optimizer tests."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from workbench.case import Case, load_case
from workbench.evaluation.elterngeld.engine import plan_situation
from workbench.evaluation.elterngeld.optimize_model import KIND_OF_CODE, Modell, build_model
from workbench.rules.elterngeld.plan import LEBENSMONATE, check_plan

EMPLOYEE = {"kind": "employee", "gross_monthly": 3000, "tax_class": 4}


def family(parents: list[dict[str, Any]], children: list[dict[str, Any]] | None = None,
           constraints: dict[str, Any] | None = None, **household: Any) -> Case:
    children = children or [{"id": "K1", "birth_date": "2026-06-15"}]
    plan: dict[str, Any] = {"child": children[0]["id"], "months": {}}
    if constraints is not None:
        plan["constraints"] = constraints
    return load_case({"format": "workbench-case/1", "case_id": "t",
                      "household": {"parents": parents, "children": children, **household},
                      "elterngeld_plan": plan})


def plan_total(model: Modell, months: dict[str, str]) -> Decimal:
    """Total Elterngeld of a plan with the engine's month rule (Preise.plan_amounts)."""
    total = Decimal(0)
    for p in model.parents:
        kinds = [KIND_OF_CODE[c] for c in months.get(p.pid, "").ljust(LEBENSMONATE, "-")]
        total += sum(p.preise.plan_amounts(kinds), Decimal(0))
    return total


def legal(case: Case, model: Modell, months: dict[str, str]) -> bool:
    from workbench.evaluation.elterngeld.optimize import constraint_violations

    kinds = {p.pid: [KIND_OF_CODE[c] for c in months.get(p.pid, "").ljust(LEBENSMONATE, "-")] for p in model.parents}
    return not check_plan(kinds, plan_situation(case)) and not constraint_violations(months, model)


def brute_force(case: Case, free_months: int) -> list[tuple[Decimal, dict[str, str]]]:
    """Every plan whose months after ``free_months`` are none, legal ones with their totals, best first."""
    model = build_model(case)
    per_parent = []
    for p in model.parents:
        options = [sorted("-BP+"[i] for i in range(4)) for _ in range(free_months)]
        per_parent.append(["".join(t).rstrip("-") for t in itertools.product(*options)])
    out = []
    for combo in itertools.product(*per_parent):
        months = {p.pid: s for p, s in zip(model.parents, combo)}
        if legal(case, model, months):
            out.append((plan_total(model, months), months))
    out.sort(key=lambda t: t[0], reverse=True)
    return out


def household_total(model: Modell, months: dict[str, str]) -> Decimal:
    """The household's money of a plan from the optimizer's own month figures: Elterngeld (Preise.plan_amounts)
    plus every month's pay, Mutterschaftsleistungen and partly covered Mutterschutz month (ElternteilModell.extra)."""
    total = plan_total(model, months)
    for p in model.parents:
        codes = months.get(p.pid, "").ljust(LEBENSMONATE, "-")
        total += sum((Decimal(p.extra.get((m, KIND_OF_CODE[c]), 0)) / 100 for m, c in enumerate(codes, 1)), Decimal(0))
    return total


def distinct_totals(model: Modell, ranked: list[tuple[Decimal, dict[str, str]]], top: int) -> list[Decimal]:
    """The totals of the first ``top`` plans once plans with the same total and the same months per kind and
    work of each parent (an equivalent swap) are merged, as the optimizer shows them."""
    from workbench.evaluation.elterngeld.optimize_explain import family_key, muster

    seen: list[tuple[Decimal, object]] = []
    for total, months in ranked:
        key = (total, family_key(muster(model, months)))
        if key not in seen:
            seen.append(key)
    return [t for t, _ in seen[:top]]

"""The plan marked "bester Plan" is the one the search maximised, on the page, in `workbench compare` and in
the handout (ADR 0028: without a word about work after the birth the search compares Elterngeld alone).

Seen across the desk (session 8): for the twins the page's search found the plan with the most Elterngeld,
while the comparison marked the case's plan "bester Plan" by the household's money — two different "best"
plans on one page; and `workbench compare` offered as "Optimum" three months of Mutterschutz for the
mother and none for the father (the household's money with full pay in every other month).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from workbench.case import load_case
from workbench.evaluation.elterngeld.compare import compare_plans, standard_plans
from workbench.evaluation.elterngeld.optimize import comparison_objective, optimize
from workbench.evaluation.vergleich import compare, plan_choices
from workbench.ui.pages.vergleich.html import overview_table

TWINS = Path(__file__).resolve().parent / "cases" / "familien" / "zwillinge.json"


def _twins() -> dict[str, Any]:
    return json.loads(TWINS.read_text(encoding="utf-8"))


def test_without_work_after_the_birth_the_best_plan_is_the_one_with_the_most_elterngeld() -> None:
    case = load_case(_twins())
    assert comparison_objective(case) == "elterngeld"
    best = optimize(case, "elterngeld", top=1).plans[0]
    view = compare(case, plan_choices(case, [best]))
    totals = [c.total for c in view.columns]
    assert totals == sorted(totals, reverse=True) and view.columns[0].total == best.total
    assert [c.gap for c in view.columns] == [view.columns[0].total - c.total for c in view.columns]
    table = overview_table(view)
    assert "Weniger Elterngeld als der beste Plan" in table and "„Bester Plan“ heißt hier: das meiste Elterngeld" in table


def test_workbench_compare_offers_the_same_optimum_and_orders_by_it() -> None:
    case = load_case(_twins())
    plans = standard_plans(case)
    optimum = dict(plans)["Optimum"]
    assert optimum == optimize(case, "elterngeld", top=1).plans[0].months
    assert optimum.get("B", "").count("B") > 2  # not the household's "back to work after the Mutterschutz"
    rows = compare_plans(case, plans).rows
    assert rows[0].name == "Optimum" and rows[0].gap == 0
    assert all(r.gap == rows[0].plan.total - r.plan.total for r in rows)


def test_with_work_after_the_birth_the_household_money_decides() -> None:
    data = copy.deepcopy(_twins())
    data["household"]["parents"][1]["income_after_birth"] = [
        {"from_month": 3, "to_month": 14, "gross_monthly": 2000, "hours_per_week": 24}]
    case = load_case(data)
    assert comparison_objective(case) == "household_income"
    view = compare(case, plan_choices(case))
    money = [c.household_income for c in view.columns]
    assert money == sorted(money, reverse=True)
    assert "„Bester Plan“ heißt hier" not in overview_table(view)

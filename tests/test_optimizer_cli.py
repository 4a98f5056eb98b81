"""`workbench optimize` and `workbench compare`: the JSON of case-format.md, a readable table, exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import EXAMPLE, run, write_case


def example(tmp_path: Path, **constraints: object) -> str:
    case = json.loads(EXAMPLE.read_text())["case"]
    if constraints:
        case["elterngeld_plan"]["constraints"] = constraints
    return write_case(tmp_path, case)


def test_optimize_prints_the_top_plans_best_first_as_case_format_json(tmp_path: Path) -> None:
    out = run("optimize", example(tmp_path), "--top", "3")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["searched"] == "exact" and len(data["plans"]) == 3
    totals = [p["total"] for p in data["plans"]]
    assert totals == sorted(totals, reverse=True) and totals[0] > 20862.22  # beats the case's own plan
    assert set(data["plans"][0]) >= {"months", "total", "household_income", "valid", "explanation"}
    assert all(p["valid"] for p in data["plans"])


def test_optimize_with_the_household_objective_reports_the_household_income(tmp_path: Path) -> None:
    out = run("optimize", example(tmp_path), "--objective", "household_income", "--top", "1")
    plan = json.loads(out.stdout)["plans"][0]
    assert plan["household_income"] > plan["total"]


def test_compare_prints_a_table_with_the_optimum_the_variants_and_the_case_plan(tmp_path: Path) -> None:
    out = run("compare", example(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "Optimum" in out.stdout and "Plan im Fall" in out.stdout and "7+7 Basiselterngeld" in out.stdout
    assert "20.862,22 €" in out.stdout
    data = json.loads(run("compare", example(tmp_path), "--json").stdout)
    first = data["plans"][0]
    assert first["difference_to_best"] == 0 and len(first["household_income_per_month"]["A"]) == 32


def test_infeasible_constraints_exit_2_with_a_message_naming_the_conflict(tmp_path: Path) -> None:
    out = run("optimize", example(tmp_path, min_months={"A": 30}))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.startswith("Keine zulässige Aufteilung:") and "min_months A" in out.stderr


def test_bad_input_to_optimize_exits_2_without_a_traceback(tmp_path: Path) -> None:
    bad_top = run("optimize", example(tmp_path), "--top", "0")
    assert bad_top.returncode == 2 and "Traceback" not in bad_top.stderr
    bad_fixed = run("optimize", example(tmp_path, fixed={"A": "BBX"}))
    assert bad_fixed.returncode == 2 and "Traceback" not in bad_fixed.stderr
    assert "elterngeld_plan.constraints.fixed.A" in bad_fixed.stderr and "„X“" in bad_fixed.stderr
    missing = run("compare", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr

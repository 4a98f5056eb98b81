"""Test cases as data: tests/cases/elterngeld/*.yaml, one runner (STYLE.md, item 8)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.case import load_case
from workbench.rules.elterngeld.engine import compute_elterngeld

DATA = yaml.safe_load((Path(__file__).parent / "cases" / "elterngeld" / "reference-b3.yaml").read_text(encoding="utf-8"))
BIRTHS = {"2025": date(2025, 6, 15), "2026": date(2026, 6, 15)}


def build(spec: dict[str, Any], birth: date) -> dict[str, Any]:
    parent: dict[str, Any] = {"id": "A", "income_before_birth": spec["income"]}
    if "after" in spec:
        parent["income_after_birth"] = [spec["after"]]
    children: list[dict[str, Any]] = [{"id": "K1", "birth_date": birth.isoformat(), "count": spec.get("count", 1)}]
    if "sibling_years" in spec:
        children.append({"id": "K0", "birth_date": birth.replace(year=birth.year - spec["sibling_years"]).isoformat()})
    return {"format": "workbench-case/1", "case_id": f"b3-{spec['id']}",
            "household": {"parents": [parent], "children": children},
            "elterngeld_plan": {"child": "K1", "months": {"A": spec.get("plan", "B" * 12)}}}


PARAMS = [(spec, year) for spec in DATA["cases"] for year in ("2025", "2026")]


@pytest.mark.parametrize("spec, year", PARAMS, ids=[f"{s['id']}-{y}" for s, y in PARAMS])
def test_reference_b3(spec: dict[str, Any], year: str) -> None:
    result = compute_elterngeld(load_case(build(spec, BIRTHS[year]))).to_json()["parents"]["A"]
    months = {m["month"]: m["amount"] for m in result["months"]}
    for key, expected in spec[year].items():
        got = months[int(key.split("_")[1])] if key.startswith("month_") else result[key]
        assert abs(float(got) - float(expected)) <= DATA["tolerance"] + 1e-9, f"{spec['says']}: {key} {got} != {expected}"

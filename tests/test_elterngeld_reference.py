"""Test cases as data: tests/cases/elterngeld/*.yaml, one runner (STYLE.md, item 8)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.case import load_case
from workbench.maintenance.pruefstand import reference_case_data
from workbench.evaluation.elterngeld.engine import compute_elterngeld

DATA = yaml.safe_load((Path(__file__).parent / "cases" / "elterngeld" / "reference-b3.yaml").read_text(encoding="utf-8"))
BIRTHS = {"2025": date(2025, 6, 15), "2026": date(2026, 6, 15)}


PARAMS = [(spec, year) for spec in DATA["cases"] for year in ("2025", "2026")]


@pytest.mark.parametrize("spec, year", PARAMS, ids=[f"{s['id']}-{y}" for s, y in PARAMS])
def test_reference_b3(spec: dict[str, Any], year: str) -> None:
    result = compute_elterngeld(load_case(reference_case_data(spec, BIRTHS[year]))).to_json()["parents"]["A"]
    months = {m["month"]: m["amount"] for m in result["months"]}
    for key, expected in spec[year].items():
        got = months[int(key.split("_")[1])] if key.startswith("month_") else result[key]
        assert abs(float(got) - float(expected)) <= DATA["tolerance"] + 1e-9, f"{spec['says']}: {key} {got} != {expected}"

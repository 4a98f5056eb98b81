"""The `workbench` command: JSON as case-format.md says, explanations, clear errors, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.shared import SHARED

EXAMPLE = SHARED / "examples" / "elterngeld" / "ex-money-021.json"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True, text=True, timeout=120)


def write_case(tmp_path: Path, case: dict[str, Any]) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    return str(path)


def test_elterngeld_prints_the_result_json_of_the_case_format(tmp_path: Path) -> None:
    out = run("elterngeld", write_case(tmp_path, json.loads(EXAMPLE.read_text())["case"]))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["valid"] is True and data["total"] == 20862.22
    bonus = [m for m in data["parents"]["A"]["months"] if m["month"] == 13][0]
    assert bonus == {"month": 13, "kind": "bonus", "amount": 569.73, "geschwisterbonus": 0.0, "mehrlingszuschlag": 0.0,
                     "from": "2027-05-13", "to": "2027-06-12", "income_gross": 1550.0}
    assert set(data["parents"]["B"]) >= {"netto_before", "elterngeld_netto", "ersatzrate", "basis_monthly",
                                         "plus_monthly", "months", "total"}


def test_explain_prints_every_step_with_its_paragraph_in_german_or_english(tmp_path: Path) -> None:
    path = write_case(tmp_path, json.loads(EXAMPLE.read_text())["case"])
    de = run("elterngeld", path, "--explain")
    assert de.returncode == 0
    assert "Ersatzrate 0,65" in de.stdout and "(§ 2 Abs. 1, 2 BEEG)" in de.stdout and "20.862,22 €" in de.stdout
    en = run("elterngeld", path, "--explain", "--language", "en")
    assert "Replacement rate 0.65" in en.stdout and "€20,862.22" in en.stdout


def test_a_bad_case_file_exits_with_2_and_german_messages_per_field_without_traceback(tmp_path: Path) -> None:
    case = json.loads(EXAMPLE.read_text())["case"]
    case["household"]["parents"][1]["income_before_birth"]["tax_class"] = 9
    case["household"]["parents"][0]["hobby"] = "Lesen"
    out = run("elterngeld", write_case(tmp_path, case))
    assert out.returncode == 2
    assert "household.parents[1].income_before_birth.tax_class: muss 1 bis 6 sein" in out.stderr
    assert "household.parents[0].hobby" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def test_english_cases_get_english_messages(tmp_path: Path) -> None:
    case = json.loads(EXAMPLE.read_text())["case"] | {"language": "en"}
    case["household"]["parents"][1]["income_before_birth"]["tax_class"] = 0
    out = run("elterngeld", write_case(tmp_path, case))
    assert out.returncode == 2 and "tax_class: must be 1 to 6" in out.stderr


def test_invalid_json_a_missing_file_and_an_unmodelled_birth_exit_with_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{ nope", encoding="utf-8")
    for args in (("elterngeld", str(broken)), ("elterngeld", str(tmp_path / "missing.json"))):
        out = run(*args)
        assert out.returncode == 2 and out.stderr.strip() and "Traceback" not in out.stderr
    case = json.loads(EXAMPLE.read_text())["case"]
    case["household"]["children"][0]["birth_date"] = "2024-05-01"
    out = run("elterngeld", write_case(tmp_path, case))
    assert out.returncode == 2 and "Unterstützt werden Geburten ab 2025" in out.stderr  # open-ended since ADR 0019


def test_schema_prints_the_json_schema_of_the_case_format() -> None:
    out = run("schema")
    schema = json.loads(out.stdout)
    assert out.returncode == 0 and schema["properties"]["format"]
    assert schema["additionalProperties"] is False

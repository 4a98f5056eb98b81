"""``workbench mutterschutz`` and ``workbench elternzeit`` on an invented family (tests/cases/lebenslagen)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main

CASE = Path(__file__).parent / "cases" / "lebenslagen" / "aylin-jonas.json"


def test_mutterschutz_prints_the_periods_and_the_money(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mutterschutz", str(CASE)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["protection"] == {"start": "2026-05-04", "end": "2026-08-10", "days": 99, "weeks_after_birth": 8,
                                 "days_added": 14, "dismissal_protection_until": "2026-10-01"}
    assert out["maternity_benefit"]["kasse_total"] == 1287.0 and out["maternity_benefit"]["employer_total"] == 5643.0
    assert out["elterngeld_basis_months"] == [1, 2, 3]


def test_mutterschutz_explains_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mutterschutz", str(CASE), "--explain", "--language", "en"]) == 0
    assert "plus 14 days of the period before the birth lost" in capsys.readouterr().out


def test_elternzeit_lists_deadlines_and_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["elternzeit", str(CASE), "--today", "2027-04-20"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [p["notice_by"] for p in out["periods"]] == ["2026-06-23", "2027-04-13", "2029-03-02"]
    assert out["periods"][2]["after_third_birthday"] and out["periods"][2]["dismissal_protection_from"] == "2029-02-23"
    rules = {(f["parent"], f["rule"]) for f in out["findings"]}
    assert ("B", "frist_verpasst") in rules and ("A", "frist_vergangen") in rules
    assert out["lebensmonate"]["B"] == [13, 14]  # the period after the 3rd birthday lies beyond Lebensmonat 32


def test_a_case_without_the_part_exits_with_2_and_a_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads(CASE.read_text())
    del data["elternzeit"]
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data))
    assert main(["elternzeit", str(path)]) == 2
    assert "keinen Teil „elternzeit“" in capsys.readouterr().err

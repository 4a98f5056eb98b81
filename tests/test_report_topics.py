"""``workbench handout`` prints every topic the case holds after the plans (workbench/report/topics.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.test_care_case import kita_case
from workbench.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _handout_text(tmp_path: Path, data: dict[str, Any], *extra: str) -> str:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "handout.pdf"
    assert main(["handout", str(case), "-o", str(out), *extra]) == 0
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)


def test_mutterschutz_and_elternzeit_of_the_case_join_the_handout(tmp_path: Path) -> None:
    data = json.loads((ROOT / "tests" / "cases" / "lebenslagen" / "aylin-jonas.json").read_text(encoding="utf-8"))
    printed = _handout_text(tmp_path, data.get("case", data))
    assert "Mutterschutz und Mutterschaftsgeld" in printed and "Elternzeit" in printed


def test_the_kita_part_joins_the_handout_in_english(tmp_path: Path) -> None:
    printed = _handout_text(tmp_path, kita_case(), "--language", "en")
    assert "Kita place for your child (Bochum)" in printed
    assert "Registration in Bochum: the steps" in printed


def test_the_familys_kita_sheet_carries_no_research_notes(tmp_path: Path) -> None:
    """What the family takes home has no "nicht verifiziert" / "bitte prüfen" (the advisor's marks):
    the Kita steps name the Kita-Portal and stop there."""
    for language in ("de", "en"):
        folder = tmp_path / language
        folder.mkdir()
        printed = _handout_text(folder, kita_case(household_income_y=38000), "--language", language)
        assert "Kita-Portal" in printed
        for mark in ("nicht verifiziert", "not verified", "bitte prüfen", "please check", "Navigator"):
            assert mark not in printed, (language, mark)


def test_a_pure_elterngeld_case_gets_no_topic_sections(tmp_path: Path) -> None:
    data = json.loads((ROOT / "tests" / "cases" / "lebenslagen" / "aylin-jonas.json").read_text(encoding="utf-8"))
    case = data.get("case", data)
    case.pop("mutterschutz", None)
    case.pop("elternzeit", None)
    assert "Mutterschutz und Mutterschaftsgeld" not in _handout_text(tmp_path, case)

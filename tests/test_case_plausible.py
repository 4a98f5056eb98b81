"""A parent's date of birth within a lifetime of the children's births (workbench/case/plausible.py).

Issue 24: "a parent born in 1900 accepted" by the CLI. The case model refuses it for every entry
path, with the range to enter next to the field, German or English.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from workbench.case import load_case
from workbench.errors import CaseError


def case(parent_born: str | None, children: list[dict[str, Any]], language: str = "de",
         **extra: Any) -> dict[str, Any]:
    parent: dict[str, Any] = {"id": "A", "name": "Eva"}
    if parent_born:
        parent["birth_date"] = parent_born
    return {"format": "workbench-case/3", "case_id": "EG-20261201-PL", "language": language,
            "household": {"parents": [parent], "children": children}, **extra}


UNBORN = [{"id": "K1", "birth_date": "2026-06-15", "expected": True}]


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(CaseError) as caught:
        load_case(data)
    return caught.value.messages


def test_the_cli_refuses_a_parent_born_in_1900_with_the_range_beside_the_field(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case("1900-01-01", UNBORN)), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "workbench.cli", "elterngeld", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    # 80 and 12 years before the due date of 15 June 2026
    assert out.stderr.strip() == (
        "household.parents[0].birth_date: Mit dem Geburtsdatum 01.01.1900 wäre der Elternteil am 15.06.2026 "
        "(Geburt oder errechneter Termin des jüngsten Kindes) 126 Jahre alt. Bitte ein Geburtsdatum zwischen "
        "dem 15.06.1946 und dem 15.06.2014 eingeben oder das Feld leer lassen.")


def test_english_cases_read_the_range_in_english() -> None:
    text = "\n".join(str(p) for p in problems(case("1900-01-01", UNBORN, language="en")))
    assert "126 years old on 15 Jun 2026 (birth or due date of the youngest child)" in text, text
    assert "Please enter a date of birth between" in text


@pytest.mark.parametrize(("born", "ok"), [
    ("1946-06-15", True),    # 80 at the due date: a great-grandparent may claim (§ 1 Abs. 4 BEEG)
    ("1946-06-14", False),   # one day older
    ("2014-06-15", True),    # 12 at the due date
    ("2014-06-16", False),   # not yet 12
    ("2026-01-01", False),   # the child's year: the child's date in the parent's field
])
def test_the_bounds_are_12_and_80_years_at_the_youngest_childs_birth(born: str, ok: bool) -> None:
    older = {"id": "K0", "birth_date": "2020-03-01"}
    data = case(born, [older, *UNBORN])
    if ok:
        assert load_case(data).household.parents[0].birth_date.isoformat() == born
    else:
        assert any("parents[0].birth_date" in str(p) for p in problems(data))


def test_a_saved_case_stays_valid_years_later(monkeypatch: pytest.MonkeyPatch) -> None:
    # measured on the child's birth, not on today: the case of a 40-year-old mother reads in 2080 too
    monkeypatch.setenv("WORKBENCH_TODAY", "2080-01-01")
    assert load_case(case("1986-05-01", UNBORN)).household.parents[0].birth_date.year == 1986


def test_without_children_the_carer_may_be_old_but_not_126(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-07")
    care = {"recipient": {"pflegegrad": 2, "relation": "spouse", "at_home": True},
            "carer": {"parent": "A", "employed": False}}
    assert load_case(case("1935-02-01", [], care=care)).household.parents[0].birth_date.year == 1935  # 91
    text = "\n".join(str(p) for p in problems(case("1900-01-01", [], care=care)))
    assert "heute 126 Jahre alt" in text and "zwischen dem 07.12.1916 und dem 07.12.2014" in text, text


def test_a_parent_born_after_the_child_is_told_so_not_a_negative_age() -> None:
    # walk9: the model said "wäre … -4 Jahre alt"; a negative age reads as a program error
    text = "\n".join(str(p) for p in problems(case("2030-05-12", UNBORN)))
    assert "Mit dem Geburtsdatum 12.05.2030 wäre der Elternteil erst nach dem Kind (15.06.2026" in text, text
    assert "-" not in text.split("Jahre")[0] and "Jahre alt" not in text, text


def test_a_parent_born_in_the_future_without_children_is_told_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-07")
    care = {"recipient": {"pflegegrad": 2, "relation": "spouse", "at_home": True},
            "carer": {"parent": "A", "employed": False}}
    text = "\n".join(str(p) for p in problems(case("2030-05-12", [], care=care)))
    assert "Das Geburtsdatum 12.05.2030 liegt in der Zukunft." in text, text

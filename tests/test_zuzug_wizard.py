"""The wizard "Neu in Bochum" without a browser: the four fixture families entered step by step."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.memory_store import MemoryStore
from tests.test_care_wizards import fill
from workbench.ui.pages.zuzug import PARENTS, ZuzugWizard, new_zuzug_case


def enter(language: str, move: dict[str, Any], parents: dict[str, Any], children: dict[str, Any]) -> str:
    wizard = ZuzugWizard(new_zuzug_case(language), MemoryStore(), autosave_delay=0)
    fill(wizard, move)
    wizard._on_next()
    if PARENTS in parents:
        wizard.step.count.input.value = parents.pop(PARENTS)
    fill(wizard, parents)
    wizard._on_next()
    fill(wizard, children)
    wizard._on_next()
    return str(wizard.step.output.value)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-01")


def test_swedish_family_in_english() -> None:
    html = enter("en", {"zuzug.arrival": date(2026, 11, 25), "zuzug.from_place": "Sweden", "household.married": True,
                        "zuzug.foreign_benefit_m": "112"},
                 {"household.parents[0].name": "Anna", "zuzug.parents[0].citizenship": "eu",
                  "household.parents[1].name": "Erik", "zuzug.parents[1].citizenship": "eu",
                  "zuzug.parents[1].works": "abroad_eu", "zuzug.parents[1].work_state": "Sweden"},
                 {"household.children[0].personal.first_name": "Nils", "household.children[0].birth_date": date(2020, 5, 20)})
    assert "Difference Germany pays: €147.00 per child and month" in html
    assert "9 Dec 2026" in html  # registration within two weeks of 25 Nov
    assert "Legal right to all-day care (OGS)" in html and "neu-in-bochum-" in html


def test_student_single_parent_gets_no_kindergeld() -> None:
    html = enter("de", {"zuzug.arrival": date(2026, 9, 1)},
                 {PARENTS: 1, "household.parents[0].name": "Amal", "zuzug.parents[0].citizenship": "third",
                  "zuzug.parents[0].title": "studium_16b"},
                 {"household.children[0].birth_date": date(2022, 4, 12)})
    assert "<th scope=\"row\">Kindergeld</th><td>nein</td>" in html
    assert "<th scope=\"row\">Wohngeld</th><td>ja</td>" in html


def test_a_child_born_after_today_is_refused_at_its_field() -> None:
    """walk10: "Geburtstag des 2. Kindes" 12.12.2027 (today 01.12.2026) was taken, and the result planned school and
    Kita for a child not yet born; the family's children are here, so a birthday after today is refused."""
    wizard = ZuzugWizard(new_zuzug_case("de"), MemoryStore(), autosave_delay=0)
    fill(wizard, {"zuzug.arrival": date(2026, 11, 2), "zuzug.from_place": "Ukraine"})
    wizard._on_next()
    fill(wizard, {"household.parents[0].name": "Olena"})
    wizard._on_next()
    fill(wizard, {"household.children[0].personal.first_name": "Sofiia", "household.children[0].birth_date": date(2019, 7, 3),
                  "household.children[1].personal.first_name": "Maksym", "household.children[1].birth_date": date(2027, 12, 12)})
    wizard._on_next()
    assert wizard.index == 2
    field = wizard.step.fields()["household.children[1].birth_date"]
    assert "12.12.2027" in field.message.text and "Zukunft" in field.message.text
    assert wizard.step.fields()["household.children[0].personal.first_name"].input.value == "Sofiia"
    fill(wizard, {"household.children[1].birth_date": date(2024, 9, 21)})
    wizard._on_next()
    assert wizard.index == 3 and "Maksym" in str(wizard.step.output.value)

"""The Leistungscheck wizard asks per child in plain words: whose child, adopted or in care, twin of the child
above (ADR 0032, ADR 0027); the answers become ``parents``, ``placement`` and ``birth`` and come back on reload."""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.case import load_case
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.ui.kit.herkunft import RELATION, TWIN
from workbench.ui.kit.step import model_problems
from workbench.ui.pages.leistungscheck.steps import KinderStep


def step_with(rows: list[dict[str, Any]]) -> tuple[KinderStep, dict[str, Any]]:
    data: dict[str, Any] = {"format": "workbench-case/3", "case_id": "LC-H", "household": {
        "married": True, "parents": [{"id": "A", "name": "Jana"}, {"id": "B", "name": "Tobias"}], "children": []}}
    step = KinderStep("de")
    step.widget  # builds
    step.children.resize(len(rows))
    for row, values in zip(step.children.rows, rows):
        row.fields["birth_date"].write(values["birth_date"])
        row.fields[RELATION].write(values.get("relation", "both"))
        row.fields[TWIN].write(values.get("twin", False))
        if "taken_in" in values:
            step.store(data, lenient=True)  # the relation shows the date field
            row.fields["placement.date"].write(values["taken_in"])
    step.store(data)
    return step, data


def test_a_step_child_an_adopted_child_and_twins_become_case_fields_and_reload() -> None:
    step, data = step_with([
        {"birth_date": date(2018, 6, 1), "relation": "second"},
        {"birth_date": date(2024, 5, 2), "relation": "adoption_care", "taken_in": date(2025, 1, 10)},
        {"birth_date": date(2026, 2, 10)},
        {"birth_date": date(2026, 2, 10), "twin": True},
    ])
    children = data["household"]["children"]
    assert children[0]["parents"] == ["B"] and "placement" not in children[0]
    assert children[1]["parents"] == [] and children[1]["placement"] == {"kind": "adoption_care", "date": "2025-01-10"}
    assert children[2]["birth"] == children[3]["birth"] == "K3" and "birth" not in children[1]
    case = load_case(data)
    assert case.household.birth_size(case.child("K3")) == 2
    kg = leistungscheck(case, date(2026, 7, 1)).results["kindergeld"]
    assert kg.monthly == 4 * 259  # four children, 259 € each (§ 66 Abs. 1 EStG)
    again = KinderStep("de")
    again.widget
    again.load(data)
    assert [r.fields[RELATION].read() for r in again.children.rows] == ["second", "adoption_care", "both", "both"]
    assert [r.fields[TWIN].read() for r in again.children.rows] == [False, False, False, True]
    assert again.children.rows[1].fields["placement.date"].read() == "2025-01-10"


def test_unticking_a_twin_makes_two_single_births_again() -> None:
    step, data = step_with([{"birth_date": date(2026, 2, 10)}, {"birth_date": date(2026, 2, 10), "twin": True}])
    step.children.rows[1].fields[TWIN].write(False)
    step.store(data)
    assert all("birth" not in c for c in data["household"]["children"])


def test_a_day_of_taking_in_before_the_birth_shows_the_clis_message_at_the_date() -> None:
    step, data = step_with([{"birth_date": date(2024, 5, 2), "relation": "foster_care", "taken_in": date(2024, 1, 1)}])
    problems = model_problems(data, "de")
    assert problems == [("household.children[0].placement.date",
                         "der Tag der Aufnahme liegt vor der Geburt (2024-05-02) – bitte das Datum prüfen")]
    assert step.show_problem(*problems[0])
    assert "vor der Geburt" in step.children.rows[0].fields["placement.date"].message.text


def test_back_to_child_of_both_removes_parents_and_placement() -> None:
    step, data = step_with([{"birth_date": date(2024, 5, 2), "relation": "foster_care", "taken_in": date(2025, 1, 1)}])
    step.children.rows[0].fields[RELATION].write("both")
    step.store(data)
    child = data["household"]["children"][0]
    assert "parents" not in child and "placement" not in child


def test_the_elterngeld_wizard_asks_for_the_day_an_adopted_child_was_taken_in() -> None:
    from tests.memory_store import MemoryStore
    from workbench.evaluation.elterngeld.engine import compute_elterngeld
    from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case

    store = MemoryStore()
    wizard = ElterngeldWizard(new_case(), store, autosave_delay=0)
    wizard.steps[0].parents.rows[0].fields["name"].input.value = "Maren"  # type: ignore[attr-defined]
    wizard._on_next()
    kind = wizard.steps[1]
    kind.birth.input.value = "20.09.2025"  # type: ignore[attr-defined]
    kind.relation.write("adoption_care")  # type: ignore[attr-defined]
    kind.store(wizard.data, lenient=True)
    assert kind.taken_in.widget.layout.display is None  # type: ignore[attr-defined]
    kind.taken_in.input.value = "02.03.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 2
    data = store.open(wizard.case_id).data
    assert data["household"]["children"][0]["placement"] == {"kind": "adoption_care", "date": "2026-03-02"}
    data["elterngeld_plan"]["months"] = {"A": "BB"}
    assert compute_elterngeld(load_case(data)).birth == date(2026, 3, 2)  # Lebensmonate from the day taken in
    reopened = ElterngeldWizard(data, store, store.open(wizard.case_id).version, autosave_delay=0)
    reopened._on_next()
    assert reopened.steps[1].relation.read() == "adoption_care"  # type: ignore[attr-defined]
    assert reopened.steps[1].taken_in.read() == "2026-03-02"  # type: ignore[attr-defined]


def test_the_kita_wizard_offers_a_place_for_each_twin_and_reopens_as_twins() -> None:
    from tests.memory_store import MemoryStore
    from workbench.ui.pages.kita import COUNT, KitaWizard, new_kita_case

    store = MemoryStore()
    wizard = KitaWizard(new_kita_case(), store, autosave_delay=0)
    fields = wizard.step.fields()
    fields["household.parents[0].name"].input.value = "Aylin"
    fields["household.children[0].birth_date"].input.value = "10.03.2026"
    fields["kita.start"].input.value = "01.08.2027"
    wizard.step._fields[COUNT].write(2)  # type: ignore[attr-defined]
    wizard._on_next()
    wizard.step.fields()["kita.household_income_y"].input.value = "49.200"
    wizard._on_next()
    assert "2 Kinder, 2 Plätze" in wizard.step.output.value  # type: ignore[attr-defined]
    data = store.open(wizard.case_id).data
    assert [(c["id"], c.get("birth"), c["birth_date"]) for c in data["household"]["children"]] == [
        ("K1", "K1", "2026-03-10"), ("K1-2", "K1", "2026-03-10")]
    reopened = KitaWizard(data, store, store.open(wizard.case_id).version, autosave_delay=0)
    assert reopened.step._fields[COUNT].read() == 2  # type: ignore[attr-defined]

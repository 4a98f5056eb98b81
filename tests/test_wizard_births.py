"""The wizards' "Zwillinge/Mehrlinge?" answer writes one child entry per child of the birth (ADR 0027)."""

from __future__ import annotations

from datetime import date

from tests.memory_store import MemoryStore
from workbench.case import load_case
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case


def _to_child_step(wizard: ElterngeldWizard) -> None:
    step = wizard.steps[0]
    step.parents.rows[0].fields["name"].input.value = "Eva"  # type: ignore[attr-defined]
    wizard._on_next()


def test_twins_in_the_kind_step_become_two_children_of_one_birth_and_reopen_as_twins() -> None:
    store = MemoryStore()
    wizard = ElterngeldWizard(new_case(), store, autosave_delay=0)
    _to_child_step(wizard)
    kind = wizard.steps[1]
    kind.birth.input.value = "15.06.2026"  # type: ignore[attr-defined]
    kind.siblings.resize(1)  # type: ignore[attr-defined]
    kind.siblings.rows[0].fields["birth_date"].input.value = "01.02.2024"  # type: ignore[attr-defined]
    kind.count.write(2)  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 2
    data = store.open(wizard.case_id).data
    children = data["household"]["children"]
    assert [(c["id"], c.get("birth"), c["birth_date"]) for c in children] == [
        ("K1", "K1", "2026-06-15"), ("G1", None, "2024-02-01"), ("K1-2", "K1", "2026-06-15")]
    case = load_case(data)
    assert case.household.birth_size(case.plan_child()) == 2
    reopened = ElterngeldWizard(data, store, store.open(wizard.case_id).version, autosave_delay=0)
    reopened._on_next()
    again = reopened.steps[1]
    assert again.count.read() == 2 and len(again.siblings.rows) == 1  # type: ignore[attr-defined]
    # back to a single birth: the twin's entry goes, the sibling stays
    again.count.write(1)  # type: ignore[attr-defined]
    again.store(data)
    assert [(c["id"], c.get("birth")) for c in data["household"]["children"]] == [("K1", None), ("G1", None)]


def test_a_later_date_of_the_planned_child_moves_its_twin_with_it() -> None:
    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    _to_child_step(wizard)
    kind = wizard.steps[1]
    kind.birth.input.value = "15.06.2026"  # type: ignore[attr-defined]
    kind.count.write(3)  # type: ignore[attr-defined]
    data: dict = {"household": {"children": [{"id": "K1"}]}}
    kind.store(data)
    kind.birth.input.value = "20.06.2026"  # type: ignore[attr-defined]
    kind.store(data)
    assert [c["birth_date"] for c in data["household"]["children"]] == ["2026-06-20"] * 3


def test_a_step_that_edits_only_the_first_child_keeps_its_twin_on_the_same_day() -> None:
    from workbench.ui.kit.familie import keep_birth_together

    data: dict = {"household": {"children": [
        {"id": "K1", "birth": "K1", "birth_date": "2026-06-20", "expected": False},
        {"id": "G1", "birth_date": "2024-01-01"},
        {"id": "K1-2", "birth": "K1", "birth_date": "2026-06-15", "expected": True}]}}
    keep_birth_together(data)
    assert [(c["id"], c["birth_date"], c.get("expected")) for c in data["household"]["children"]] == [
        ("K1", "2026-06-20", False), ("G1", "2024-01-01", None), ("K1-2", "2026-06-20", False)]

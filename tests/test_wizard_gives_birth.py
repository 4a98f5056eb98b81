"""Mutterschaftsgeld follows who gives birth, never the order of the parents (ADR 0039, issues 16 and 24).

The Elterngeld wizard's income step asks per parent "Bringt das Kind zur Welt"; the Mutterschaftsgeld box is
ticked for that parent when she is employed and in the statutory health insurance (§ 24i SGB V, § 20 MuSchG).
"""

from __future__ import annotations

from typing import Any

from workbench.ui.pages.elterngeld.income import EinkommenStep


def two_parents(**child: Any) -> dict[str, Any]:
    return {"format": "workbench-case/3", "case_id": "GB-T", "household": {
        "parents": [{"id": "A", "name": "Jonas"}, {"id": "B", "name": "Aylin"}],
        "children": [{"id": "K1", "birth_date": "2026-09-01", "expected": True, **child}]}}


def step_for(data: dict[str, Any]) -> EinkommenStep:
    step = EinkommenStep("de")
    step.widget  # builds
    step.load(data)
    for form in step.forms:
        form.income["kind"].write("employee")
        form.income["health_insurance"].write("statutory")
        form.income["gross_monthly"].write(3000)
    return step


def test_nobody_gets_mutterschaftsgeld_by_the_order_of_entries() -> None:
    step = step_for(two_parents())
    assert [f.parent["maternity_benefit"].read() for f in step.forms] == [False, False]


def test_the_second_parent_who_gives_birth_gets_it() -> None:
    step = step_for(two_parents())
    step.forms[1].parent["gives_birth"].write(True)
    assert [f.parent["maternity_benefit"].read() for f in step.forms] == [False, True]
    data = two_parents()
    assert step.store(data)
    assert [p.get("gives_birth") for p in data["household"]["parents"]] == [False, True]
    assert [p.get("maternity_benefit") for p in data["household"]["parents"]] == [False, True]


def test_a_recorded_birth_is_suggested_on_opening_the_step() -> None:
    data = two_parents()
    data["household"]["parents"][0]["gives_birth"] = True
    step = step_for(data)
    assert [f.parent["maternity_benefit"].read() for f in step.forms] == [True, False]


def test_the_advisors_answer_stands() -> None:
    step = step_for(two_parents())
    step.forms[0].parent["gives_birth"].write(True)
    step.forms[0].parent["maternity_benefit"].write(False)  # self-employed before, no Mutterschaftsgeld: she unticks
    step.forms[0].income["health_insurance"].write("statutory_voluntary")
    assert step.forms[0].parent["maternity_benefit"].read() is False


def test_for_an_adopted_child_nobody_is_asked_or_gets_it() -> None:
    step = step_for(two_parents(placement={"kind": "adoption", "date": "2026-10-01"}, expected=False))
    assert [f.parent["gives_birth"].widget.layout.display for f in step.forms] == ["none", "none"]
    step.forms[0].parent["gives_birth"].write(True)  # even a stray tick suggests nothing
    assert [f.parent["maternity_benefit"].read() for f in step.forms] == [False, False]

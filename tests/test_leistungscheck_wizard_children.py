"""The Leistungscheck wizard asks per child: Wechselmodell? Kindergeld already (number)? (ADR 0027)."""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.case import load_case
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.ui.kit.step import model_problems
from workbench.ui.pages.leistungscheck.steps import RUNNING, KinderStep


def step_with(rows: list[dict[str, Any]]) -> tuple[KinderStep, dict[str, Any]]:
    data: dict[str, Any] = {"format": "workbench-case/3", "case_id": "LC-T", "household": {
        "single_parent": True, "parents": [{"id": "A", "current_income": {"kind": "employee", "gross_monthly": 1800}}],
        "children": []}}
    step = KinderStep("de")
    step.widget  # builds
    step.children.resize(len(rows))
    for row, values in zip(step.children.rows, rows):
        row.fields["birth_date"].write(values["birth_date"])
        row.fields["situation.education"].write("school")
        row.fields["situation.shared_care"].write(values.get("shared", False))
        row.fields[RUNNING].write(values.get("running", False))
        row.fields["receives.kindergeld.number"].write(values.get("number"))
    assert step.store(data)
    return step, data


def test_the_answers_become_receives_and_shared_care_and_reload() -> None:
    step, data = step_with([{"birth_date": date(2017, 3, 1), "running": True, "number": "123 fk 456789"},
                            {"birth_date": date(2019, 5, 2), "shared": True},
                            {"birth_date": date(2020, 1, 3), "number": "123FK000001"}])
    children = data["household"]["children"]
    assert children[0]["receives"] == {"kindergeld": {"number": "123 fk 456789", "parent": "A"}}
    assert "receives" not in children[1] and children[1]["situation"]["shared_care"] is True
    assert children[2]["receives"]["kindergeld"]["parent"] == "A"  # a number means it runs
    case = load_case(data)
    assert case.household.children[0].receives.kindergeld.number == "123FK456789"  # type: ignore[union-attr]
    check = leistungscheck(case, date(2026, 7, 1))
    uvg = {c.child_id: c for c in check.results["unterhaltsvorschuss"].children}
    assert uvg["K2"].eligible is False and uvg["K2"].reasons == ("leistungen.uvg.shared_care",)
    assert uvg["K1"].eligible is True
    assert [c.running for c in check.results["kindergeld"].children] == [True, False, True]
    again = KinderStep("de")
    again.widget
    again.load(data)
    assert [r.fields[RUNNING].read() for r in again.children.rows] == [True, False, True]


def test_a_wrong_kindergeldnummer_is_shown_at_its_field_with_the_clis_message() -> None:
    step, data = step_with([{"birth_date": date(2017, 3, 1), "running": True, "number": "12345"}])
    problems = model_problems(data, "de")
    assert problems == [("household.children[0].receives.kindergeld.number",
                         "Kindergeldnummer: drei Ziffern, FK, sechs Ziffern (z. B. 123FK456789) – "
                         "steht auf jedem Schreiben der Familienkasse")]
    assert step.show_problem(*problems[0])
    assert "Kindergeldnummer" in step.children.rows[0].fields["receives.kindergeld.number"].message.text


def test_unticking_removes_the_running_kindergeld() -> None:
    step, data = step_with([{"birth_date": date(2017, 3, 1), "running": True}])
    step.children.rows[0].fields[RUNNING].write(False)
    step.store(data)
    assert "receives" not in data["household"]["children"][0]

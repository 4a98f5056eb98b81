"""Issue 24: a saved case reopens at the step where it was left; the step names are links (back to any
step, forward only as far as reached and only from a valid step); adding a row keeps the keyboard focus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from workbench.store import CaseStore
from workbench.ui.kit.page import open_case_wizard
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case


def _to_step_3(wizard: ElterngeldWizard) -> None:
    step = wizard.steps[0]
    step.parents.rows[0].fields["name"].input.value = "Eva"  # type: ignore[attr-defined]
    wizard._on_next()
    wizard.steps[1].birth.input.value = "15.06.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 2, [s.message.text for s in wizard.steps]


def _links(wizard: ElterngeldWizard) -> list[tuple[str, str]]:
    """(kind, text) per step: "button" for a link, "current" for the step shown, "todo" for later steps."""
    out = []
    for item in wizard.step_links.children:
        if isinstance(item, w.Button):
            out.append(("button", item.description))
        else:
            out.append(("current" if 'aria-current="step"' in item.value else "todo", item.value))
    return out


def test_a_saved_case_reopens_at_the_step_where_it_was_left(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    wizard = ElterngeldWizard(new_case(), store, autosave_delay=0)
    _to_step_3(wizard)
    again = open_case_wizard({"case": wizard.case_id}, store, ElterngeldWizard, new_case)
    assert again.index == 2 and again.furthest == 2
    assert again.focus_target.value == wizard.focus_target.value  # the same step's title
    wizard.jump(0)  # back to the family; the next opening starts there, still able to go on to step 3
    reopened = open_case_wizard({"case": wizard.case_id}, store, ElterngeldWizard, new_case)
    assert (reopened.index, reopened.furthest) == (0, 2)


def test_the_step_names_are_links_back_and_forward_to_steps_already_reached() -> None:
    from tests.memory_store import MemoryStore

    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    kinds = [k for k, _ in _links(wizard)]
    assert kinds[0] == "current" and set(kinds[1:]) == {"todo"}  # nothing reached yet: no link forward
    _to_step_3(wizard)
    kinds = [k for k, _ in _links(wizard)]
    assert kinds[:3] == ["button", "button", "current"] and set(kinds[3:]) == {"todo"}
    assert _links(wizard)[0][1] == "1. Familie"
    wizard.jump(0)
    assert wizard.index == 0
    wizard.jump(4)  # never reached: stays
    assert wizard.index == 0
    birth = wizard.steps[0].parents.rows[0].fields["birth_date"]  # type: ignore[attr-defined]
    birth.input.value = "31.02.1990"
    wizard.jump(2)  # the family step is not valid now: the link does not leave it, the date keeps what was typed
    assert wizard.index == 0 and birth.input.value == "31.02.1990"
    assert birth.message.text.startswith("Diesen Tag gibt es nicht.")
    birth.input.value = "28.02.1990"
    wizard.jump(2)
    assert wizard.index == 2


def test_adding_the_second_parent_puts_the_focus_in_its_first_field(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.memory_store import MemoryStore

    focused: list[Any] = []
    monkeypatch.setattr(w.Text, "focus", lambda self: focused.append(self), raising=False)
    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    parents = wizard.steps[0].parents  # type: ignore[attr-defined]
    parents.add.click()
    assert len(parents.rows) == 2 and parents.add.layout.display == "none"  # the button is gone ...
    assert focused == [parents.rows[1].fields["name"].input]  # ... and the focus is in the new row

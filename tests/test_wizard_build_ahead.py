"""A step is built while the advisor works on the one before (issue 23: "Weiter" under 300 ms).

The income step holds about 75 widgets per parent; made at the click they took most of a "Weiter"
from "Kind" to "Einkommen". Building ahead makes the widgets only: the case is not written, and the
fields are filled from the case when the step is entered, as for a step built then.
"""

from __future__ import annotations

import copy

from tests.memory_store import MemoryStore
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case


def _at_the_child_step_with_two_parents() -> ElterngeldWizard:
    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=600)
    family = wizard.steps[0]
    family.parents.resize(2)  # type: ignore[attr-defined]
    for row, name in zip(family.parents.rows, ("Eva", "Jonas")):  # type: ignore[attr-defined]
        row.fields["name"].input.value = name
    wizard._on_next()
    assert wizard.index == 1
    return wizard


def test_the_income_step_gets_a_section_per_parent_before_it_is_entered_and_nothing_is_written() -> None:
    wizard = _at_the_child_step_with_two_parents()
    before = copy.deepcopy(wizard.data)
    wizard._build_next()
    income = wizard.steps[2]
    sections = list(income.forms)  # type: ignore[attr-defined]
    assert len(sections) == 2
    assert "Jonas" in sections[1].heading.value
    assert wizard.data == before  # building ahead writes nothing

    wizard.steps[1].birth.input.value = "01.09.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 2
    assert income.forms == sections  # type: ignore[attr-defined]  # entered: the same sections, filled from the case
    assert [f.income["tax_class"].input.value for f in income.forms] == [1, 1]  # type: ignore[attr-defined]


def test_a_parent_added_after_the_step_was_built_ahead_gets_a_section_when_it_is_entered() -> None:
    wizard = _at_the_child_step_with_two_parents()
    wizard._build_next()
    wizard._on_back()
    family = wizard.steps[0]
    family.parents.resize(1)  # type: ignore[attr-defined]
    wizard._on_next()
    wizard.steps[1].birth.input.value = "01.09.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    assert len(wizard.steps[2].forms) == 1  # type: ignore[attr-defined]
    assert "Eva" in wizard.steps[2].forms[0].heading.value  # type: ignore[attr-defined]

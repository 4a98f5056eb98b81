"""The family-shape questions are the same in every wizard (ui/kit/familie.py, ADR 0039): the Elterngeld wizard's
Kind step and the Leistungscheck's child rows build them from one function, and the answer "Verwandte betreuen es"
asks why the parents cannot and how related the carers are (§ 1 Abs. 4 BEEG)."""

from __future__ import annotations

from typing import Any

from tests.memory_store import MemoryStore
from workbench.case import load_case
from workbench.evaluation.elterngeld.aufnahme import relations
from workbench.ui.kit.familie import kind_fragen
from workbench.ui.kit.herkunft import RELATION
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case
from workbench.ui.pages.leistungscheck.steps import KinderStep


def _labels(fields: dict[str, Any]) -> dict[str, str]:
    return {name: f.input.description for name, f in fields.items()}


def test_both_wizards_ask_whose_child_with_the_same_words() -> None:
    elterngeld = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0).steps[1]
    elterngeld.widget  # builds
    leistungscheck = KinderStep("de")
    leistungscheck.widget
    leistungscheck.children.resize(1)
    row = leistungscheck.children.rows[0].fields
    shared = _labels(kind_fragen("de"))
    assert _labels(elterngeld.fragen) == shared  # type: ignore[attr-defined]
    assert {name: row[name].input.description for name in shared} == shared
    options = elterngeld.fragen[RELATION].input.options  # type: ignore[attr-defined]
    assert row[RELATION].input.options == options and ("Verwandte betreuen es, weil die Eltern es nicht können "
                                                       "(§ 1 Abs. 4 BEEG)", "relatives") in options


def test_grandparents_in_the_elterngeld_wizard_become_a_relatives_placement() -> None:
    store = MemoryStore()
    wizard = ElterngeldWizard(new_case(), store, autosave_delay=0)
    family = wizard.steps[0]
    family.parents.resize(2)  # type: ignore[attr-defined]
    for row, name in zip(family.parents.rows, ("Lotte", "Heinz")):  # type: ignore[attr-defined]
        row.fields["name"].input.value = name
    family.married.input.value = True  # type: ignore[attr-defined]
    wizard._on_next()
    kind: Any = wizard.steps[1]
    kind.birth.input.value = "10.05.2026"
    kind.relation.write("relatives")
    kind.store(wizard.data, lenient=True)
    assert [kind.fragen[n].widget.layout.display for n in ("placement.date", "placement.reason", "placement.degree")] \
        == [None, None, None]
    kind.taken_in.input.value = "01.06.2026"
    kind.fragen["placement.reason"].write("death")
    kind.fragen["placement.degree"].write(2)
    wizard._on_next()
    assert wizard.index == 2
    data = store.open(wizard.case_id).data
    child = data["household"]["children"][0]
    assert child["parents"] == [] and child["placement"] == {"kind": "relatives", "date": "2026-06-01",
                                                              "reason": "death", "degree": 2}
    # both grandparents count as relatives (no ``relatives`` list: all of the household), § 1 Abs. 4 BEEG
    assert relations(load_case(data)) == {"A": "verwandte", "B": "verwandte"}
    # back to "Kind von beiden": the relatives' facts go with the placement
    kind.relation.write("both")
    kind.store(data)
    assert "placement" not in data["household"]["children"][0]


def test_the_leistungscheck_asks_why_and_how_related_only_for_relatives() -> None:
    step = KinderStep("de")
    step.widget
    step.children.resize(1)
    row = step.children.rows[0].fields
    data: dict[str, Any] = {"format": "workbench-case/3", "case_id": "LC-V", "household": {
        "parents": [{"id": "A", "name": "Lotte"}], "children": []}}
    row["birth_date"].input.value = "10.05.2026"
    row[RELATION].write("foster_care")
    step.store(data, lenient=True)
    assert not any(p.endswith(("placement.reason", "placement.degree")) for p in step.fields())
    row[RELATION].write("relatives")
    step.store(data, lenient=True)
    row["placement.date"].input.value = "01.06.2026"
    row["placement.reason"].write("illness")
    row["placement.degree"].write(3)
    assert step.store(data)
    assert data["household"]["children"][0]["placement"] == {"kind": "relatives", "date": "2026-06-01",
                                                             "reason": "illness", "degree": 3}

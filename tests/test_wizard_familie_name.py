"""A case is saved once it can be found again: a first name, or "Anonym beraten" (walk9 N6, docs/beratung.md).

Walk9: "Weiter" on the Elterngeld wizard's first step with every field empty saved a case with no name at all
("EG-… Version 1"), which the start page then listed without a name. The family step, which every wizard about a
child opens with, now asks for a first name beside the first parent's field, or for the "Anonym beraten" tick;
until one of them is there nothing is saved, neither by "Weiter" nor by the draft saving in the background.
"""

from __future__ import annotations

import pytest

from tests.memory_store import MemoryStore
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case


def _wizard(store: MemoryStore, language: str = "de") -> ElterngeldWizard:
    data = new_case()
    data["language"] = language
    return ElterngeldWizard(data, store, autosave_delay=0)


@pytest.mark.parametrize(("language", "words"), [("de", "Bitte einen Vornamen eintragen"),
                                                 ("en", "Please enter a first name")])
def test_weiter_with_every_field_empty_saves_nothing_and_asks_for_a_first_name(language: str, words: str) -> None:
    store = MemoryStore()
    wizard = _wizard(store, language)
    wizard._on_next()
    assert wizard.index == 0 and store.versions == {} and wizard.saver.version is None
    name = wizard.steps[0].parents.rows[0].fields["name"]  # type: ignore[attr-defined]
    assert words in name.message.text and 'role="alert"' in name.message.widget.value


def test_ticking_married_alone_saves_no_nameless_draft() -> None:
    store = MemoryStore()
    wizard = _wizard(store)
    wizard.steps[0].married.input.value = True  # type: ignore[attr-defined]  # autosave_delay=0: the draft would be saved now
    assert store.versions == {}
    wizard.steps[0].parents.rows[0].fields["name"].input.value = "Eva"  # type: ignore[attr-defined]
    saved = store.open(wizard.case_id).data
    assert saved["household"]["parents"][0]["name"] == "Eva" and saved["household"]["married"] is True


def test_anonym_beraten_saves_a_case_without_names() -> None:
    store = MemoryStore()
    wizard = _wizard(store)
    wizard.steps[0].anonymous.input.value = True  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 1
    saved = store.open(wizard.case_id).data
    assert saved["anonymous"] is True and not saved["household"]["parents"][0].get("name")


def test_the_second_parents_name_is_enough() -> None:
    store = MemoryStore()
    wizard = _wizard(store)
    step = wizard.steps[0]
    step.parents.resize(2)  # type: ignore[attr-defined]
    step.parents.rows[1].fields["name"].input.value = "Jonas"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 1 and store.open(wizard.case_id).data["household"]["parents"][1]["name"] == "Jonas"

"""walk9: "Formular ausfüllen" with values missing listed the case paths and the form's id to the advisor
("Für das Formular elterngeld-bund …", "household.children[0].personal.first_name: Vorname(n) – Kind K1").

The page names the form by its title and each value by the field's name and whose it is; a child without
a first name is "1. Kind", never its internal id. The command line keeps the paths (its user edits the file).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from tests.memory_store import MemoryStore
from workbench.report.register import family_sheet_problems
from workbench.ui.pages.formulare import FormsWizard

FAMILIES = Path(__file__).resolve().parents[1] / "cases" / "familien"


def _twins_without_personal_data() -> dict[str, Any]:
    data = json.loads((FAMILIES / "zwillinge.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    for person in data["household"]["parents"] + data["household"]["children"]:
        person.pop("personal", None)
    data["household"].pop("address", None)
    return data


def test_filling_with_values_missing_names_the_form_and_the_fields_not_paths_or_ids() -> None:
    data = _twins_without_personal_data()
    store = MemoryStore()
    store.save(data, expected_version=None)
    page = FormsWizard(store, "de", data["case_id"])  # type: ignore[arg-type]
    page.form_choice.value = "elterngeld-bund"
    assert page.inputs
    page.fill()
    shown = page.result.value
    assert "Für „Antrag auf Elterngeld (bundeseinheitlich, Geburten ab 01.04.2024)“ fehlen noch diese Angaben" in shown
    assert "Vorname(n) – 1. Kind" in shown and "Kind K" not in shown, shown
    assert "household." not in shown and "elterngeld-bund" not in shown
    assert not [p for p in family_sheet_problems(shown, "de", (data["case_id"],)) if p.startswith(("case id", "internal id", "child id", "path"))], shown


def test_the_forms_page_switches_language_and_keeps_the_case_the_form_and_what_was_typed() -> None:
    """walk9 N5: every page has the Deutsch/English switch; the forms page had none (only ?lang=en). The page is built
    again in the other language with the same case, form and applicant, and a value typed but not saved stays."""
    import ipywidgets as w

    from workbench.ui.kit.widgets import copy_entries

    data = _twins_without_personal_data()
    store = MemoryStore()
    store.save(data, expected_version=None)
    holder = w.VBox([])
    pages: list[FormsWizard] = []

    def make(language: str, case_id: str | None, old: FormsWizard | None = None) -> None:
        page = FormsWizard(store, language, case_id, on_language=lambda lang: make(lang, None, page))  # type: ignore[arg-type]
        if old is not None:
            page.take_over(old)
        pages.append(page)
        holder.children = (page.widget,)

    make("de", data["case_id"])
    german = pages[-1]
    german.form_choice.value = "elterngeld-bund"
    typed = german.inputs[0]
    typed.input.value = "Özdemir-Schmidt"
    german.header.toggle.value = "en"  # the advisor clicks "English"
    english = pages[-1]
    assert english is not german and holder.children == (english.widget,)
    assert english.language == "en" and '<h1 lang="en">Fill in forms</h1>' == english.title.value
    assert english.form_choice.value == "elterngeld-bund"
    assert english.parent_choice.value == german.parent_choice.value
    assert [i.item.path for i in english.inputs] == [i.item.path for i in german.inputs]
    assert english.inputs[0].input.value == "Özdemir-Schmidt"  # typed, not saved, not lost
    assert store.open(data["case_id"]).version == 1  # the switch saved nothing
    english.header.toggle.value = "de"
    assert pages[-1].inputs[0].input.value == "Özdemir-Schmidt" and pages[-1].language == "de"
    # a choice keeps its value across languages, a text shown is the new language's
    a, b = w.VBox([w.Dropdown(options=[("ja", True), ("nein", False)], value=False), w.HTML("x")]), \
        w.VBox([w.Dropdown(options=[("yes", True), ("no", False)], value=True), w.HTML("y")])
    copy_entries(a, b)
    assert b.children[0].value is False and b.children[1].value == "y"


def test_open_without_a_chosen_case_asks_for_one_and_never_says_none() -> None:
    """walk10: "Fall öffnen" on the page as first opened (no case chosen in the list) said
    'Der Fall „None“ wurde nicht gefunden – bitte einen gespeicherten Fall wählen.'"""
    store = MemoryStore()
    store.save(_twins_without_personal_data(), expected_version=None)
    page = FormsWizard(store, "de")  # type: ignore[arg-type]
    page.picker.value = None
    page.open_button.click()
    shown = page.alert.text
    assert "None" not in shown and "Bitte zuerst oben einen gespeicherten Fall auswählen" in shown
    assert page.data is None

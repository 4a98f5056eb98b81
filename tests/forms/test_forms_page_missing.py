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

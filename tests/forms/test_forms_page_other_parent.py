"""Issue 18/16: the forms page asks a single parent about the child's other parent, who lives elsewhere.

Nothing about that person is required (the form's place stays empty when the family does not know);
what is entered goes to ``household.other_parent`` and from there into the NRW Elterngeld form's
second column and KG 1's Anlage Kind — never the applicant's own address.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from tests.memory_store import MemoryStore
from workbench.ui.pages.formulare import FormsWizard

FAMILIES = Path(__file__).resolve().parents[1] / "cases" / "familien"


def _family(name: str) -> dict[str, Any]:
    return json.loads((FAMILIES / f"{name}.json").read_text(encoding="utf-8"))


def _page(data: dict[str, Any], form: str) -> tuple[FormsWizard, MemoryStore]:
    store = MemoryStore()
    store.save(data, expected_version=None)
    page = FormsWizard(store, "de", data["case_id"])  # type: ignore[arg-type]
    page.form_choice.value = form
    return page, store


def _single_mother_without_other_parent() -> dict[str, Any]:
    data = copy.deepcopy(_family("alleinerziehend"))
    del data["household"]["other_parent"]
    return data


def test_a_single_parent_is_asked_about_the_other_parent_and_the_answer_is_saved_in_the_case() -> None:
    page, store = _page(_single_mother_without_other_parent(), "elterngeld-nrw")
    assert page.asking_other and page.other_parent.widget in page.missing_box.children
    assert page.save_button in page.missing_box.children
    fields = page.other_parent.fields
    fields["first_name"].input.value = "Marek"
    fields["surname"].input.value = "Nowak"
    fields["birth_date"].input.value = "22.07.1993"
    fields["street"].input.value = "Rheinische Straße"
    fields["house_number"].input.value = "55"
    fields["postcode"].input.value = "44137"
    fields["city"].input.value = "Dortmund"
    page.save_missing()
    saved = store.open(page.data["case_id"]).data["household"]["other_parent"]  # type: ignore[index]
    assert saved == {"first_name": "Marek", "surname": "Nowak", "birth_date": "1993-07-22",
                     "address": {"street": "Rheinische Straße", "house_number": "55", "postcode": "44137",
                                 "city": "Dortmund"}}
    assert "Im Fall gespeichert" in page.missing_heading.value
    assert page.other_parent.fields["city"].input.value == "Dortmund"  # shown again from the case


def test_a_half_address_gets_a_message_beside_the_empty_part_and_nothing_is_lost() -> None:
    page, store = _page(_single_mother_without_other_parent(), "elterngeld-nrw")
    before = store.open(page.data["case_id"]).version  # type: ignore[index]
    fields = page.other_parent.fields
    fields["first_name"].input.value = "Marek"
    fields["street"].input.value = "Rheinische Straße"
    page.save_missing()
    assert fields["house_number"].message.text.startswith("Die Anschrift braucht Straße, Hausnummer")
    assert fields["street"].input.value == "Rheinische Straße" and fields["first_name"].input.value == "Marek"
    assert store.open(page.data["case_id"]).version == before  # type: ignore[index]


def test_only_the_name_known_and_clearing_it_again() -> None:
    page, store = _page(_single_mother_without_other_parent(), "kg1")
    assert page.asking_other  # KG 1's Anlage Kind names the other parent
    page.other_parent.fields["surname"].input.value = "Nowak"
    page.save_missing()
    case_id = page.data["case_id"]  # type: ignore[index]
    assert store.open(case_id).data["household"]["other_parent"] == {"surname": "Nowak"}
    page.other_parent.fields["surname"].input.value = ""
    page.save_missing()
    assert "other_parent" not in store.open(case_id).data["household"]


def test_a_couple_is_not_asked() -> None:
    page, _store = _page(_family("zwillinge"), "elterngeld-nrw")
    assert not page.asking_other and page.other_parent.widget not in page.missing_box.children

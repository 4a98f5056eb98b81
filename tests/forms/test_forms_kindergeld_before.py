"""Issue 18, D10: KG 1 Anlage Kind question 4 — "Haben Sie oder eine unter Punkt 2 genannte Person für dieses Kind
bereits Kindergeld beantragt oder erhalten?" — answered only as the case says it.

``household.children[].receives.kindergeld_applied``: ``false`` ticks "nein", what was applied for or received ticks
"ja" with who, period, Familienkasse and Kindergeldnummer; left out, both boxes stay empty and the advisor's notes
name the open question. The forms page asks it per child (same pattern as the other parent's section), each problem
beside its field. The filled PDFs are read back with pdfplumber.
"""

from __future__ import annotations

import copy
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.utils import decode_text
import pytest
from pydantic import ValidationError

from tests.memory_store import MemoryStore
from workbench.case import Case, load_case, validation_problems
from workbench.case.privacy import identifying_paths, strip_identifying
from workbench.forms import produce
from workbench.ui.pages.formulare import FormsWizard

FAMILIES = Path(__file__).resolve().parents[1] / "cases" / "familien"
DAY = date(2026, 4, 20)
Q4 = "topmostSubform[0].Page3[0].Frage-4[0]."
JA, NEIN = Q4 + "Pkt-4-Zeile-1[0].Ja-4[0]", Q4 + "Pkt-4-Zeile-1[0].Nein-4[0]"


def _family(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FAMILIES / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


def _page_text(pdf: bytes, page: int) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return document.pages[page - 1].extract_text() or ""


def _decoded(value: Any) -> str:
    value = getattr(value, "name", value)
    if isinstance(value, bytes):
        return decode_text(value)  # UTF-16 with its BOM, else PDFDocEncoding (ı is 0x9A there)
    return "" if value is None else str(value)


def _widgets(pdf: bytes, page: int) -> dict[str, str]:
    """The fields of one page as the filled (unflattened) PDF holds them (a box: its state), read with pdfplumber."""
    out: dict[str, str] = {}
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for annot in document.pages[page - 1].annots:
            data = annot.get("data") or {}
            value = data.get("V") if data.get("V") is not None else data.get("AS")
            out[_decoded(data.get("T"))] = _decoded(value)
    return out


def _twins(first: Any = None, second: Any = None) -> dict[str, Any]:
    data = copy.deepcopy(_family("zwillinge"))
    for child, value in zip(data["household"]["children"], (first, second)):
        if value is not None:
            child.setdefault("receives", {})["kindergeld_applied"] = value
    return data


def test_today_the_twins_question_4_stays_empty_and_the_advisor_sees_it_open() -> None:
    result = produce(load_case(FAMILIES / "zwillinge.json"), "kg1", today=DAY)
    for part in result.parts[1:]:
        assert JA not in part.values and NEIN not in part.values
    opened = [n for n in result.notes if n.startswith("Offene Frage")]
    assert len(opened) == 2 and "Anlage Kind 1 (Mia), Frage 4" in opened[0] and "Anlage Kind 2 (Emil)" in opened[1]


def test_nein_and_ja_with_the_details_are_filled_and_read_back() -> None:
    applied = {"parent": "B", "since": "2026-03-01", "until": "2026-03-31",
               "familienkasse": "Familienkasse NRW Mitte, Bochum", "number": "123 fk 456789"}
    case = Case.model_validate(_twins(False, applied))
    result = produce(case, "kg1", today=DAY)
    mia, emil = (part.values for part in result.parts[1:])
    assert mia.get(NEIN) == "/1" and JA not in mia
    assert emil.get(JA) == "/1" and NEIN not in emil
    assert not [n for n in result.notes if n.startswith("Offene Frage")]
    # KG 1 has 5 pages, each Anlage Kind 4: question 4 is on page 8 (Mia) and page 12 (Emil)
    mia_fields, emil_fields = _widgets(result.pdf, 8), _widgets(result.pdf, 12)
    assert mia_fields["Nein-4[0]"] == "1" and mia_fields.get("Ja-4[0]") in ("Off", "")
    assert emil_fields["Ja-4[0]"] == "1"
    assert (emil_fields["Name-Pkt-4[0]"], emil_fields["Geburtsdatum-Pkt-4[0]"], emil_fields["Zeitraum-Pkt-4[0]"],
            emil_fields["FamKa-Pkt-4[0]"], emil_fields["KGNr-Pkt-4[0]"]) == (
        "Yıldız, Jonas", "02.09.1990", "01.03.2026 – 31.03.2026", "Familienkasse NRW Mitte, Bochum", "123FK456789")
    flat = "".join(_page_text(produce(case, "kg1", today=DAY, flatten=True).pdf, 12).split())
    assert "FamilienkasseNRWMitte,Bochum" in flat and "123FK456789" in flat and "01.03.2026–31.03.2026" in flat


def test_the_other_parent_outside_the_household_is_named_for_a_single_mother() -> None:
    data = copy.deepcopy(_family("alleinerziehend"))
    leo = next(c for c in data["household"]["children"] if "receives" not in c or "kindergeld" not in c["receives"])
    leo.setdefault("receives", {})["kindergeld_applied"] = {"since": "2026-01-01"}  # Marek applied, still open
    values = produce(Case.model_validate(data), "kg1", today=date(2026, 2, 20)).parts[1].values
    assert values[JA] == "/1" and values[Q4 + "Pkt-4-Zeile-2[0].Name-Pkt-4[0]"] == "Nowak, Marek"
    assert values[Q4 + "Pkt-4-Zeile-2[0].Geburtsdatum-Pkt-4[0]"] == "22.07.1993"
    assert values[Q4 + "Pkt-4-Zeile-2[0].Zeitraum-Pkt-4[0]"] == "ab 01.01.2026"
    assert Q4 + "Pkt-4-Zeile-3[0].KGNr-Pkt-4[0]" not in values  # not known: empty, never guessed


@pytest.mark.parametrize("value, path, start", [
    ({"since": "2026-03-01", "until": "2026-02-01"}, "kindergeld_applied.until", "„bis“ liegt vor „ab“ (01.03.2026)"),
    ({"number": "12345"}, "kindergeld_applied.number", "Kindergeldnummer: drei Ziffern"),
    (True, "kindergeld_applied", ""),
])
def test_a_bad_entry_is_refused_with_a_german_message(value: Any, path: str, start: str) -> None:
    with pytest.raises(ValidationError) as error:
        Case.model_validate(_twins(value))
    problems = validation_problems(error.value, "de")
    assert any(p.endswith(path) and m.startswith(start) for p, m in problems), problems


def test_never_applied_contradicts_a_running_kindergeld() -> None:
    data = copy.deepcopy(_family("selbststaendig"))
    paula = next(c for c in data["household"]["children"] if "kindergeld" in (c.get("receives") or {}))
    paula["receives"]["kindergeld_applied"] = False
    with pytest.raises(ValidationError) as error:
        Case.model_validate(data)
    assert any("läuft bereits Kindergeld" in m for _p, m in validation_problems(error.value, "de"))


def test_the_number_is_identifying_and_left_out_of_an_anonymous_case() -> None:
    data = _twins({"number": "123FK456789", "familienkasse": "Familienkasse NRW Mitte"})
    assert "household.children[0].receives.kindergeld_applied.number" in identifying_paths(data)
    data["anonymous"] = True
    assert strip_identifying(data)["household"]["children"][0]["receives"]["kindergeld_applied"] == {
        "familienkasse": "Familienkasse NRW Mitte"}


def _page(data: dict[str, Any], form: str = "kg1", language: str = "de") -> tuple[FormsWizard, MemoryStore]:
    store = MemoryStore()
    store.save(data, expected_version=None)
    page = FormsWizard(store, language, data["case_id"])  # type: ignore[arg-type]
    page.form_choice.value = form
    return page, store


def test_the_forms_page_asks_per_child_and_saves_the_answers_in_the_case() -> None:
    page, store = _page(_family("zwillinge"))
    assert page.asking_kindergeld and page.kindergeld_before.widget in page.missing_box.children
    mia, emil = page.kindergeld_before.blocks
    assert mia.answer.input.description == "Mia: schon beantragt oder erhalten?"
    assert mia.details.layout.display == "none"
    mia.answer.input.value = "no"
    emil.answer.input.value = "yes"
    assert emil.details.layout.display == ""
    emil.fields["parent"].input.value = "B"
    emil.fields["since"].input.value = "01.03.2026"
    emil.fields["number"].input.value = "123FK456789"
    page.save_missing()
    children = store.open(page.data["case_id"]).data["household"]["children"]  # type: ignore[index]
    assert children[0]["receives"] == {"kindergeld_applied": False}
    assert children[1]["receives"] == {"kindergeld_applied": {"parent": "B", "since": "2026-03-01", "number": "123FK456789"}}
    assert "Im Fall gespeichert" in page.missing_heading.value
    assert page.kindergeld_before.blocks[1].fields["number"].input.value == "123FK456789"  # shown again from the case
    page.kindergeld_before.blocks[0].answer.input.value = ""  # back to "nicht bekannt": the key goes
    page.save_missing()
    assert "receives" not in store.open(page.data["case_id"]).data["household"]["children"][0]  # type: ignore[index]


def test_a_bad_number_or_date_gets_a_message_beside_the_field_and_nothing_is_saved() -> None:
    page, store = _page(_family("zwillinge"))
    before = store.open(page.data["case_id"]).version  # type: ignore[index]
    emil = page.kindergeld_before.blocks[1]
    emil.answer.input.value = "yes"
    emil.fields["number"].input.value = "12345"
    page.save_missing()
    assert emil.fields["number"].message.text.startswith("Kindergeldnummer: drei Ziffern, FK, sechs Ziffern")
    emil.fields["number"].input.value = ""
    emil.fields["since"].input.value = "31.02.2026"
    page.save_missing()
    assert emil.fields["since"].message.text  # a date that does not exist: said beside the field
    assert emil.fields["since"].input.value == "31.02.2026"  # what was typed stays
    assert store.open(page.data["case_id"]).version == before  # type: ignore[index]


def test_the_english_page_asks_in_english_and_a_couple_is_not_offered_the_other_person() -> None:
    page, _store = _page(_family("zwillinge"), language="en")
    block = page.kindergeld_before.blocks[0]
    assert block.answer.input.description == "Mia: already applied for or received?"
    assert [label for label, _ in block.answer.input.options] == ["not known", "no", "yes"]
    assert [value for _, value in block.fields["parent"].input.options] == ["A", "B"]


def test_forms_without_the_question_do_not_ask_it() -> None:
    page, _store = _page(_family("zwillinge"), "elterngeld-bund")
    assert not page.asking_kindergeld and page.kindergeld_before.widget not in page.missing_box.children

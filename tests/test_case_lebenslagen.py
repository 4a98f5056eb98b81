"""The optional mutterschutz/elternzeit parts of the case: defaults, references, messages in both languages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.memory_store import MemoryStore
from workbench.case import load_case
from workbench.errors import CaseError
from workbench.evaluation.lebenslagen import mutterschutz_result
from workbench.report.lebenslagen import mutterschutz_sections
from workbench.ui.pages.lebenslagen import ElternzeitWizard, new_case

CASE = Path(__file__).parent / "cases" / "lebenslagen" / "aylin-jonas.json"


def data() -> dict[str, Any]:
    return dict(json.loads(CASE.read_text()))


def test_a_case_without_the_parts_loads_as_before() -> None:
    raw = data()
    del raw["mutterschutz"], raw["elternzeit"]
    case = load_case(raw)
    assert case.mutterschutz is None and case.elternzeit is None and mutterschutz_result(case) is None


@pytest.mark.parametrize("change, line", [
    (lambda d: d["elternzeit"]["periods"][0].update(parent="C"),
     "elternzeit.periods[0].parent: keine Person und kein Kind mit der Kennung „C“ (vorhanden: A, B)"),
    (lambda d: d["mutterschutz"].update(birth_date="2026-06-02"),
     "mutterschutz.birth_date: weicht vom Geburtstag des Kindes (2026-06-01) ab"),
    (lambda d: d["mutterschutz"].pop("due_date"),
     "mutterschutz.due_date: den errechneten Termin angeben (nur bei einer Fehlgeburt entbehrlich)"),
    (lambda d: d["mutterschutz"].update(net_last_3_months=[2100]),
     "mutterschutz.net_last_3_months: bei Beschäftigung das Nettoentgelt der 3 Monate vor der Schutzfrist angeben"),
    (lambda d: d["elternzeit"]["periods"][1].update(end="2027-05-01"),
     # the day as the wizard's date fields take it (walk10: "(2029-11-01)" stood beside a field typed as TT.MM.JJJJ)
     "elternzeit.periods[1].end: darf nicht vor dem Beginn (01.06.2027) liegen"),
])
def test_bad_parts_are_refused_with_one_line_at_the_field(change: Any, line: str) -> None:
    raw = data()
    change(raw)
    with pytest.raises(CaseError) as exc:
        load_case(raw)
    assert exc.value.messages == [line]


def test_the_messages_speak_english_in_an_english_case() -> None:
    raw = data()
    raw["language"] = "en"
    raw["elternzeit"]["periods"][0]["parent"] = "C"
    with pytest.raises(CaseError) as exc:
        load_case(raw)
    assert "no person or child with id \"C\"" in exc.value.messages[0]


def test_a_miscarriage_in_week_18_gives_6_weeks_and_the_handout_says_so() -> None:
    raw = data()
    raw["mutterschutz"] = {"miscarriage": {"date": "2026-02-10", "week": 18}, "employment": "employee"}
    case = load_case(raw)
    result = mutterschutz_result(case)
    assert result is not None and result.fehlgeburt is not None
    assert (result.fehlgeburt.wochen, result.fehlgeburt.ende) == (6, date(2026, 3, 24))
    assert "6 Wochen (bis 24.03.2026)" in " ".join(mutterschutz_sections(case, "de")[0].paragraphs)


def test_the_elternzeit_wizard_refuses_a_birth_before_the_modelled_rules_at_the_field() -> None:
    wizard = ElternzeitWizard(new_case("EZ"), MemoryStore(), autosave_delay=0)
    wizard.steps[0].parents.rows[0].fields["name"].input.value = "Eva"  # type: ignore[attr-defined]  # a case needs a name
    wizard._on_next()
    wizard.steps[1].birth.input.value = "01.05.2014"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 1 and "01.07.2015" in wizard.steps[1].birth.message.text  # type: ignore[attr-defined]

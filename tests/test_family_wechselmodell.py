"""A single father (tests/cases/familien/wechselmodell.json): Ida lives half with her mother elsewhere
(Wechselmodell), Ole only with him; Kindergeld already runs for both (issue 16, constellations)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.shared import BLANKS
from workbench.case import load_case
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.report.leistungscheck import check_json, leistungscheck_sections

FAMILY = Path(__file__).resolve().parent / "cases" / "familien" / "wechselmodell.json"


def test_no_uvg_in_the_wechselmodell_but_for_the_child_living_with_the_father() -> None:
    uvg = check_json(leistungscheck(load_case(FAMILY), date(2026, 7, 1)), "de")["benefits"]["unterhaltsvorschuss"]
    # § 1 Abs. 1 Nr. 2 UVG: Ida does not live with one parent; Ole (4) gets 227 € (2026, age group 0–5)
    assert [(c["child"], c["eligible"], c["monthly"]) for c in uvg["children"]] == [("K1", False, 0.0), ("K2", True, 227.0)]
    assert uvg["reason_keys"][0] == "leistungen.uvg.shared_care"


def test_kindergeld_running_for_both_is_not_recommended_again() -> None:
    case = load_case(FAMILY)
    check = leistungscheck(case, date(2026, 7, 1))
    kg = check_json(check, "de")["benefits"]["kindergeld"]
    assert kg["monthly"] == 518.0 and kg["running"] is True
    _overview, _ahead, todo = leistungscheck_sections(case, "de", check)  # the months ahead between (issue 24)
    assert any(p.startswith("Kindergeld: läuft bereits") for p in todo.paragraphs)
    assert any(p.startswith("Unterhaltsvorschuss:") and "Jugendamt" in p for p in todo.paragraphs)


@pytest.mark.skipif(not BLANKS.is_dir(), reason="the official blanks are not there")
def test_kg1_lists_both_children_in_section_5_and_attaches_no_anlage(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.forms import produce

    monkeypatch.setenv("WORKBENCH_FORMS_DIR", str(BLANKS))
    result = produce(load_case(FAMILY), "kg1", today=date(2026, 7, 1), allow_missing=True)
    values = result.parts[0].values
    row = "topmostSubform[0].Page2[0].Punkt-5[0].Tabelle1-Kinder[0].Zeile{}[0].Zelle{}[0]"
    assert [values.get(row.format(n, 1)) for n in (1, 2)] == ["Ida", "Ole"]
    assert [values.get(row.format(n, 4)) for n in (1, 2)] == ["312FK004711"] * 2
    assert [p.form_id for p in result.parts] == ["kg1"]
    assert values["topmostSubform[0].Seite1[0].#area[0].Überschrift[0].Anzahl-Anlagen[0]"] == "0"

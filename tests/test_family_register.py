"""The family's sheets speak the family's register (issue 24, ADR 0035).

Every handout of the fixture families (``tests/cases/familien``, ``tests/cases/handout`` and the worked
examples in ``../shared/examples``) in German, English and Leichte Sprache, and the topic sheets the
family takes home (Kita, Pflege), are scanned for what only the advisor may read: internal ids (case
ids, child ids), case paths, "(s)"-plurals, "bitte prüfen"/"nicht verifiziert", and sentences in the
other language.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.shared import EXAMPLES
from workbench.case import Case, load_case
from workbench.report import handout_pdf, topic_pdf
from workbench.report.register import FAMILY, family_sheet_problems
from workbench.report.topics import topic_sections

CASES = Path(__file__).parent / "cases"
FAMILIES = sorted((CASES / "familien").glob("*.json")) + sorted((CASES / "handout").glob("*.json"))
EXAMPLE_FILES = sorted((EXAMPLES / "elterngeld").glob("*.json"))


def _case(path: Path) -> Case:
    data = json.loads(path.read_text(encoding="utf-8"))
    return load_case(data.get("case", data))


def _words(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _ids(case: Case) -> tuple[str, ...]:
    return (case.case_id,)


@pytest.mark.parametrize("path", FAMILIES + EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("language", ["de", "en"])
def test_the_family_handout_holds_no_advisor_words(path: Path, language: str) -> None:
    case = _case(path)
    body = _words(handout_pdf(case, language, topic_sections(case, language)))
    assert family_sheet_problems(body, language, _ids(case)) == []


def test_the_fixture_families_are_there() -> None:
    assert {p.stem for p in FAMILIES} >= {"zwillinge", "wechselmodell"}
    assert len(EXAMPLE_FILES) == 40


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_twins_kita_sheet_says_the_office_sets_the_fee(language: str) -> None:
    from workbench.report.kita import kita_sections

    case = _case(CASES / "familien" / "zwillinge.json")
    body = _words(topic_pdf("Kita", "", kita_sections(case, language, register=FAMILY), language))
    assert family_sheet_problems(body, language, _ids(case)) == []
    assert ("setzt das Jugendamt der Stadt Bochum fest" if language == "de" else "is set by the youth office") in body


def test_the_check_finds_what_the_old_sheets_said() -> None:
    old = ("Familie Aylin und Jonas · Kind geboren am 10.03.2026 · Aktenzeichen EG-20261125-3F2A\n"
           "Kita beitragsfrei (Kita-Kinder: K1). Rückwirkend höchstens für 1 Monat(e). "
           "Eine Geschwisterermäßigung regelt die Satzung – bitte prüfen. Die Tabelle ist nicht verifiziert.\n"
           "Feld household.parents[0].income_before_birth fehlt.\n"
           "Please check the amount with the office of the city before you apply for the benefit.")
    found = " | ".join(family_sheet_problems(old, "de"))
    for what in ("internal id", "child id", "(s)-plural", "advisor's check", "path", "other language"):
        assert what in found, what
    assert family_sheet_problems("Bitte bringen Sie die Geburtsurkunde mit und stellen Sie den Antrag bald.", "en")


VIEW_FAMILIES = FAMILIES + EXAMPLE_FILES[:6]


@pytest.mark.parametrize("path", VIEW_FAMILIES, ids=lambda p: p.stem)
@pytest.mark.parametrize("language", ["de", "en"])
def test_the_comparison_the_family_looks_at_holds_no_advisor_words(path: Path, language: str) -> None:
    """The comparison page's table and cards, shown to the family across the desk, in the family's register."""
    import html
    import re

    from workbench.evaluation.vergleich import compare, default_selection, plan_choices
    from workbench.ui.pages.vergleich.html import card_html, overview_table

    case = _case(path).model_copy(update={"language": language})
    if case.elterngeld_plan is None:
        pytest.skip("no Elterngeld plan: the family sees no comparison")
    choices = plan_choices(case)
    chosen = [c for c in choices if c.key in default_selection(choices)]
    view = compare(case, chosen)
    shown = overview_table(view) + "".join(card_html(view, col, i) for i, col in enumerate(view.columns))
    words = html.unescape(re.sub(r"<[^>]+>", "\n", re.sub(r"<(style|script)\b.*?</\1>", "", shown, flags=re.S)))
    assert family_sheet_problems(words, language, _ids(case)) == []

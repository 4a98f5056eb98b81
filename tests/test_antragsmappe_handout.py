"""The handout lists the family's applications with what they still bring, in the family's words (issue 20,
ADR 0035, ADR 0037)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.case import Case, load_case
from workbench.evaluation.mappe_status import with_record
from workbench.report import handout_pdf
from workbench.report.antragsmappe import antragsmappe_sections
from workbench.report.register import family_sheet_problems
from workbench.report.topics import topic_sections

TWINS = Path(__file__).parent / "cases" / "familien" / "zwillinge.json"
DAY = date(2026, 12, 7)


def _twins_with_folder() -> Case:
    case = with_record(load_case(TWINS), "elterngeld", "A", signed_on=date(2026, 12, 4),
                       documents=["elterngeld_antrag", "geburtsbescheinigung"])
    return with_record(case, "kindergeld", None, forwarded_on=date(2026, 11, 2), decided_on=date(2026, 11, 30),
                       rejected=True)


def _rows(case: Case, language: str) -> dict[str, tuple[str, ...]]:
    (section,) = antragsmappe_sections(case, language, DAY)
    return {row[0]: row for row in section.rows[1:]}


def test_a_case_without_a_folder_has_no_applications_on_its_handout() -> None:
    assert antragsmappe_sections(load_case(TWINS), "de", DAY) == []


def test_each_application_says_how_far_it_is_and_what_the_family_still_brings() -> None:
    rows = _rows(_twins_with_folder(), "de")
    mother = rows["Elterngeld – Aylin"]
    assert mother[1] == "Elterngeldstelle der Stadt Bochum (Jugendamt)"
    assert mother[2] == "unterschrieben; wir schicken ihn weiter, er muss bis 09.12.2026 bei der Stelle sein"
    # the documents not ticked; the form itself is the office's work, not something to bring
    assert mother[3].startswith("Einkommensnachweise aus dem Bemessungszeitraum")
    assert "Bescheinigung der Krankenkasse über Mutterschaftsgeld" in mother[3] and "Antrag auf Elterngeld" not in mother[3]
    assert rows["Elterngeld – Jonas"][2] == "die Frist ist am 09.08.2026 abgelaufen; wir besprechen mit Ihnen, was jetzt noch geht"
    # posted Monday 30.11.2026, known Friday 04.12.2026 (§ 37 Abs. 2 SGB X), one month: Monday 04.01.2027
    assert rows["Kindergeld"][2] == "abgelehnt mit Bescheid vom 30.11.2026; Widerspruch ist bis 04.01.2027 möglich – wir helfen dabei"
    assert rows["Kindergeld"][3] == "–"


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_handout_with_the_applications_holds_no_advisor_words(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", DAY.isoformat())
    case = _twins_with_folder()
    body = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(
        handout_pdf(case, language, topic_sections(case, language)))).pages)
    assert ("Ihre Anträge" if language == "de" else "Your applications") in body
    assert family_sheet_problems(body, language, (case.case_id,)) == []
    assert "geburtsbescheinigung" not in body and "elterngeld_antrag" not in body

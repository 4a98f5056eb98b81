"""The handouts of the twins family and the single mother as PNG, to read as the family would (issue 24).

German, English and Leichte Sprache; the full handout (Elterngeld plan with every topic the case holds:
Leistungscheck, Mutterschutz, Elternzeit, Kita) and the Leistungscheck handout alone (the case without
an Elterngeld plan, as the Leistungscheck wizard makes it). Each page lands in
``test-artifacts/handouts/<family>-<sheet>-<language>-N.png`` (pdftoppm, 70 dpi); the text of each is
scanned with the family-register check (ADR 0035). The pages were looked at (ADR 0040).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.deploy.servers import ARTIFACTS
from workbench.case import Case, load_case
from workbench.report import handout_pdf
from workbench.report.leistungscheck import leistungscheck_sections
from workbench.report.register import family_sheet_problems
from workbench.report.topics import topic_sections

CASES = Path(__file__).parent / "cases"
FAMILIES = {"zwillinge": CASES / "familien" / "zwillinge.json", "alleinerziehend": CASES / "familien" / "alleinerziehend.json",
            "alleinerziehend-erwartet": CASES / "handout" / "alleinerziehend-kurz.json"}
HANDOUTS = ARTIFACTS / "handouts"
SLUG = {"de": "deutsch", "en": "english", "de-LS": "leichte-sprache"}


def render(pdf: bytes, name: str) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; .ci/run installs it")
    HANDOUTS.mkdir(parents=True, exist_ok=True)
    for old in HANDOUTS.glob(f"{name}-*.png"):
        old.unlink()
    source = HANDOUTS / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(source), str(HANDOUTS / name)], check=True, timeout=120)
    source.unlink()  # the pictures are the artifact; the PDF holds the fixture's personal data in text
    return sorted(HANDOUTS.glob(f"{name}-*.png"))


def words(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def without_plan(case: Case) -> Case:
    return case.model_copy(update={"elterngeld_plan": None, "elterngeld_alternatives": []})


@pytest.mark.parametrize("language", ["de", "en", "de-LS"])
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_full_handout_of_each_family_renders_and_reads_clean(family: str, language: str) -> None:
    case = load_case(FAMILIES[family])
    lang = "en" if language == "en" else "de"
    pdf = handout_pdf(case, language, topic_sections(case, lang))
    pages = render(pdf, f"{family}-merkblatt-{SLUG[language]}")
    assert 2 <= len(pages) <= 8
    body = words(pdf)
    assert family_sheet_problems(body, lang, (case.case_id,)) == []
    assert "Basiselterngeld 0,00" not in " ".join(body.split())  # the Mutterschutz months say Mutterschutz (issue 24)
    if any(c.expected for c in case.household.children):
        assert "Kind geboren am" not in body and "child born on" not in body  # an unborn child has a due date


@pytest.mark.parametrize("language", ["de", "en", "de-LS"])
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_leistungscheck_handout_of_each_family_renders_and_reads_clean(family: str, language: str) -> None:
    case = without_plan(load_case(FAMILIES[family]))
    lang = "en" if language == "en" else "de"
    pdf = handout_pdf(case, language, leistungscheck_sections(case, lang), plans=[])
    pages = render(pdf, f"{family}-leistungscheck-{SLUG[language]}")
    assert 1 <= len(pages) <= 5
    body = words(pdf)
    assert family_sheet_problems(body, lang, (case.case_id,)) == []
    if any(c.expected for c in case.household.children):
        assert "Kind geboren am" not in body  # an unborn child has a due date, no birthday
    if language == "de-LS":  # the Leistungscheck itself in Leichte Sprache, not "ein eigenes Blatt"
        assert "Dieses Geld kann Ihre Familie bekommen" in body and "Hilfen für Ihre Familie" in body


def test_a_heading_is_never_the_last_line_of_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    # walk9: a single mother's Leistungscheck sheet ended page 1 with "Ihre Beratung"; its contact line and
    # "Wichtig: … kein Bescheid" stood alone on page 2
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-07")
    case = load_case({
        "format": "workbench-case/4", "case_id": "LC-20261207-8FB2", "language": "de",
        "household": {"municipality": "Bochum", "married": False, "single_parent": True,
                      "parents": [{"id": "A", "name": "Ayşe-Bärbel",
                                   "current_income": {"kind": "employee", "gross_monthly": 1450}}],
                      "children": [{"id": "K1", "birth_date": "2022-04-03",
                                    "situation": {"education": "kita", "lunch_monthly": 45, "shared_care": False}}],
                      "housing": {"rent_cold": 480, "utilities_cold": 110, "living_space_sqm": 58, "heating": 70},
                      "benefits": {"receives_buergergeld": False}}})
    pdf = handout_pdf(case, "de", leistungscheck_sections(case, "de"))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    for page in pages:
        body = [line for line in page.splitlines() if line.strip() and not line.startswith("Seite ")]
        assert body[-1] != "Ihre Beratung", pages
    assert "Ihre Beratung" in pages[-1] and "Familienbüro Bochum" in pages[-1]

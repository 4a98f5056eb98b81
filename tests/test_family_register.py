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


# --- every sheet the family takes home, without the law's citations (walk9 N1, N8; ADR 0035 amended) ------------
from tests.family_documents import FAMILY_FILES, family_documents  # noqa: E402
from tests.family_documents import load as load_family  # noqa: E402


@pytest.mark.parametrize("path", FAMILY_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("language", ["de", "en"])
def test_every_sheet_the_family_takes_home_reads_without_paragraphs_ids_or_check_words(path: Path, language: str) -> None:
    """The full handout, the comparison's, the Leistungscheck's and the Mutterschutz/Elternzeit handout, Leichte
    Sprache, the Kita, Pflege, Neu-in-Bochum and Vorsorge sheets: no "§", no "Abs.", no "bitte … prüfen", no ids,
    no paths, no "mtl."."""
    case = load_family(path)
    made = list(family_documents(case, language))
    assert made, "every invented family gets at least one sheet"
    found = {name: family_sheet_problems(" ".join(body.split()), language, _ids(case)) for name, body in made}
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_the_invented_families_cover_every_sheet() -> None:
    made = {name for path in FAMILY_FILES for name, _ in family_documents(load_family(path), "de")}
    assert made == {"handout", "comparison handout", "Leichte-Sprache handout", "Leistungscheck handout",
                    "Mutterschutz/Elternzeit handout", "Kita sheet", "Pflege sheet", "Neu-in-Bochum sheet",
                    "Vorsorge sheet"}


def test_the_check_finds_the_laws_citations_and_the_familys_check_words() -> None:
    old = ("Rückwirkend zahlt sie nur die letzten 3 Lebensmonate (§ 7 Abs. 1 BEEG). "
           "Das BAFzA rechnet pauschal – bitte mit dem Familienpflegezeit-Rechner des BAFzA prüfen. "
           "Darlehen 450,00 € mtl., bis 10.800,00 €.")
    found = " | ".join(family_sheet_problems(old, "de"))
    for what in ("citation of the law", "advisor's check", "abbreviation"):
        assert what in found, what
    assert family_sheet_problems("Steuerklassen nach Abs. 2 wählen.", "de")
    assert family_sheet_problems("Bitte bringen Sie die Geburtsurkunde mit.", "de") == []


@pytest.mark.parametrize(("advisor", "family"), [
    ("Rückwirkend zahlt sie nur die letzten 3 Lebensmonate vor dem Monat des Antrags (§ 7 Abs. 1 BEEG); dann",
     "Rückwirkend zahlt sie nur die letzten 3 Lebensmonate vor dem Monat des Antrags; dann"),
    ("Rechtsanspruch ab (1. Geburtstag, § 24 Abs. 2 SGB VIII) 10.03.2027", "Rechtsanspruch ab (1. Geburtstag) 10.03.2027"),
    ("Ab 01.08.2029 ist der Platz beitragsfrei (§ 50 KiBiz: die zwei letzten Kindergartenjahre).",
     "Ab 01.08.2029 ist der Platz beitragsfrei (die zwei letzten Kindergartenjahre)."),
    ("With Kinderzuschlag or Wohngeld the Kita is free of charge (§ 90 (4) SGB VIII) – show the decision",
     "With Kinderzuschlag or Wohngeld the Kita is free of charge – show the decision"),
    ("Tax IDs of the applicant and of every child (§ 62 (1) sentence 2 EStG); birth certificate",
     "Tax IDs of the applicant and of every child; birth certificate"),
    ("sonst beginnt die Elternzeit später. (§ 16 Abs. 1 Satz 1, 3 BEEG)", "sonst beginnt die Elternzeit später."),
    ("höchstens 32 Wochenstunden). (§ 1 Abs. 6, § 15 Abs. 4 BEEG)", "höchstens 32 Wochenstunden)."),
    ("Betreuungsbehörde der Stadt Bochum; §§ 1358, 1816, 1820, 1827 BGB, § 7 BtOG, § 78a BNotO.",
     "Betreuungsbehörde der Stadt Bochum."),
    # a § inside the sentence is its wording: left for a .family text, and the check finds it
    ("Voraussetzungen des § 1 Abs. 1a UVG erfüllt", "Voraussetzungen des § 1 Abs. 1a UVG erfüllt"),
])
def test_the_familys_sheet_drops_a_citation_written_as_the_advisors_annotation(advisor: str, family: str) -> None:
    from workbench.report.register import without_citations

    assert without_citations(advisor) == family


def test_the_advisor_keeps_the_paragraphs_the_family_sheet_leaves_out() -> None:
    from datetime import date

    from workbench.evaluation.leistungscheck import leistungscheck
    from workbench.report.leistungscheck import check_json, leistungscheck_sections

    case = load_family(CASES / "familien" / "alleinerziehend.json")
    advisor = json.dumps(check_json(leistungscheck(case, date(2026, 7, 1)), "de"), ensure_ascii=False)
    assert "(§ 90 Abs. 4 SGB VIII)" in advisor and "(§ 6a Abs. 7 BKGG)" in advisor  # the card and `workbench check`
    sheet = " ".join(_words(handout_pdf(case, "de", leistungscheck_sections(case, "de"), plans=[])).split())
    assert "Mit Kinderzuschlag oder Wohngeld ist die Kita beitragsfrei – Bescheid beim Jugendamt Bochum vorlegen" in sheet
    assert "Bewilligung für 6 Monate, danach neu beantragen." in sheet and "§" not in sheet


def test_the_pflege_sheet_says_im_monat_and_leaves_the_calculator_to_the_advisor() -> None:
    from datetime import date

    from workbench.report.pflege import pflege_sections
    from workbench.report.register import ADVISOR

    case = load_family(CASES / "lebenslagen" / "kita-pflege-vorsorge.json")
    on = date(2026, 7, 1)
    family = " ".join(_words(topic_pdf("Pflege", "", pflege_sections(case, "de", on, register=FAMILY), "de")).split())
    assert "Darlehen 450,00 € im Monat, bis" in family and "mtl." not in family
    assert "Familienpflegezeit-Rechner" not in family and "setzt das Bundesamt für Familie" in family
    advisor = " ".join(p for s in pflege_sections(case, "de", on, register=ADVISOR) for p in s.paragraphs)
    assert "bitte mit dem Familienpflegezeit-Rechner des BAFzA prüfen" in advisor and "(§ 3 Abs. 2 FPfZG)" in advisor

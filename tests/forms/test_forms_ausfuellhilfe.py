"""Ausfüllhilfen (preparation sheets): offered like the forms, titled as not official on every page,
holding the case's values in the order of the application's sections and the documents to attach."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest

from tests.forms.conftest import FAMILY, TODAY, save_pngs
from tests.forms.test_forms_new_maps import _single_mother_with_pupil
from workbench.case import Case
from workbench.cli.app import main
from workbench.forms.ausfuellhilfe import build_sheet
from workbench.forms.produce import offered_forms, produce
from workbench.forms.registry import all_maps, get_map

SHEETS = sorted(f.id for f in all_maps().values() if f.kind == "sheet")


def _pages(pdf: bytes) -> list[str]:
    import io

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [" ".join((page.extract_text() or "").split()) for page in doc.pages]


def test_there_is_a_sheet_for_each_application_without_a_blank() -> None:
    assert SHEETS == ["but-bochum-ausfuellhilfe", "kiz-anlagen-ausfuellhilfe", "uvg-ausfuellhilfe",
                      "wohngeld-ausfuellhilfe"]
    for form_id in SHEETS:
        form = get_map(form_id)
        assert form.blank is None and "kein amtliches Formular" in form.version


@pytest.mark.parametrize("form_id", SHEETS)
@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_says_it_is_not_an_official_form(form_id: str, language: str) -> None:
    mother = _single_mother_with_pupil()
    result = produce(mother, form_id, today=TODAY, language=language)
    pages = _pages(result.pdf)
    assert pages and all("kein amtliches Formular" in page for page in pages)
    if language == "en":
        assert all("not an official form" in page for page in pages)
    text = " ".join(pages)
    assert "Beizufügende Unterlagen" in text
    # family-facing: no case ids, paths or advisor notes
    for internal in ("household.", "K2", "bitte prüfen", "vocational_school", "None"):
        assert internal not in text, internal
    save_pngs(result.pdf, f"{form_id}-{language}", 50)


def test_the_uvg_sheet_holds_the_child_the_mother_and_her_account_in_the_forms_order() -> None:
    mother = _single_mother_with_pupil()
    assert "uvg-ausfuellhilfe" in {f.id for f in offered_forms(mother, TODAY)}
    sheet = build_sheet(mother, get_map("uvg-ausfuellhilfe"), "B", TODAY)
    titles = [s.title[0] for s in sheet.sections]
    # only Lönne is under 18 (§ 1 Abs. 1 Nr. 1 UVG); Deniz (19) is not a UVG child
    assert titles[0] == "I. Angaben zu dem Kind, für das die Leistung beantragt wird – Lönne Müller-Lüdenscheidt"
    assert titles[1].startswith("II. Angaben zum Elternteil") and titles[2] == "III. Angaben zum anderen Elternteil"
    assert not any("Deniz" in t for t in titles)
    text = " ".join(_pages(produce(mother, "uvg-ausfuellhilfe", today=TODAY).pdf))
    for value in ("01.02.2023", "Ayşe", "geschieden", "Königsallee 12a, 44789 Bochum", "DE02 1203 0000 0000 2020 51",
                  "Geburtsurkunde des Kindes", "§ 4 UVG"):
        assert value in text, value
    other = sheet.sections[2]
    assert all(row.value == "" for row in other.rows)  # the other parent: for the family to write


def test_the_uvg_sheet_is_not_offered_to_a_couple(family: Case) -> None:
    assert "uvg-ausfuellhilfe" not in {f.id for f in offered_forms(family, TODAY)}


def test_the_wohngeld_sheet_adds_up_the_rent_and_lists_the_household() -> None:
    mother = _single_mother_with_pupil()
    text = " ".join(_pages(produce(mother, "wohngeld-ausfuellhilfe", today=TODAY).pdf))
    # 520 + 140 + 85 = 745 € including service charges and heating (§ 9 WoGG: the rent the form asks)
    for value in ("745,00 €", "520,00 €", "62 m²", "Deniz Öztürk, 15.01.2007, Kind", "Mietbescheinigung"):
        assert value in text, value


def test_the_but_sheet_asks_participation_only_under_18_and_school_supplies_for_pupils() -> None:
    mother = _single_mother_with_pupil()
    sheet = build_sheet(mother, get_map("but-bochum-ausfuellhilfe"), "B", TODAY)
    wanted = {s.title[0]: {r.label[0]: r.value for r in s.rows} for s in sheet.sections if s.title[0].startswith("Beantragte")}
    deniz = wanted["Beantragte Leistungen – Deniz Öztürk"]
    lonne = wanted["Beantragte Leistungen – Lönne Müller-Lüdenscheidt"]
    assert deniz["Schulbedarf (persönlicher Schulbedarf)"] == "ja"  # § 28 Abs. 3 SGB II
    assert not any(label.startswith("Teilhabe") for label in deniz)  # § 28 Abs. 7: under 18 only
    assert any(label.startswith("Teilhabe") for label in lonne)
    assert "but@bochum.de" in sheet.authority[0]


def test_the_kiz_sheet_has_an_anlage_kind_per_child_and_an_anlage_einkommen_per_parent(family: Case) -> None:
    sheet = build_sheet(family, get_map("kiz-anlagen-ausfuellhilfe"), "A", TODAY)
    titles = [s.title[0] for s in sheet.sections]
    assert titles[:4] == ["Anlage Kind (KiZ 1 AnK) Nr. 1 – Lönne Müller-Lüdenscheidt",
                          "Anlage Kind (KiZ 1 AnK) Nr. 2 – Jürgen Müller-Lüdenscheidt",
                          "Anlage Einkommen (KiZ 1 AnE) – Jörg Müller-Lüdenscheidt",
                          "Anlage Einkommen (KiZ 1 AnE) – Ayşe Müller-Lüdenscheidt"]


def test_the_cli_lists_and_fills_a_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms", "list"]) == 0
    listed = capsys.readouterr().out
    assert "uvg-ausfuellhilfe" in listed and "Ausfüllhilfe Unterhaltsvorschuss" in listed
    main(["forms", "check"])
    checked = [line for line in capsys.readouterr().out.splitlines() if line.startswith("wohngeld-ausfuellhilfe")]
    assert checked and "erzeugte Ausfüllhilfe (kein amtliches Formular), kein Vordruck nötig" in checked[0]
    case_file = tmp_path / "fall.json"
    case_file.write_text(json.dumps(json.loads(FAMILY.read_text(encoding="utf-8"))), encoding="utf-8")
    out = tmp_path / "kiz.pdf"
    assert main(["fill", "kiz-anlagen-ausfuellhilfe", str(case_file), "-o", str(out), "--date", "2026-04-20"]) == 0
    assert "Anlage Einkommen (KiZ 1 AnE)" in " ".join(_pages(out.read_bytes()))


def test_the_forms_page_offers_and_fills_a_sheet() -> None:
    from tests.memory_store import MemoryStore
    from workbench.ui.pages.formulare import FormsWizard

    mother = _single_mother_with_pupil()
    store = MemoryStore()
    store.save(mother.model_dump(mode="json", exclude_none=True), expected_version=None)
    page = FormsWizard(store, "de", mother.case_id)  # type: ignore[arg-type]
    page.open_case(mother.case_id)
    offered = [value for _, value in page.form_choice.options]
    assert {"uvg-ausfuellhilfe", "wohngeld-ausfuellhilfe", "kg5a", "mietbescheinigung"} <= set(offered)
    page.form_choice.value = "uvg-ausfuellhilfe"
    page.fill()
    assert "uvg-ausfuellhilfe-" in page.result.value and "base64," in page.result.value
    assert "Seite 1" in page.preview.value


def test_the_but_sheet_numbers_children_without_a_first_name() -> None:
    # walk9: twins without first names read "Kind – Kind" and "Beantragte Leistungen – Kind" twice
    data = json.loads((Path(__file__).resolve().parents[1] / "cases" / "familien" / "zwillinge.json").read_text("utf-8"))
    for child in data["household"]["children"]:
        child.pop("personal", None)
    from workbench.case import load_case
    sheet = build_sheet(load_case(data), get_map("but-bochum-ausfuellhilfe"), "A", TODAY)
    titles = [s.title[0] for s in sheet.sections if s.title[0].endswith("Kind")]
    assert titles == ["1. Kind", "Beantragte Leistungen – 1. Kind", "2. Kind", "Beantragte Leistungen – 2. Kind"], titles
    assert [s.title[1] for s in sheet.sections][2:4] == ["child 1", "benefits applied for – child 1"]

"""Twins on the forms (ADR 0027): "Mehrlinge / Anzahl" on both Elterngeld forms, one Anlage Kind per child."""

from __future__ import annotations

import json
from pathlib import Path

from tests.forms.conftest import TODAY, save_pngs
from workbench.case import Case, load_case
from workbench.forms import produce
from workbench.forms.verify import page_text, read_fields

TWINS = Path(__file__).resolve().parents[1] / "cases" / "familien" / "zwillinge.json"


def twins() -> Case:
    return load_case(TWINS)


def test_the_federal_form_says_two_children_were_born(family: Case) -> None:
    result = produce(twins(), "elterngeld-bund", today=TODAY, allow_missing=True)
    fields = {name.replace("txt.txt.", "txt."): value for name, value in read_fields(result.pdf).items()}
    assert fields["txt.anzahl 4"] == "2"
    assert fields["txt.vorname1A 4"] == "Mia"
    single = produce(family, "elterngeld-bund", today=TODAY, allow_missing=True)
    assert not {n.replace("txt.txt.", "txt."): v for n, v in read_fields(single.pdf).items()}.get("txt.anzahl 4")
    save_pngs(result.pdf, "zwillinge-elterngeld-bund", resolution=70)


def test_the_nrw_overlay_writes_the_number_beside_bei_mehrlingen() -> None:
    result = produce(twins(), "elterngeld-nrw", today=TODAY, allow_missing=True)
    first = page_text(result.pdf)
    line = next(row for row in first.splitlines() if "Bei Mehrlingen" in row)
    assert line.rstrip().endswith("2"), line
    names = next(row for row in first.splitlines() if "Vornamen:" in row)
    assert names.replace(" ", "").endswith("Vornamen:Emil"), names  # the twin's first name beside Mia's
    save_pngs(result.pdf, "zwillinge-elterngeld-nrw", resolution=70)


def test_kg1_gets_one_anlage_kind_for_each_twin() -> None:
    result = produce(twins(), "kg1", today=TODAY, allow_missing=True)
    assert [part.form_id for part in result.parts] == ["kg1", "kg1-anlage-kind", "kg1-anlage-kind"]
    assert result.parts[0].values["topmostSubform[0].Seite1[0].#area[0].Überschrift[0].Anzahl-Anlagen[0]"] == "2"
    names = [v for part in result.parts[1:] for k, v in part.values.items() if v in ("Mia", "Emil")]
    assert sorted(names) == ["Emil", "Mia"]


def test_kg1_lists_in_section_5_only_the_sister_with_kindergeld_and_applies_only_for_the_twins() -> None:
    data = json.loads(TWINS.read_text(encoding="utf-8"))
    data["household"]["children"].insert(0, {
        "id": "K0", "birth_date": "2023-05-04",
        "personal": {"first_name": "Lina", "surname": "Yıldız", "sex": "female"},
        "receives": {"kindergeld": {"number": "123FK456789", "parent": "A", "since": "2023-05-01"}}})
    result = produce(load_case(data), "kg1", applicant="A", today=TODAY, allow_missing=True)
    main = result.parts[0].values
    row = "topmostSubform[0].Page2[0].Punkt-5[0].Tabelle1-Kinder[0].Zeile{}[0].Zelle{}[0]"
    assert [main.get(row.format(1, cell)) for cell in (1, 2, 4)] == ["Lina", "04.05.2023", "123FK456789"]
    assert main.get(row.format(2, 1)) is None  # the twins are not "already receiving"
    assert main["topmostSubform[0].Seite1[0].#area[0].Kopfzeile[0].KG-Nr[0]"] == "123FK456789"
    assert main["topmostSubform[0].Seite1[0].#area[0].Überschrift[0].Anzahl-Anlagen[0]"] == "2"
    assert [p.form_id for p in result.parts] == ["kg1", "kg1-anlage-kind", "kg1-anlage-kind"]
    fields = read_fields(result.pdf)
    assert fields[row.format(1, 1)] == "Lina"
    save_pngs(result.pdf, "zwillinge-kg1-mit-schwester", resolution=70)


def test_section_5_stays_empty_for_a_first_birth() -> None:
    result = produce(twins(), "kg1", today=TODAY, allow_missing=True)
    main = result.parts[0].values
    assert not any(k.startswith("topmostSubform[0].Page2[0].Punkt-5") and v for k, v in main.items())


def test_the_elternzeit_letter_names_both_twins_and_starts_after_twelve_weeks() -> None:
    result = produce(twins(), "elternzeit-brief", applicant="A", today=TODAY, allow_missing=True)
    words = " ".join(page_text(result.pdf).split())
    assert "meine Kinder Mia und Emil, geboren am 10.03.2026," in words
    # the periods of the case: from the day after 12 weeks + 7 days of Mutterschutz (§ 3 Abs. 2 MuSchG)
    assert "10.06.2026" in words
    assert "bis zum achten Geburtstag meiner Kinder" in words
    save_pngs(result.pdf, "zwillinge-elternzeit-brief", resolution=70)


def test_the_nrw_mother_column_takes_the_birth_mother_even_when_the_father_is_entered_first() -> None:
    data = json.loads(TWINS.read_text(encoding="utf-8"))
    data["household"]["parents"].reverse()  # Jonas first, Aylin (Mutterschutz, Mutterschaftsgeld) second
    values = produce(load_case(data), "elterngeld-nrw", today=TODAY, allow_missing=True).parts[0].values
    # "Vorname:" no. 2 is Elternteil 1 (Mutter), no. 3 Elternteil 2 (no. 1 is the child's)
    assert (values["p1:Vorname:@2"], values["p1:Vorname:@3"]) == ("Aylin", "Jonas")
    chosen = produce(load_case(data), "elterngeld-nrw", applicant="B", today=TODAY, allow_missing=True).parts[0].values
    assert chosen["p1:Vorname:@2"] == "Jonas"  # the advisor's choice is taken as given

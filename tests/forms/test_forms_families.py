"""The three fixture families of issue 18, every form that applies filled as the family would sign it.

Invented families (tests/cases/familien/): a couple with twins, both employed (zwillinge); a single mother with
maintenance owed, Unterhaltsvorschuss and a low income, the children's father living in Dortmund
(alleinerziehend); a self-employed father and an employed mother whose older daughter already gets Kindergeld
(selbststaendig). Each form is filled as the print copy (flattened), rendered to PNG in
test-artifacts/forms/familien-* (looked at page by page) and read back with pdfplumber against the case.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import io

from tests.forms.conftest import save_pngs
from workbench.case import Case, load_case
from workbench.case.privacy import identifying_paths
from workbench.errors import CaseError
from workbench.forms import produce
from workbench.forms.overlay import placements
from workbench.forms.produce import offered_forms
from workbench.forms.registry import get_map
from workbench.forms.verify import overlay_text, read_fields

FAMILIES = Path(__file__).resolve().parents[1] / "cases" / "familien"
DAYS = {  # the day the advisor fills the forms: after the birth, before the Elternzeit letter's deadline
    "zwillinge": date(2026, 4, 20),
    "alleinerziehend": date(2026, 2, 20),
    "selbststaendig": date(2026, 1, 29),
}
COMMON = ["but-bochum-ausfuellhilfe", "elterngeld-bund", "elterngeld-nrw", "elternzeit-brief", "kg1",
          "kiz-anlagen-ausfuellhilfe", "kiz1", "mietbescheinigung", "wohngeld-ausfuellhilfe"]
APPLIES = {
    "zwillinge": COMMON,
    "alleinerziehend": sorted(COMMON + ["uvg-ausfuellhilfe"]),
    "selbststaendig": sorted(COMMON + ["elterngeld-nrw-gewinnermittlung", "elterngeld-nrw-selbststaendige"]),
}


def family(name: str) -> Case:
    return load_case(FAMILIES / f"{name}.json")


def data(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FAMILIES / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


def flat(text: str) -> str:
    return "".join(text.split())


def pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [page.extract_text() or "" for page in document.pages]


def fields(pdf: bytes) -> dict[str, str]:
    return {name.replace("txt.txt.", "txt."): value for name, value in read_fields(pdf).items()}


def cell(pdf: bytes, page: int, anchor: str, occurrence: int = 1, row: int | None = None) -> str:
    """What the NRW overlay wrote into the cell of ``anchor`` (its ``occurrence``-th match on ``page``; a table ``row``)."""
    key = f"p{page}:{anchor}@{occurrence}" + (f"/{row}" if row else "")
    return flat(overlay_text(pdf, placements(get_map("elterngeld-nrw"))[key]))


def expected_values(case: Case, form_id: str) -> list[str]:
    """Values of the case that must be readable on the filled form (whitespace ignored)."""
    applicant = case.household.parents[0]
    child = case.plan_child()
    personal = applicant.personal
    assert personal is not None and child.personal is not None and case.household.address is not None
    values = [personal.surname or ""]
    if form_id != "mietbescheinigung":  # the tenant's part counts the persons, it names no child
        values.append(child.personal.first_name or "")
    if form_id in ("kg1", "kiz1", "elterngeld-bund", "elterngeld-nrw", "elterngeld-nrw-gewinnermittlung", "elternzeit-brief"):
        values.append(child.birth_date.strftime("%d.%m.%Y"))
    if form_id in ("kg1", "kiz1", "mietbescheinigung", "elterngeld-nrw", "uvg-ausfuellhilfe", "wohngeld-ausfuellhilfe"):
        values.append(case.household.address.street)
    if form_id in ("kg1", "kiz1", "elterngeld-nrw", "uvg-ausfuellhilfe", "but-bochum-ausfuellhilfe") and personal.bank:
        values.append(personal.bank.iban)
    if form_id == "elternzeit-brief" and personal.employer is not None:
        values.append(personal.employer.name)
    return values


@pytest.mark.parametrize("name", sorted(DAYS))
def test_every_form_that_applies_is_filled_complete_rendered_and_holds_the_case(name: str) -> None:
    case = family(name)
    day = DAYS[name]
    assert sorted(form.id for form in offered_forms(case, day)) == APPLIES[name]
    for form_id in APPLIES[name]:
        who = "B" if form_id.startswith("elterngeld-nrw-") else None  # the self-employed father's sheets
        result = produce(case, form_id, applicant=who, today=day, flatten=True)
        assert result.missing == [], (form_id, result.missing)
        assert not [n for n in result.notes if "Fortsetzungsblatt" in n], (form_id, result.notes)
        text = flat("\n".join(pages(result.pdf)))
        checked = expected_values(case, form_id) if who is None else [case.parent("B").personal.surname or ""]  # type: ignore[union-attr]
        for value in checked:
            assert flat(value) in text, (form_id, value)
        assert save_pngs(result.pdf, f"familien-{name}-{form_id}", resolution=70)


def test_the_single_mothers_nrw_form_names_the_father_at_his_own_address_not_hers() -> None:
    pdf = produce(family("alleinerziehend"), "elterngeld-nrw", today=DAYS["alleinerziehend"]).pdf
    assert cell(pdf, 1, r"Straße/Hausnr\.:", 1) == "HattingerStraße140"
    assert cell(pdf, 1, r"Straße/Hausnr\.:", 2) == "RheinischeStraße55"
    assert cell(pdf, 1, "PLZ/Wohnort:", 2) == "44137Dortmund"
    assert cell(pdf, 1, "Nachname:", 3) == "Nowak" and cell(pdf, 1, "Vorname:", 3) == "Marek"
    assert cell(pdf, 1, "Geburtsdatum/Geburtsort:", 2) == "22.07.1993"


def test_the_single_mothers_anlage_kind_names_the_father_as_the_other_person() -> None:
    result = produce(family("alleinerziehend"), "kg1", today=DAYS["alleinerziehend"])
    other = "topmostSubform[0].Page1[0].Frage-2[0].Angaben-and-Person[0].{}[0]"
    anlage = result.parts[1].values
    assert [anlage.get(other.format(name)) for name in ("Name-and-Person", "Vorname-and-Person",
                                                         "Geburtsdatum-and-Person", "Anschrift-and-Person")] == [
        "Nowak", "Marek", "22.07.1993", "Rheinische Straße 55, 44137 Dortmund"]
    couple = produce(family("zwillinge"), "kg1", today=DAYS["zwillinge"])
    assert other.format("Name-and-Person") not in couple.parts[1].values


def test_the_self_employed_sheet_names_the_year_and_the_kinderfreibetraege_and_ticks_no_insurance() -> None:
    filled = fields(produce(family("selbststaendig"), "elterngeld-nrw-selbststaendige", applicant="B",
                            today=DAYS["selbststaendig"]).pdf)
    assert filled["Bemessungszeitraum"] == "2025"  # the calendar year before Jakob's birth, § 2b Abs. 3 BEEG
    assert filled["Steuern_2"] == "/Ja" and filled["Anzahl_Kinderfreibeträge"] == "0,5"
    # Tobias: voluntarily insured, no pension or unemployment insurance, no church tax
    assert [key for key in ("Steuern_1", "Sozialabgaben_1", "Sozialabgaben_2", "Sozialabgaben_3") if key in filled] == []


def test_the_uvg_sheet_names_the_other_parent_from_the_case() -> None:
    text = flat("\n".join(pages(produce(family("alleinerziehend"), "uvg-ausfuellhilfe", today=DAYS["alleinerziehend"]).pdf)))
    assert "Nowak,Marek" in text and "22.07.1993" in text and "RheinischeStraße55,44137Dortmund" in text


def test_kiz1_carries_the_kindergeldnummer_already_running() -> None:
    filled = fields(produce(family("alleinerziehend"), "kiz1", today=DAYS["alleinerziehend"]).pdf)
    assert filled["Formular1[0].Seite-1[0].Kopfzeile[0].#area[2].KG-Nr[0]"] == "321FK123456"


def test_without_the_fathers_address_his_column_stays_empty() -> None:
    raw = data("alleinerziehend")
    del raw["household"]["other_parent"]["address"]
    pdf = produce(load_case(raw), "elterngeld-nrw", today=DAYS["alleinerziehend"]).pdf
    assert cell(pdf, 1, r"Straße/Hausnr\.:", 2) == "" and cell(pdf, 1, "PLZ/Wohnort:", 2) == ""
    assert cell(pdf, 1, "Nachname:", 3) == "Nowak"
    del raw["household"]["other_parent"]
    pdf = produce(load_case(raw), "elterngeld-nrw", today=DAYS["alleinerziehend"]).pdf
    assert cell(pdf, 1, r"Straße/Hausnr\.:", 2) == "" and cell(pdf, 1, "Nachname:", 3) == ""


def test_alleinerziehend_is_ticked_on_both_elterngeld_forms_only_for_the_single_mother() -> None:
    single = "p2:Der andere Elternteil lebt weder mit mir@1"
    for name, ticked in (("alleinerziehend", True), ("selbststaendig", False), ("zwillinge", False)):
        nrw = produce(family(name), "elterngeld-nrw", today=DAYS[name])
        assert (nrw.parts[0].values.get(single) == "X") is ticked, name
        bund = fields(produce(family(name), "elterngeld-bund", today=DAYS[name]).pdf)
        assert (bund.get("cb.allein2a") == "/Ja") is ticked, name


def test_nrw_formular_2_and_3_hold_bank_health_insurer_and_siblings() -> None:
    pdf = produce(family("selbststaendig"), "elterngeld-nrw", today=DAYS["selbststaendig"]).pdf
    text = pages(pdf)
    mother, father = flat(text[4]), flat(text[8])
    for value in ("Katharina", "Jakob", "22.01.2026", "Barmer", "B987654321", "SparkasseEssen", "KatharinaBrandt",
                  "DE64360501051234567890"):
        assert value in mother, value
    for value in ("Tobias", "IKKclassic", "T555666777", "SparkasseDortmund", "TobiasBrandt", "DE57440501990055667788"):
        assert value in father, value
    # Paula (born 11.06.2024, under 3 at Jakob's birth) makes the Geschwisterbonus (§ 2a Abs. 1 Nr. 1 BEEG)
    assert cell(pdf, 5, "Anzahl der Geschwisterkinder:") == "1"
    sibling = [cell(pdf, 5, "Nachname(?= +Vorname)", row=1), cell(pdf, 5, "Vorname(?= +Geburtsdatum)", row=1),
               cell(pdf, 5, "Geburtsdatum(?= +Adoption)", row=1)]
    assert sibling == ["Brandt", "Paula", "11.06.2024"]
    assert cell(pdf, 5, "Nachname(?= +Vorname)", row=2) == ""
    assert cell(pdf, 9, "Nachname(?= +Vorname)", row=1) == "Brandt"


def test_formular_3_stays_empty_when_the_other_parent_does_not_apply() -> None:
    pdf = produce(family("alleinerziehend"), "elterngeld-nrw", today=DAYS["alleinerziehend"]).pdf
    text = pages(pdf)
    assert "Leo" in text[4] and "DE67430609674020000100" in flat(text[4])
    assert "Leo" not in text[8] and "Jana" not in text[8]
    # Mila is 4 at Leo's birth: no Geschwisterbonus (one child under 3 or two under 6), so no table row
    assert cell(pdf, 5, "Anzahl der Geschwisterkinder:") == "1"
    assert cell(pdf, 5, "Nachname(?= +Vorname)", row=1) == ""


@pytest.mark.parametrize("name, expected, absent", [
    ("zwillinge", {"txt.anzahl 4": "2", "cb.keine1c 3": "/Ja", "cb.beide2e": "/Ja", "cb:verheiratet2g": "/Ja",
                   "cb:verheiratetJa2g": "/Ja", "cb:verheiratet2g 1": "/Ja", "cb.ja2c": "/Ja", "cb.ja2c 1": "/Ja",
                   "cb.jadieselbeAdresse2c": "/Ja"},
     ["cb.insgesamt1c 3", "cb.allein2a", "cb.nurMich2e", "cb.ledig2g"]),
    ("alleinerziehend", {"cb.insgesamt1c 3": "/Ja", "txt.anzahl1c 3": "1", "cb.allein2a": "/Ja", "cb.nurMich2e": "/Ja",
                         "cb.ledig2g": "/Ja", "cb.ja2c": "/Ja", "cb.jadieselbeAdresse2c": "/Ja"},
     ["txt.anzahl 4", "cb.keine1c 3", "cb.beide2e", "cb:verheiratet2g", "cb.ja2c 1", "cb.wohnezusammen2c", "cb.ja3a 2",
      "txt.vorname4"]),
    ("selbststaendig", {"cb.insgesamt1c 3": "/Ja", "txt.anzahl1c 3": "1", "cb.beide2e": "/Ja", "cb:verheiratet2g": "/Ja",
                        "cb:verheiratetJa2g": "/Ja", "cb:verheiratet2g 1": "/Ja", "cb.wohnezusammen2c": "/Ja",
                        "cb.ja3a": "/Ja", "cb.ja3a 2": "/Ja",
                        # Paula, under 3 at Jakob's birth: the Geschwisterbonus' youngest sibling (§ 2a Abs. 1 Nr. 1 BEEG)
                        "txt.vorname4": "Paula", "txt.nachname4": "Brandt", "txt.geb4": "11.06.2024"},
     ["cb.allein2a", "cb.keine1c 3", "cb:verheiratetNein2g"]),
])
def test_the_federal_form_fills_familienstand_claimants_multiples_children_and_residence(
        name: str, expected: dict[str, str], absent: list[str]) -> None:
    filled = fields(produce(family(name), "elterngeld-bund", today=DAYS[name]).pdf)
    assert {key: filled.get(key) for key in expected} == expected
    assert [key for key in absent if key in filled] == []


def test_kiz1_ticks_verheiratet_verpartnert_for_a_registered_civil_partnership() -> None:
    raw = data("zwillinge")  # two mothers in a registered civil partnership (Lebenspartnerschaftsgesetz)
    for parent in raw["household"]["parents"]:
        parent["personal"]["marital_status"] = "civil_partnership"
    raw["household"]["parents"][1]["personal"]["sex"] = "female"
    filled = fields(produce(load_case(raw), "kiz1", today=DAYS["zwillinge"]).pdf)
    assert filled["Formular1[0].Seite-1[0].Frage-1[0].verheiratet[0]"] == "/1"
    bund = fields(produce(load_case(raw), "elterngeld-bund", today=DAYS["zwillinge"]).pdf)
    assert bund.get("cb.verpartnert2g") == "/Ja" and bund.get("cb.verpartnertJa2g") == "/Ja"
    assert "cb:verheiratet2g" not in bund


def test_the_flattened_mietbescheinigung_draws_each_radio_circle_in_its_own_place() -> None:
    pdf = produce(family("alleinerziehend"), "mietbescheinigung", today=DAYS["alleinerziehend"], flatten=True).pdf
    save_pngs(pdf, "familien-mietbescheinigung-kreise", resolution=100)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[2]
        height = float(page.height)
        # 4.1 Pauschale "Ja": widget /Rect [405.7 156.0 419.7 141.2] (top edge first); 4.2 Haushaltsstrom "Ja"
        for low, high in ((141.2, 156.0), (113.0, 127.9)):
            circles = [c for c in page.curves if 400 < c["x0"] < 425
                       and low - 10 < height - (c["top"] + c["bottom"]) / 2 < high + 10]
            assert circles, (low, high)
            assert all(low - 0.6 <= height - c["bottom"] and height - c["top"] <= high + 0.6 for c in circles), \
                [(round(height - c["bottom"], 1), round(height - c["top"], 1)) for c in circles]


def test_the_other_parent_is_an_optional_address_checked_like_the_others_and_identifying() -> None:
    raw = data("alleinerziehend")
    assert "household.other_parent" in identifying_paths(raw)
    wrong = copy.deepcopy(raw)
    wrong["household"]["other_parent"]["address"]["postcode"] = "44137!"
    with pytest.raises(CaseError, match="other_parent"):
        load_case(wrong)
    del raw["household"]["other_parent"]
    assert load_case(raw).household.other_parent is None


def test_a_multiline_value_drawn_in_our_own_font_keeps_its_line_break() -> None:
    # "Yıldız": the dotless ı is not in the Mietbescheinigung's field font, so the workbench draws the value itself;
    # the tenant's name and address went onto one line ("Yıldız, AylinKortumstraße 12, …")
    pdf = produce(family("zwillinge"), "mietbescheinigung", today=DAYS["zwillinge"], flatten=True).pdf
    lines = pages(pdf)[2].splitlines()
    assert "Yıldız, Aylin" in [line.strip() for line in lines]
    assert any(line.strip().startswith("Kortumstraße 12, 44787 Bochum") for line in lines)
    assert not [line for line in lines if "AylinKortum" in flat(line)]


def test_the_uvg_sheet_applies_only_for_the_child_uvg_does_not_yet_run_for() -> None:
    # Mila gets Unterhaltsvorschuss already (receives.unterhaltsvorschuss): only Leo is applied for
    text = flat("\n".join(pages(produce(family("alleinerziehend"), "uvg-ausfuellhilfe", today=DAYS["alleinerziehend"]).pdf)))
    assert "beantragtwird–LeoSchäfer" in text
    assert "Mila" not in text


def test_the_wohngeld_sheet_says_kindergeld_is_paid_only_where_it_runs_and_to_whom() -> None:
    text = pages(produce(family("alleinerziehend"), "wohngeld-ausfuellhilfe", today=DAYS["alleinerziehend"]).pdf)
    lines = [line.strip() for line in "\n".join(text).splitlines()]
    assert "Für welche Kinder wird Kindergeld gezahlt? Mila Schäfer" in lines  # 321FK123456, to Jana
    assert "An wen? Jana Schäfer" in lines
    assert "Kindergeld beantragt, noch nicht bewilligt, für Leo Schäfer" in lines
    twins = "\n".join(pages(produce(family("zwillinge"), "wohngeld-ausfuellhilfe", today=DAYS["zwillinge"]).pdf))
    assert "Kindergeld beantragt, noch nicht bewilligt, für Mia Yıldız, Emil Yıldız" in twins
    assert "gezahlt? Mia" not in twins


@pytest.mark.parametrize("name, mother, other", [("zwillinge", "X", "X"), ("alleinerziehend", "X", None)])
def test_the_nrw_form_ticks_deutsch_for_each_parent_the_case_calls_german(name: str, mother: str, other: str | None) -> None:
    values = produce(family(name), "elterngeld-nrw", today=DAYS[name]).parts[0].values  # 1.4.2 Staatsangehörigkeit
    assert (values.get("p2:deutsch@1"), values.get("p2:deutsch@2")) == (mother, other)


def test_the_federal_form_names_the_place_for_both_signatures_only_when_both_sign() -> None:
    couple = fields(produce(family("zwillinge"), "elterngeld-bund", today=DAYS["zwillinge"]).pdf)
    assert (couple.get("txt.ortdatum_1"), couple.get("txt.ortdatum_2")) == ("Bochum", "Bochum")
    single = fields(produce(family("alleinerziehend"), "elterngeld-bund", today=DAYS["alleinerziehend"]).pdf)
    assert single.get("txt.ortdatum_1") == "Bochum" and not single.get("txt.ortdatum_2")


RELATION = "topmostSubform[0].Page1[0].Frage-2[0].#area[10].Kindschaftsverhältnis[0].{}[0].{}[0]"


@pytest.mark.parametrize("name, ticked", [
    ("zwillinge", [("Zeile1", "Zelle2"), ("Zeile2", "Zelle2")]),  # leiblich to Aylin and to Jonas
    ("alleinerziehend", [("Zeile1", "Zelle2"), ("Zeile4", "Zelle2")]),  # leiblich to Jana and to Marek (other person)
    ("selbststaendig", [("Zeile1", "Zelle2"), ("Zeile2", "Zelle2")]),
])
def test_kg1_anlage_kind_ticks_whose_child_it_is(name: str, ticked: list[tuple[str, str]]) -> None:
    for part in produce(family(name), "kg1", today=DAYS[name]).parts[1:]:
        assert sorted(key for key, value in part.values.items() if "Kindschaftsverhältnis" in key and value == "/1") == \
            sorted(RELATION.format(*cell) for cell in ticked)


def test_a_stepchild_is_ticked_stiefkind_for_the_spouse_and_leiblich_for_its_parent() -> None:
    case = load_case(FAMILIES / "stiefkind.json")  # Lina is Jana's daughter; Jana and Tobias are married
    anlage = produce(case, "kg1", today=date(2026, 3, 2), allow_missing=True).parts[1].values
    assert sorted(key for key, value in anlage.items() if "Kindschaftsverhältnis" in key) == [
        RELATION.format("Zeile1", "Zelle2"), RELATION.format("Zeile2", "Zelle5")]
    bund = fields(produce(case, "elterngeld-bund", today=date(2026, 3, 2), allow_missing=True).pdf)
    assert [key for key in ("cb.leiblich3b", "cb.leiblich3b 1", "cb.nichtMein3b", "cb.nichtMein3b 2") if key in bund] == [
        "cb.leiblich3b", "cb.nichtMein3b 2"]


@pytest.mark.parametrize("name, other", [("zwillinge", True), ("alleinerziehend", False), ("selbststaendig", True)])
def test_the_elterngeld_forms_tick_mein_leibliches_kind(name: str, other: bool) -> None:
    bund = fields(produce(family(name), "elterngeld-bund", today=DAYS[name]).pdf)
    assert bund.get("cb.leiblich3b") == "/Ja" and (bund.get("cb.leiblich3b 1") == "/Ja") is other
    assert "cb.adoptiv3b" not in bund and "cb.nichtMein3b" not in bund
    nrw = produce(family(name), "elterngeld-nrw", today=DAYS[name]).parts[0].values
    assert nrw.get("p5:leibliches Kind@1") == "X" and (nrw.get("p9:leibliches Kind@1") == "X") is other
    if name == "selbststaendig":  # 4.: Paula, the youngest sibling, is both parents' own child
        assert bund.get("cb.leiblich4") == "/Ja" and bund.get("cb.leiblich4 1") == "/Ja"


@pytest.mark.parametrize("name, other", [("zwillinge", True), ("alleinerziehend", False), ("selbststaendig", True)])
def test_nrw_2_2_says_the_child_lives_with_the_parent_since_the_birth(name: str, other: bool) -> None:
    values = produce(family(name), "elterngeld-nrw", today=DAYS[name]).parts[0].values
    key = r"p{}:ja(?=\W+nein, Unterbrechung)@1"
    assert values.get(key.format(5)) == "X" and (values.get(key.format(9)) == "X") is other


def test_a_stated_voluntary_health_insurance_is_ticked_and_the_employees_default_is_not() -> None:
    # Tobias: self-employed, "health_insurance": "statutory_voluntary"; Katharina: employee, nothing stated
    bund = fields(produce(family("selbststaendig"), "elterngeld-bund", today=DAYS["selbststaendig"]).pdf)
    assert bund.get("cb.freiwillig6") == "/Ja"
    assert [key for key in ("cb.gesetzlich5", "cb.gesetzlich6", "cb.freiwillig5", "cb.privat5", "cb.privat6") if key in bund] == []
    nrw = produce(family("selbststaendig"), "elterngeld-nrw", today=DAYS["selbststaendig"]).parts[0].values
    assert nrw.get("p9:freiwillig gesetzlich versichert@1") == "X" and "p5:freiwillig gesetzlich versichert@1" not in nrw


@pytest.mark.parametrize("name, cells", [("pflegekind", ["Zelle4"]), ("adoption", ["Zelle4"])])
def test_a_child_taken_in_is_never_ticked_leiblich_or_stiefkind(name: str, cells: list[str]) -> None:
    # both children have "parents": [] (no legal parent in the household yet), the couple is married: a foster child
    # is both carers' Pflegekind; a child in Adoptionspflege too on KG 1 until the Annahmebeschluss is served
    # (§ 197 Abs. 2 FamFG; DA-KG A 10.2 Abs. 2: "als Pflegekind berücksichtigt"), never Adoptivkind before it;
    # the federal Elterngeld form has its own box ("Adoptivkind … wenn das Adoptionsverfahren noch läuft")
    case = load_case(FAMILIES / f"{name}.json")
    anlage = produce(case, "kg1", today=date(2026, 6, 1), allow_missing=True).parts[1].values
    assert sorted(key for key, value in anlage.items() if "Kindschaftsverhältnis" in key) == sorted(
        RELATION.format(row, cell) for row in ("Zeile1", "Zeile2") for cell in cells)
    pdf = produce(case, "kg1", today=date(2026, 6, 1), allow_missing=True).pdf  # read back: the boxes in the PDF
    ticked = sorted(key for key, value in fields(pdf).items() if "Kindschaftsverh" in key and value not in ("", "/Off"))
    assert [key.split(".")[-2:] for key in ticked] == [[row + "[0]", cell + "[0]"] for row in ("Zeile1", "Zeile2") for cell in cells]
    if name == "adoption":
        bund = fields(produce(case, "elterngeld-bund", today=date(2026, 6, 1), allow_missing=True).pdf)
        assert [key for key in ("cb.adoptiv3b", "cb.adoptiv3b 1", "cb.leiblich3b", "cb.nichtMein3b 2") if key in bund] == [
            "cb.adoptiv3b", "cb.adoptiv3b 1"]

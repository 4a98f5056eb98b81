"""Long values are never cut silently: a smaller font down to 6 pt, then the start with "…" and a continuation sheet.

The longest realistic values of a Bochum family go into every text field of every map; the test
reads the filled, flattened PDF's text: each value is on the form in full or on the continuation
sheet, whose entries are exactly the values shortened with "…".
"""

from __future__ import annotations

import pytest

from tests.forms.conftest import TODAY, save_pngs
from workbench.case import Case, dump_case, load_case
from workbench.forms.fitting import FLOOR, width_at
from workbench.forms.produce import produce
from workbench.forms.verify import page_text

LONG = {
    "surname": "Müller-Lüdenscheidt-Hohenzollern-Sigmaringen",
    "birth_name": "Wiśniewska-Zielińska-Brzęczyszczykiewicz",
    "birth_place": "Frankfurt am Main-Höchst (Hessen, Deutschland)",
    "nationality": "deutsch, polnisch, türkisch",
    "email": "maximilian-alexander.mueller-luedenscheidt@familie-beispiel.example.org",
    "phone": "+49 (0) 234 / 55 66 77 88 - Durchwahl 123",
    "health_insurer": "AOK NordWest – Die Gesundheitskasse für Westfalen-Lippe und Schleswig-Holstein",
}


def _long_family(family: Case) -> Case:
    data = dump_case(family)
    data["household"]["address"] = {"street": "Friedrich-Wilhelm-von-Steuben-Straße", "house_number": "123a–125b",
                                    "postcode": "44787", "city": "Bochum-Wattenscheid-Höntrop",
                                    "addition": "c/o Familie Wiśniewska, Hinterhaus, 3. Obergeschoss links"}
    for parent in data["household"]["parents"]:
        parent["name"] = "Maximilian-Alexander Konstantin Friedrich"
        parent["personal"].update(LONG)
    for child in data["household"]["children"]:
        child["personal"].update({"first_name": "Maximilian Alexander Konstantin Friedrich", "surname": LONG["surname"],
                                  "birth_place": LONG["birth_place"], "nationality": LONG["nationality"]})
    return load_case(data)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("form_id", ["kg1", "kiz1", "elterngeld-bund", "elterngeld-nrw", "elterngeld-nrw-selbststaendige"])
def test_no_long_value_is_lost(family: Case, form_id: str) -> None:
    case = _long_family(family)
    applicant = "B" if form_id == "elterngeld-nrw-selbststaendige" else None
    result = produce(case, form_id, applicant=applicant, today=TODAY, flatten=True, allow_missing=True)
    whole = _flat(page_text(result.pdf))
    written = {value for part in result.parts for value in part.values.values() if not value.startswith("/")}
    dense = "".join(whole.split())  # comb cells and letter-spaced cells are read back with spaces between
    lost = [value for value in written if "".join(value.split()) not in dense]
    assert lost == [], lost
    long_ones = [value for value in written if len(value) > 45]
    assert long_ones, "the family's values must really be long"
    if "Fortsetzung zum Formular" in whole:
        sheet = _flat(whole.split("Fortsetzung zum Formular", 1)[1])
        assert any(_flat(value) in sheet for value in long_ones)
        assert "zu lang: sie steh" in " ".join(result.notes)
    save_pngs(result.pdf, f"lang-{form_id}", resolution=50)


def test_a_value_that_fits_at_a_smaller_size_is_shrunk_not_cut(family: Case) -> None:
    # KG 1 section 5: "männlich" in the narrow Geschlecht column, a long first name in its cell
    data = dump_case(family)
    data["household"]["children"][1]["personal"]["first_name"] = "Maximilian Alexander Konstantin"
    # section 5 lists only children whose Kindergeld already runs for the applicant (issue 16, ADR 0027)
    data["household"]["children"][1]["receives"] = {"kindergeld": {"parent": data["household"]["parents"][0]["id"]}}
    result = produce(load_case(data), "kg1", today=TODAY, flatten=True)
    text = _flat(page_text(result.pdf))
    assert "Maximilian Alexander Konstantin 10.03.2026 männlich" in text
    # no note but the open question of KG 1 AnK 4 (the case does not say whether Kindergeld was applied for, D10)
    assert "Fortsetzung" not in text and not [n for n in result.notes if not n.startswith("Offene Frage")]
    assert width_at("männlich", FLOOR) < width_at("männlich", 10)


def test_the_address_addition_is_printed(family: Case) -> None:
    data = dump_case(family)
    data["household"]["address"]["addition"] = "c/o Yilmaz"
    case = load_case(data)
    for form_id in ("kg1", "kiz1", "elterngeld-bund", "elterngeld-nrw"):
        text = _flat(page_text(produce(case, form_id, today=TODAY, flatten=True, allow_missing=True).pdf))
        assert "c/o Yilmaz" in text, form_id

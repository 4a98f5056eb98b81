"""The maps for the Mietbescheinigung, KG 5a and the NRW Gewinnermittlung: offered where they fit, the family's
part filled from the case (read back with pypdf/pdfplumber), the other party's part left empty (issue 18 item 5)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from tests.forms.conftest import FAMILY, TODAY, save_pngs
from workbench.case import Case
from workbench.forms.conditions import age_on, household_size, school_adults
from workbench.forms.produce import offered_forms, produce
from workbench.forms.registry import get_map
from workbench.forms.verify import page_text, read_fields

KG5A = "topmostSubform[0].Page1[0]."


def _data() -> dict[str, Any]:
    return json.loads(FAMILY.read_text(encoding="utf-8"))


def _single_mother_with_pupil() -> Case:
    """Ayşe alone with Lönne (3) and Deniz, 19 and at a Berufskolleg; the flat rented (Bochum, 62 m²)."""
    data = _data()
    for key in ("elterngeld_plan", "elternzeit", "mutterschutz", "elterngeld_alternatives"):
        data.pop(key, None)  # about Jörg and the newborn, who are not in this household
    household = data["household"]
    household["parents"] = [household["parents"][1]]
    household["married"] = False
    household["single_parent"] = True
    household["parents"][0]["personal"]["marital_status"] = "divorced"
    household["housing"] = {"rent_cold": 520, "heating": 85, "utilities_cold": 140, "living_space_sqm": 62}
    household["children"] = [household["children"][0], {
        "id": "K2", "birth_date": "2007-01-15",
        "situation": {"education": "vocational_school"},
        "personal": {"first_name": "Deniz", "surname": "Öztürk", "birth_place": "Köln"},
    }]
    return Case.model_validate(data)


def test_the_new_forms_are_offered_only_where_they_fit(family: Case) -> None:
    ids = {form.id for form in offered_forms(family, TODAY)}
    # Müller: two parents, no rent in the case, no child over 18; Ayşe self-employed
    assert "elterngeld-nrw-gewinnermittlung" in ids
    assert "kg5a" not in ids and "mietbescheinigung" not in ids
    mother = _single_mother_with_pupil()
    ids = {form.id for form in offered_forms(mother, TODAY)}
    assert {"kg5a", "mietbescheinigung"} <= ids


def test_kg5a_is_about_the_adult_pupil_and_leaves_the_schools_part_empty() -> None:
    mother = _single_mother_with_pupil()
    # Deniz turned 18 on 15.01.2025 (§ 187 Abs. 2 BGB: on the birthday); still 17 the day before
    assert age_on(date(2007, 1, 15), date(2025, 1, 15)) == 18
    assert age_on(date(2007, 1, 15), date(2025, 1, 14)) == 17
    assert school_adults(mother, TODAY) == ["K2"]
    assert school_adults(mother, date(2025, 1, 14)) == []
    result = produce(mother, "kg5a", today=TODAY)
    fields = read_fields(result.pdf)
    assert fields == {
        KG5A + "Name_Vorname_KGB[0]": "Müller-Lüdenscheidt, Ayşe",
        KG5A + "Telefon[0]": "0234 5566779",
        KG5A + "#area[0].seit[1]": "Deniz Öztürk",
        KG5A + "#area[0].seit[0]": "15.01.2007",
    }  # Schuleintritt, Klasse, Vollzeit/Teilzeit, Ende, Datum: the school's
    flat = produce(mother, "kg5a", today=TODAY, flatten=True).pdf
    assert "Deniz Öztürk" in page_text(flat)
    save_pngs(flat, "kg5a-flat-mother", 70)


def test_the_mietbescheinigung_holds_the_tenant_and_the_persons_only() -> None:
    mother = _single_mother_with_pupil()
    assert household_size(mother) == 3  # Ayşe, Lönne, Deniz
    fields = read_fields(produce(mother, "mietbescheinigung", today=TODAY).pdf)
    assert fields == {
        "txt_M_Anschrift": "Müller-Lüdenscheidt, Ayşe\nKönigsallee 12a, 44789 Bochum",
        "txt_Anschrift": "Königsallee 12a, 44789 Bochum",
        "txt_Anzahl_Personen": "3",
    }  # rent, areas, heating, deposit, bank, landlord: the landlord certifies them
    assert get_map("mietbescheinigung").fits == ["renting"]


def test_twins_count_twice_in_the_household(family: Case) -> None:
    data = _data()
    data["household"]["children"][1]["count"] = 2
    assert household_size(Case.model_validate(data)) == household_size(family) + 1 == 5


def test_the_gewinnermittlung_names_the_calendar_year_before_the_birth(family: Case) -> None:
    result = produce(family, "elterngeld-nrw-gewinnermittlung", today=TODAY)
    fields = read_fields(result.pdf)
    # Ayşe (B) is the self-employed parent; Jürgen born 10.03.2026: Bemessungszeitraum 2025 (§ 2b Abs. 3 BEEG)
    assert fields["Antragsteller"] == fields["Antragsnummer_Antragsteller"] == "Müller-Lüdenscheidt, Ayşe"
    assert fields["Kind"] == "Jürgen Müller-Lüdenscheidt"
    assert fields["Geburtsdatum"] == "10.03.2026"
    assert fields["Kalenderjahr_vG"] == "2025"
    assert "Einnahmen_1" not in fields and "Tätigkeit" not in fields  # the books are the family's
    save_pngs(produce(family, "elterngeld-nrw-gewinnermittlung", today=TODAY, flatten=True).pdf,
              "gewinnermittlung-flat-mueller", 70)

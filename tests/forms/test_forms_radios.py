"""Radio groups: the engine writes the group's own export value and flattening keeps the chosen one.

None of the forms the workbench fills today has a radio group (the Familienkasse and Elterngeld forms
use single checkboxes), so the engine's radio path is checked on the Berlin UVG form's two Ja/Nein
groups with a map made for this test (the regression of "last one wins" on flatten, forms/README.md).
"""

from __future__ import annotations

from datetime import date

from workbench.case import Case
from workbench.forms.blanks import edition_differences, load_blank
from workbench.forms.fill import fill_acroform
from workbench.forms.values import field_values
from workbench.forms.registry import FieldSpec, FormMap
from workbench.forms.sources import case_data, roles_for
from workbench.forms.verify import read_fields

from tests.forms.conftest import save_pngs

UVG = FormMap(
    id="uvg-radio-test", title={"de": "UVG (Test)", "en": "UVG (test)"}, version="Stand 03/2025",
    download="https://www.berlin.de", blank="uvg_antrag_berlin_2025-03.pdf",
    sha256="65050e04b6fd197d832f86cbf867b12695cc47223fec96a729772d45bdad7842",
    fields=[FieldSpec(field="Leistungsbezug", source="household.married", radio={"True": "/Ja", "False": "/Nein"}),
            FieldSpec(field="Waisenbezüge", source="household.single_parent", radio={"True": "/Ja", "False": "/Nein"})],
)


def test_radio_groups_take_their_export_values_and_keep_them_when_flattened(family: Case) -> None:
    blank = load_blank(UVG)
    assert edition_differences(UVG, blank.fields) == []
    values = field_values(UVG, family, case_data(family), roles_for(family), date(2026, 4, 20)).values
    assert values == {"Leistungsbezug": "/Ja", "Waisenbezüge": "/Nein"}  # married true, single parent false
    filled = fill_acroform(blank, values)
    read = read_fields(filled)
    assert read["Leistungsbezug"] == "/Ja" and read["Waisenbezüge"] == "/Nein"
    flat = fill_acroform(blank, values, flatten=True)
    assert read_fields(flat) == {}
    save_pngs(flat, "uvg-radios-flat", resolution=70)

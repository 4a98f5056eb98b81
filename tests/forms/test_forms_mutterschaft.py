"""Federal section 10 and NRW 2.7.2/2.8.1 (3.7.2/3.8.1): the mother's Mutterschaftsleistungen on the Elterngeld forms.

The federal form: "Fragen an die leibliche Mutter des Kindes – Diese Fragen müssen immer beantwortet werden".
Aylin (tests/cases/familien/zwillinge.json) is employed and a member of the statutory insurance: Mutterschaftsgeld of
her Krankenkasse (§ 24i SGB V) and her employer's Zuschuss (§ 20 MuSchG). Due date 17.03.2026, twins born 10.03.2026:
the protection period runs from 03.02.2026 (six weeks before the due date, § 3 Abs. 1 MuSchG) to 09.06.2026 (twelve
weeks after the birth for multiples plus the seven days not taken before it, § 3 Abs. 2 Satz 2 Nr. 2, Satz 3 MuSchG).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from workbench.case import Case, load_case
from workbench.forms import produce
from workbench.forms.overlay import placements
from workbench.forms.registry import get_map
from workbench.forms.verify import overlay_text, read_fields

FAMILIES = Path(__file__).resolve().parents[1] / "cases" / "familien"
TWINS_DAY = date(2026, 4, 20)
SECTION_10 = ("cb.AnspruchMG", "txt_datum10_1", "txt_datum10_2", "cb.zuschussMG", "txt_datum10_7", "txt_datum10_8",
              "cb.keinAnspruch")


def family(name: str) -> Case:
    return load_case(FAMILIES / f"{name}.json")


def section_10(case: Case, day: date, applicant: str | None = None) -> dict[str, str]:
    filled = read_fields(produce(case, "elterngeld-bund", applicant=applicant, today=day, allow_missing=True).pdf)
    return {key: filled[key] for key in SECTION_10 if key in filled}


def nrw(case: Case, day: date, applicant: str | None = None) -> tuple[bytes, dict[str, str]]:
    result = produce(case, "elterngeld-nrw", applicant=applicant, today=day, allow_missing=True)
    return result.pdf, {k: v for k, v in result.parts[0].values.items() if k.startswith(("p6:", "p7:", "p10:", "p11:"))}


def drawn(pdf: bytes, key: str) -> str:
    return "".join(overlay_text(pdf, placements(get_map("elterngeld-nrw"))[key]).split())


@pytest.mark.parametrize("applicant", [None, "B"])
def test_the_federal_form_answers_section_10_for_the_mother_whoever_applies(applicant: str | None) -> None:
    assert section_10(family("zwillinge"), TWINS_DAY, applicant) == {
        "cb.AnspruchMG": "/Ja", "txt_datum10_1": "10.03.2026", "txt_datum10_2": "09.06.2026",
        "cb.zuschussMG": "/Ja", "txt_datum10_7": "10.03.2026", "txt_datum10_8": "09.06.2026"}


def test_a_mother_without_mutterschaftsleistungen_ticks_keinen_anspruch() -> None:
    # Jana (stiefkind.json): not employed, family-insured: no Mutterschaftsgeld of her own (§ 24i Abs. 1 SGB V needs
    # membership with Krankengeld), no Zuschuss
    assert section_10(family("stiefkind"), date(2026, 3, 2)) == {"cb.keinAnspruch": "/Ja"}


def test_maternity_benefit_without_mutterschutz_data_dates_the_period_from_the_birth(tmp_path: Path) -> None:
    data = json.loads((FAMILIES / "zwillinge.json").read_text(encoding="utf-8"))
    del data["mutterschutz"]  # Aylin's "maternity_benefit": true stays
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    # twins on 10.03.2026 without a due date: twelve weeks after the birth, to 02.06.2026 (§ 3 Abs. 2 Satz 2 Nr. 2 MuSchG)
    assert section_10(load_case(path), TWINS_DAY) == {
        "cb.AnspruchMG": "/Ja", "txt_datum10_1": "10.03.2026", "txt_datum10_2": "02.06.2026",
        "cb.zuschussMG": "/Ja", "txt_datum10_7": "10.03.2026", "txt_datum10_8": "02.06.2026"}


@pytest.mark.parametrize("name", ["adoption", "pflegekind"])
def test_a_child_taken_in_leaves_section_10_to_the_family(name: str) -> None:
    assert section_10(family(name), date(2026, 6, 1)) == {}


def test_the_nrw_form_ticks_the_mothers_own_benefits_and_her_mutterschutz_before_the_birth() -> None:
    # 2.7.2 "Monate vor Geburt": 03.02. to 09.03.2026, the day before the birth — the day of birth is paid as its own
    # day (§ 24i Abs. 3 Satz 1 SGB V) and credited "ab dem Tag der Geburt" (§ 3 Abs. 1 Satz 1 Nr. 1 BEEG), after it
    pdf, values = nrw(family("zwillinge"), TWINS_DAY)  # Aylin Elternteil 1 (Formular 2), Jonas Formular 3
    assert values == {
        "p6:Ich befand mich im Mutterschutz@1": "X", "p6:von:@10": "03022026", "p6:bis:@10": "09032026",
        "p7:Mutterschaftsgeld von der gesetzlichen Krankenkasse@1": "X", "p7:Arbeitgeberzuschuss@1": "X",
        # Formular 3, 3.8.1 "Die Mutter hat … Anspruch auf"; Jonas' own 3.7.2 stays empty
        "p11:Mutterschaftsgeld von der gesetzlichen Krankenkasse@1": "X", "p11:Arbeitgeberzuschuss@1": "X"}
    assert drawn(pdf, "p6:von:@10") == "03022026" and drawn(pdf, "p6:bis:@10") == "09032026"
    assert drawn(pdf, "p10:von:@10") == ""


def test_the_father_as_elternteil_1_answers_nothing_for_himself_and_the_mothers_form_3_holds_hers() -> None:
    _, values = nrw(family("zwillinge"), TWINS_DAY, applicant="B")
    assert values == {
        "p10:Ich befand mich im Mutterschutz@1": "X", "p10:von:@10": "03022026", "p10:bis:@10": "09032026",
        "p11:Mutterschaftsgeld von der gesetzlichen Krankenkasse@1": "X", "p11:Arbeitgeberzuschuss@1": "X"}


def test_a_child_born_before_the_protection_period_began_has_no_mutterschutz_before_the_birth() -> None:
    data = json.loads((FAMILIES / "zwillinge.json").read_text(encoding="utf-8"))
    data["mutterschutz"]["due_date"] = "2026-05-05"  # twins born 10.03.2026, eight weeks early: the six weeks before
    case = Case.model_validate(data)                  # the due date begin on 24.03.2026, after the birth
    pdf, values = nrw(case, TWINS_DAY)
    assert "p6:von:@10" not in values and "p6:bis:@10" not in values and "p6:Ich befand mich im Mutterschutz@1" not in values
    assert drawn(pdf, "p6:bis:@10") == ""
    assert section_10(case, TWINS_DAY)["txt_datum10_1"] == "10.03.2026"  # section 10 still from the birth

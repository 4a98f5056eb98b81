"""Forms that do not fit are neither offered nor filled; signature dates and a newborn's Steuer-ID are the family's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.forms.conftest import TODAY
from workbench.case import Case, dump_case, load_case
from workbench.errors import FormError
from workbench.forms.offering import claim_deadline
from workbench.forms.produce import offered_forms, produce
from workbench.forms.registry import get_map
from workbench.forms.verify import read_fields


def _ids(case: Case, today: date) -> list[str]:
    return [form.id for form in offered_forms(case, today)]


def test_elterngeld_forms_stop_three_lebensmonate_after_the_last_planned_month(family: Case) -> None:
    # K1 born 10.03.2026, last planned month 12 (B: PP in 11-12): paid back from month L-3, so the
    # application must arrive by the end of Lebensmonat 15 = 09.06.2027 (§ 7 Abs. 1 Satz 2 BEEG)
    assert claim_deadline(family) == date(2027, 6, 9)
    assert "elterngeld-bund" in _ids(family, date(2027, 6, 9))
    assert "elterngeld-bund" not in _ids(family, date(2027, 6, 10))
    assert "kg1" in _ids(family, date(2031, 3, 10))  # Kindergeld has no such limit here
    with pytest.raises(FormError) as refused:
        produce(family, "elterngeld-bund", today=date(2031, 3, 10))
    assert refused.value.messages[1].startswith("Elterngeld wird rückwirkend nur für die letzten drei Lebensmonate")
    assert "09.06.2027" in refused.value.messages[1]


def test_the_self_employed_sheet_is_refused_for_an_employed_parent(family: Case) -> None:
    # B (Ayşe) is self-employed, A (Jörg) employed
    assert "elterngeld-nrw-selbststaendige" in _ids(family, TODAY)
    assert produce(family, "elterngeld-nrw-selbststaendige", applicant="B", today=TODAY,
                   allow_missing=True).pdf.startswith(b"%PDF")
    with pytest.raises(FormError, match="Das Blatt ist für Selbstständige; Jörg hatte vor der Geburt kein"):
        produce(family, "elterngeld-nrw-selbststaendige", applicant="A", today=TODAY)


def test_the_elternzeit_letter_is_offered_for_leave_without_elterngeld(family: Case) -> None:
    data = dump_case(family)
    del data["elterngeld_plan"]
    data["elternzeit"] = {"child": "K1", "periods": [{"parent": "A", "start": "2026-09-01", "end": "2027-02-28"}]}
    leave_only = load_case(data)
    assert "elternzeit-brief" in _ids(leave_only, TODAY)
    assert "elterngeld-bund" not in _ids(leave_only, TODAY)


def test_signature_dates_stay_empty_for_the_family_to_write_when_signing(family: Case) -> None:
    for form_id in ("kg1", "kiz1", "elterngeld-bund"):
        written = [spec.field for spec in get_map(form_id).fields if spec.source == "=today"
                   or isinstance(spec.source, list) and "=today" in spec.source]
        assert written == [], form_id
    fields = read_fields(produce(family, "kg1", today=TODAY).pdf)
    assert not any(value == "20.04.2026" for value in fields.values())


def test_kg1_is_filled_before_the_newborns_steuer_id_arrives(family: Case) -> None:
    data = dump_case(family)
    del data["household"]["children"][1]["personal"]["tax_id"]  # "soweit vergeben" (KG 1 Anlage Kind, Frage 1)
    result = produce(load_case(data), "kg1", today=TODAY)
    assert result.pdf.startswith(b"%PDF") and result.missing == []


def test_the_self_employed_sheet_asks_for_insurance_instead_of_ticking_employee_defaults(family: Case) -> None:
    from workbench.forms.produce import missing_data
    from workbench.ui.pages.formulare.wizard import MissingInput

    # Ayşe (B) is self-employed; here the case never said how she was insured
    data = dump_case(family)
    for name in ("pension_insured", "health_insurance", "unemployment_insured"):
        del data["household"]["parents"][1]["income_before_birth"][name]
    family = load_case(data)
    missing = missing_data(family, "elterngeld-nrw-selbststaendige", applicant="B", today=TODAY)
    assert [m.label for m in missing] == [
        "Als Selbstständige(r) rentenversicherungspflichtig (DRV, Versorgungswerk, KSK)? – Ayşe",
        "Krankenversicherung als Selbstständige(r) – Ayşe",
        "Als Selbstständige(r) arbeitslosenversicherungspflichtig (§ 28a SGB III)? – Ayşe"]
    gaps = produce(family, "elterngeld-nrw-selbststaendige", applicant="B", today=TODAY, allow_missing=True)
    assert {k: v for k, v in read_fields(gaps.pdf).items() if k.startswith("Sozialabgaben")} == {}

    asked = MissingInput(missing[0], "de")
    assert [label for label, _ in asked.input.options] == ["–", "ja", "nein"]
    asked.input.value = False
    assert asked.read() is False

    data = dump_case(family)
    data["household"]["parents"][1]["income_before_birth"].update(
        {"pension_insured": True, "health_insurance": "statutory_voluntary", "unemployment_insured": False})
    stated = produce(load_case(data), "elterngeld-nrw-selbststaendige", applicant="B", today=TODAY)
    ticked = {k: v for k, v in read_fields(stated.pdf).items() if k.startswith("Sozialabgaben")}
    assert ticked == {"Sozialabgaben_1": "/Ja"}  # only the pension insurance was compulsory


def test_an_unstated_insurance_stays_unstated_through_the_store(family: Case, tmp_path: Path) -> None:
    from workbench.forms.produce import missing_data
    from workbench.store import open_store

    data = dump_case(family)
    for name in ("pension_insured", "health_insurance", "unemployment_insured"):
        del data["household"]["parents"][1]["income_before_birth"][name]
    store = open_store(tmp_path / "faelle.sqlite")
    store.save(load_case(data), expected_version=None)
    reopened = load_case(store.open(family.case_id).data)
    assert len(missing_data(reopened, "elterngeld-nrw-selbststaendige", applicant="B", today=TODAY)) == 3

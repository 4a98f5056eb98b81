"""The application folder in the case (``antragsmappe``, ``workbench-case/4``, ADR 0037): what the office did with
each application, its status read from the dates, and the checks that keep the dates in order."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from workbench.case import dump_case, load_case
from workbench.errors import CaseError

TWINS = Path(__file__).parent / "cases" / "familien" / "zwillinge.json"


def twins_with(*applications: dict[str, Any]) -> dict[str, Any]:
    data = dump_case(load_case(TWINS))
    data["antragsmappe"] = {"applications": list(applications)}
    return data


@pytest.mark.parametrize("entry, status", [
    ({}, "vorbereitet"),
    ({"signed_on": "2026-12-01"}, "unterschrieben"),
    ({"signed_on": "2026-12-01", "forwarded_on": "2026-12-02"}, "weitergeleitet"),
    ({"forwarded_on": "2026-12-02", "decided_on": "2027-01-15"}, "bescheid"),
    ({"forwarded_on": "2026-12-02", "decided_on": "2027-01-15", "rejected": True}, "abgelehnt"),
])
def test_the_status_is_read_from_the_dates(entry: dict[str, Any], status: str) -> None:
    case = load_case(twins_with({"benefit": "elterngeld", "parent": "A", **entry}))
    assert case.antragsmappe is not None and case.antragsmappe.applications[0].status == status


def test_the_folder_round_trips_with_its_ticked_documents() -> None:
    data = twins_with({"benefit": "elterngeld", "parent": "A", "signed_on": "2026-12-01",
                       "documents": ["elterngeld_antrag", "geburtsbescheinigung"]},
                      {"benefit": "kindergeld", "forwarded_on": "2026-12-03"})
    case = load_case(data)
    assert load_case(dump_case(case)) == case
    mappe = case.antragsmappe
    assert mappe is not None and mappe.record("kindergeld") is not None
    record = mappe.record("elterngeld", "A")
    assert record is not None and record.signed_on == date(2026, 12, 1)
    assert record.documents == ["elterngeld_antrag", "geburtsbescheinigung"] and mappe.record("elterngeld", "B") is None


@pytest.mark.parametrize("entry, message", [
    ({"benefit": "elterngeld", "parent": "A", "signed_on": "2026-12-05", "forwarded_on": "2026-12-01"},
     "antragsmappe.applications[0].forwarded_on: liegt vor „signed_on“ (2026-12-05)"),
    ({"benefit": "elterngeld"}, "antragsmappe.applications[0].parent: Elterngeld beantragt jeder Elternteil selbst"),
    ({"benefit": "kindergeld", "parent": "A"}, "antragsmappe.applications[0].parent: nur beim Elterngeld"),
    ({"benefit": "elterngeld", "parent": "Z"}, "antragsmappe.applications[0].parent: "),
    ({"benefit": "wohngeld", "rejected": True}, "antragsmappe.applications[0].rejected: abgelehnt ohne Datum"),
    ({"benefit": "wohngeld", "documents": ["Mietvertrag"]}, "antragsmappe.applications[0].documents[0]: Schlüssel"),
    ({"benefit": "elternzeit"}, "antragsmappe.applications[0].benefit: "),
])
def test_a_wrong_entry_is_named_with_its_path(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(CaseError) as caught:
        load_case(twins_with(entry))
    assert caught.value.messages[0].startswith(message), caught.value.messages


def test_an_application_is_in_the_folder_once_per_applicant() -> None:
    with pytest.raises(CaseError) as caught:
        load_case(twins_with({"benefit": "kindergeld"}, {"benefit": "kindergeld", "signed_on": "2026-12-01"}))
    assert caught.value.messages[0].startswith("antragsmappe.applications[1]: der Antrag „kindergeld“ steht")
    case = load_case(twins_with({"benefit": "elterngeld", "parent": "A"}, {"benefit": "elterngeld", "parent": "B"}))
    assert case.antragsmappe is not None and len(case.antragsmappe.applications) == 2


def test_every_document_key_of_the_office_data_is_a_valid_case_key() -> None:
    from workbench.rules.leistungen.offices import APPLICATIONS, offices

    for benefit in APPLICATIONS:
        keys = [key for key, _ in (*[(i["key"], 0) for i in offices()[benefit]["forms"]],
                                   *[(i["key"], 0) for i in offices()[benefit]["documents"]])]
        entry = {"benefit": "kindergeld", "documents": keys[:30]}
        assert load_case(twins_with(entry)).antragsmappe is not None, benefit

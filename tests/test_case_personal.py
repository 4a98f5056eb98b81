"""Personal data for forms: optional, Steuer-ID with its check digit, IBAN with mod 97, messages in German and English."""

from __future__ import annotations

import pytest

from workbench.case import iban_problem, load_case, tax_id_problem
from workbench.errors import CaseError


@pytest.mark.parametrize("tax_id", ["86095742719", "65929970489", "57549285017"])
def test_official_example_steuer_ids_are_valid(tax_id: str) -> None:
    assert tax_id_problem(tax_id) is None


@pytest.mark.parametrize(("tax_id", "key"), [
    ("86095742718", "tax_id_check"), ("8609574271", "tax_id_digits"), ("06095742719", "tax_id_leading_zero"),
    ("12345678903", "tax_id_structure"), ("11111111116", "tax_id_structure"),
])
def test_wrong_steuer_ids_are_refused_with_the_reason(tax_id: str, key: str) -> None:
    assert tax_id_problem(tax_id) == key


def test_iban_check_digits_mod_97() -> None:
    assert iban_problem("DE89 3704 0044 0532 0130 00") is None
    assert iban_problem("DE89370400440532013001") == "iban_check"
    assert iban_problem("DE8937040044053201300") == "iban_length"
    assert iban_problem("3704004405320130001") == "iban_format"


def _case(personal: dict[str, object], language: str = "de") -> dict[str, object]:
    return {"format": "workbench-case/1", "case_id": "p", "language": language,
            "household": {"parents": [{"id": "A", "personal": personal}], "children": [{"id": "K", "birth_date": "2026-01-01"}]}}


def test_a_case_without_personal_data_still_loads() -> None:
    case = load_case({"format": "workbench-case/1", "case_id": "p",
                      "household": {"parents": [{"id": "A"}], "children": [{"id": "K", "birth_date": "2026-01-01"}]}})
    assert case.household.parents[0].personal is None and case.household.address is None


def test_the_iban_is_stored_without_spaces() -> None:
    case = load_case(_case({"bank": {"iban": "de89 3704 0044 0532 0130 00"}}))
    assert case.household.parents[0].personal.bank.iban == "DE89370400440532013000"  # type: ignore[union-attr]


def test_bad_numbers_are_reported_next_to_their_field_in_both_languages() -> None:
    bad = {"tax_id": "86095742718", "bank": {"iban": "DE89370400440532013001"}}
    with pytest.raises(CaseError) as german:
        load_case(_case(bad))
    assert german.value.messages == [
        "household.parents[0].personal.tax_id: Prüfziffer der Steuer-ID stimmt nicht – Tippfehler?",
        "household.parents[0].personal.bank.iban: Prüfziffern der IBAN stimmen nicht – Tippfehler?",
    ]
    with pytest.raises(CaseError) as english:
        load_case(_case(bad, "en"))
    assert english.value.messages[0] == "household.parents[0].personal.tax_id: the tax ID's check digit does not match – a typo?"

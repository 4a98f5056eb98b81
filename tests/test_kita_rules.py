"""Kita claim and registration dates (§ 24 SGB VIII, § 5 KiBiz) and the Bochum fee status."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from workbench.rules.kita import beitrag, beitragsfrei_ab, kindergartenjahr_beginn, kita_termine, rechtsanspruch_ab
from workbench.rules.kita.anspruch import months_before


@pytest.mark.parametrize(("birth", "claim"), [
    (date(2025, 3, 14), date(2026, 3, 14)),   # the 1st birthday, § 24 Abs. 2 SGB VIII
    (date(2024, 2, 29), date(2025, 3, 1)),    # leap-day child: year completed on 28 Feb → claim 1 March
    (date(2025, 12, 31), date(2026, 12, 31)),
])
def test_the_legal_claim_starts_on_the_first_birthday(birth: date, claim: date) -> None:
    assert rechtsanspruch_ab(birth) == claim


def test_a_wish_before_the_first_birthday_is_moved_to_the_claim_and_flagged() -> None:
    t = kita_termine(date(2025, 10, 20), date(2026, 8, 1))
    assert t.vor_anspruch and t.anspruch_ab == date(2026, 10, 20) and t.start_mit_anspruch == date(2026, 10, 20)


def test_registration_at_the_latest_six_months_before_and_placement_notice_8_or_6_weeks_before() -> None:
    # child born 14 Mar 2025, place wanted from 1 Aug 2026 (Kindergartenjahr 2026/27)
    t = kita_termine(date(2025, 3, 14), date(2026, 8, 1))
    assert not t.vor_anspruch
    assert t.anmeldung_spaetestens == date(2026, 2, 1)
    assert t.zusage_in_der_regel == date(2026, 6, 6) and t.zusage_spaetestens == date(2026, 6, 20)
    assert t.kindergartenjahr == date(2026, 8, 1)
    assert t.anmeldung_schon_moeglich == date(2025, 3, 14)


def test_six_months_before_the_31st_is_the_end_of_a_shorter_month() -> None:
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2026, 3, 15), 6) == date(2025, 9, 15)


def test_a_start_in_march_belongs_to_the_kindergartenjahr_of_the_previous_august() -> None:
    assert kindergartenjahr_beginn(date(2027, 3, 1)) == date(2026, 8, 1)
    assert kindergartenjahr_beginn(date(2026, 8, 1)) == date(2026, 8, 1)


@pytest.mark.parametrize(("birth", "free_from"), [
    (date(2022, 9, 30), date(2026, 8, 1)),    # 4th birthday on 30 Sep 2026: two fee-free years
    (date(2022, 10, 1), date(2027, 8, 1)),    # 4th birthday on 1 Oct 2026: from 2027 ("Kann-Kind" gets one)
    (date(2022, 1, 15), date(2026, 8, 1)),
])
def test_the_last_two_kita_years_before_school_are_fee_free(birth: date, free_from: date) -> None:
    assert beitragsfrei_ab(birth) == free_from


def test_kiz_or_wohngeld_make_the_place_fee_free_whatever_the_income() -> None:
    for transfer in ("kiz", "wohngeld", "buergergeld"):
        result = beitrag(date(2025, 3, 14), date(2026, 8, 1), D(90000), transfer)
        assert result.status == "frei_transfer" and result.amount == 0


def test_income_up_to_40000_euro_is_fee_free_in_bochum_since_august_2025() -> None:
    assert beitrag(date(2025, 3, 14), date(2026, 8, 1), D(40000)).status == "frei_einkommen"
    above = beitrag(date(2025, 3, 14), date(2026, 8, 1), D("40000.01"))
    assert above.status == "satzung_pruefen" and above.amount is None  # never an invented amount


def test_before_august_2025_the_income_limit_is_not_modelled_and_the_result_says_satzung_pruefen() -> None:
    assert beitrag(date(2024, 3, 14), date(2025, 7, 1), D(20000)).status == "satzung_pruefen"


def test_from_the_fee_free_start_the_income_does_not_matter() -> None:
    result = beitrag(date(2022, 9, 30), date(2026, 8, 1), D(150000))
    assert result.status == "frei_vorschule" and result.frei_vorschule_ab == date(2026, 8, 1)
    assert beitrag(date(2022, 9, 30), date(2026, 7, 31), D(150000)).status == "satzung_pruefen"


def test_an_unknown_income_gives_satzung_pruefen() -> None:
    assert beitrag(date(2025, 3, 14), date(2026, 8, 1), None).status == "satzung_pruefen"

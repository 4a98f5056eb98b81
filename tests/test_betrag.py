"""Amounts from the law's own tables (reference B1, B2)."""

from datetime import date
from decimal import Decimal as D

import pytest

from workbench.rules.elterngeld.betrag import (
    basiselterngeld,
    elterngeldplus,
    ersatzrate,
    geschwisterbonus,
    mehrlingszuschlag,
)

BIRTH = date(2026, 6, 15)

# Ministry table ("Spickliste"), reproduced in the federal calculator's tests:
# Elterngeld-Netto -> Ersatzrate -> Basiselterngeld without income after the birth.
SPICKLISTE = [
    ("3000", "0.65", "1800.00"), ("1240", "0.650", "806.00"), ("1238", "0.651", "805.94"),
    ("1220", "0.660", "805.20"), ("1202", "0.669", "804.14"), ("1200", "0.670", "804.00"),
    ("1000", "0.670", "670.00"), ("998", "0.671", "669.66"), ("990", "0.675", "668.25"),
    ("800", "0.770", "616.00"), ("700", "0.820", "574.00"), ("500", "0.920", "460.00"),
    ("400", "0.970", "388.00"), ("360", "0.990", "356.40"), ("340", "1.000", "340.00"),
    ("200", "1.000", "300.00"),
]


@pytest.mark.parametrize("netto, rate, basis", SPICKLISTE)
def test_the_ministry_table_of_rates_and_basis_amounts_is_reproduced(netto: str, rate: str, basis: str) -> None:
    r = ersatzrate(D(netto), BIRTH)
    assert r == D(rate)
    assert basiselterngeld(D(netto), D(0), r, BIRTH) == D(basis)


@pytest.mark.parametrize("netto, rate", [("750", "0.795"), ("999", "0.670"), ("1201", "0.670"),
                                         ("1239", "0.651"), ("999.99", "0.670"), ("866.11", "0.736")])
def test_the_rate_moves_only_per_full_two_euros(netto: str, rate: str) -> None:
    assert ersatzrate(D(netto), BIRTH) == D(rate)


def test_richtlinien_example_1_plus_is_capped_at_half_the_basis_without_income() -> None:
    assert elterngeldplus(D(2000), D(900), D("0.65"), BIRTH) == D("650.00")


def test_richtlinien_example_2_plus_is_the_rate_times_the_income_lost() -> None:
    assert elterngeldplus(D(2000), D(1500), D("0.65"), BIRTH) == D("325.00")
    assert basiselterngeld(D(2000), D(1500), D("0.65"), BIRTH) == D("325.00")


def test_plus_and_basis_with_part_time_income_pay_the_same_monthly_amount() -> None:
    # reference B3 I/J: 0.65 x (1,945.42 - 1,075.38) = 565.53, below the Deckelung 632.26
    assert elterngeldplus(D("1945.42"), D("1075.38"), D("0.65"), BIRTH) == D("565.53")
    assert basiselterngeld(D("1945.42"), D("1075.38"), D("0.65"), BIRTH) == D("565.53")


def test_without_income_before_the_birth_the_minimum_amounts_are_paid() -> None:
    assert basiselterngeld(D(0), D(0), D(1), BIRTH) == D(300)
    assert elterngeldplus(D(0), D(0), D(1), BIRTH) == D(150)


def test_the_sibling_bonus_is_ten_percent_and_at_least_75_or_37_50() -> None:
    assert geschwisterbonus(D("1264.52"), False, BIRTH) == D("126.45")
    assert geschwisterbonus(D("300"), False, BIRTH) == D("75")
    assert geschwisterbonus(D("150"), True, BIRTH) == D("37.50")


def test_the_multiple_birth_supplement_is_300_per_further_child_and_half_for_plus() -> None:
    assert mehrlingszuschlag(1, False, BIRTH) == 0
    assert mehrlingszuschlag(2, False, BIRTH) == D(300)
    assert mehrlingszuschlag(3, True, BIRTH) == D(300)

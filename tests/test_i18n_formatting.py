"""Money, numbers and dates are formatted by babel, exactly as the workbench has always printed them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from workbench.i18n import format_date, format_decimal, format_money


@pytest.mark.parametrize(("value", "de", "en"), [
    ("1234.56", "1.234,56 €", "€1,234.56"),
    ("20862.22", "20.862,22 €", "€20,862.22"),
    ("0", "0,00 €", "€0.00"),
    ("1234567.891", "1.234.567,89 €", "€1,234,567.89"),
    ("-1200", "-1.200,00 €", "-€1,200.00"),
])
def test_money_has_two_decimals_and_the_euro_sign_where_the_language_puts_it(value: str, de: str, en: str) -> None:
    assert format_money(Decimal(value), "de") == de
    assert format_money(Decimal(value), "en") == en


@pytest.mark.parametrize(("value", "de", "en"), [
    ("0.736", "0,736", "0.736"), ("0.65", "0,65", "0.65"), ("1234.5", "1.234,50", "1,234.50"),
    ("3000", "3.000", "3,000"), ("12.00", "12,00", "12.00"),
])
def test_numbers_keep_the_decimals_they_carry(value: str, de: str, en: str) -> None:
    assert format_decimal(Decimal(value), "de") == de
    assert format_decimal(Decimal(value), "en") == en


def test_dates_are_day_month_year_in_both_languages() -> None:
    assert format_date(date(2026, 9, 12), "de") == "12.09.2026"
    assert format_date(date(2026, 9, 12), "en") == "12 Sep 2026"
    assert format_date(date(2027, 1, 3), "en") == "3 Jan 2027"


def test_planner_dates_follow_the_page_language() -> None:
    """Column heads and the dates in a planner cell's name: German numerals, English month names (babel)."""
    from workbench.ui.pages.elterngeld.monatsplaner import short_date

    assert short_date(date(2026, 8, 15), "de") == "15.08."
    assert short_date(date(2026, 8, 15), "en") == "15 Aug"
    assert short_date(date(2026, 1, 3), "en") == "3 Jan"

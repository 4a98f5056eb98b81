"""The money input reads amounts the way advisors type them, exact to the cent."""

from decimal import Decimal

import pytest

from workbench.ui.kit.widgets import MoneyFormatError, MoneyInput, format_amount_input, parse_money


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3.000,50", "3000.50"),
        ("3000", "3000"),
        ("3,5", "3.50"),
        ("1.234.567,89", "1234567.89"),
        ("3.000", "3000"),
        ("0", "0"),
        ("  3000,00 € ", "3000"),
        ("3000.50", "3000.50"),  # one dot and cents: unambiguous even on a German page
    ],
)
def test_german_amounts_are_read_exactly(typed: str, expected: str) -> None:
    assert parse_money(typed, "de") == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("3,000.50", "3000.50"), ("3000", "3000"), ("1,234,567.89", "1234567.89"), ("3.5", "3.50")],
)
def test_english_amounts_are_read_exactly(typed: str, expected: str) -> None:
    assert parse_money(typed, "en") == Decimal(expected)


def test_the_amount_carries_exactly_two_decimals() -> None:
    assert parse_money("3,5", "de").as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "ui.error.amount_empty"),
        ("   ", "ui.error.amount_empty"),
        ("abc", "ui.error.amount_invalid"),
        ("1,2,3", "ui.error.amount_invalid"),
        ("3.00.0", "ui.error.amount_invalid"),
        ("12.34.56", "ui.error.amount_invalid"),
        ("3,000.50", "ui.error.amount_invalid"),  # English notation on a German page
        ("-5", "ui.error.amount_negative"),
        ("−5", "ui.error.amount_negative"),
        ("3,505", "ui.error.amount_decimals"),
        ("3.000,505", "ui.error.amount_decimals"),
    ],
)
def test_german_text_that_is_no_amount_is_refused_with_a_reason(typed: str, key: str) -> None:
    with pytest.raises(MoneyFormatError) as error:
        parse_money(typed, "de")
    assert error.value.key == key


def test_an_amount_is_written_back_the_way_a_user_types_it() -> None:
    assert format_amount_input(Decimal("3000.00"), "de") == "3.000"
    assert format_amount_input(Decimal("3000.5"), "de") == "3.000,50"
    assert format_amount_input(Decimal("3000.5"), "en") == "3,000.50"


def test_the_field_shows_a_german_alert_and_keeps_what_was_typed() -> None:
    field = MoneyInput("ui.quick.gross", "ui.quick.gross_placeholder")
    field.text.value = "abc"
    assert field.read() is None
    assert field.text.value == "abc"
    assert 'role="alert"' in field.message.widget.value
    assert "Bitte einen Betrag" in field.message.text


def test_a_valid_amount_clears_the_alert() -> None:
    field = MoneyInput("ui.quick.gross", "ui.quick.gross_placeholder")
    field.text.value = "abc"
    field.read()
    field.text.value = "3.000,50"
    assert field.read() == Decimal("3000.50")
    assert field.message.widget.value == ""


def test_switching_to_english_rewrites_the_amount_and_translates_label_and_alert() -> None:
    field = MoneyInput("ui.quick.gross", "ui.quick.gross_placeholder")
    field.text.value = "3.000,50"
    field.set_language("en")
    assert field.text.value == "3,000.50"
    assert field.read() == Decimal("3000.50")
    assert field.text.description == "Gross wage per month (€)"
    field.text.value = ""
    field.read()
    field.set_language("de")
    assert field.text.value == ""
    assert field.message.text.startswith("Bitte den Bruttolohn")

"""The quick Elterngeld calculation validates its fields and shows results with citations."""

import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from workbench.ui.pages.elterngeld.quick import QuickCalculator
from workbench.ui.pages.start import StartPage


def _fill(calc: QuickCalculator, gross: str, birth: date | None, tax_class: int = 1) -> None:
    calc.gross.text.value = gross
    calc.tax_class.value = tax_class
    calc.birth_date.value = "" if birth is None else f"{birth:%d.%m.%Y}"  # typed, day first (ADR 0034)


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_empty_fields_show_german_alerts_next_to_the_fields() -> None:
    calc = QuickCalculator()
    calc.calculate.click()
    assert calc.gross.message.text.startswith("Bitte den Bruttolohn eingeben")
    assert calc.birth_message.text.startswith("Bitte das Geburtsdatum")
    assert 'role="alert"' in calc.birth_message.widget.value
    assert calc.output.value == ""


def test_a_bad_amount_keeps_the_other_entries() -> None:
    calc = QuickCalculator()
    _fill(calc, "abc", date(2026, 6, 15), tax_class=3)
    calc.church_tax.value = True
    calc.calculate.click()
    assert "Bitte einen Betrag" in calc.gross.message.text
    assert (calc.gross.text.value, calc.tax_class.value) == ("abc", 3)
    assert (calc.birth_date.value, calc.church_tax.value) == ("15.06.2026", True)
    assert calc.birth_message.text == ""


def test_a_failing_callback_shows_a_friendly_message_instead_of_vanishing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calc = QuickCalculator()
    _fill(calc, "3000", date(2026, 6, 15))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("workbench.ui.pages.elterngeld.quick.compute_quick", broken)
    calc.calculate.click()
    assert re.match(r"Fehler W-[0-9A-F]{4}: Etwas ist schiefgegangen", calc.message.text)
    assert "Traceback" not in calc.message.widget.value


def test_the_start_page_switches_every_text_to_english() -> None:
    page = StartPage()
    page.language_toggle.value = "en"
    assert "Advisory workbench" in page.title.value
    assert page.quick.calculate.description == "Calculate"
    assert page.quick.tax_class.description == "Tax class"
    assert page.quick.birth_date.description == "Child's date of birth or due date"
    page.language_toggle.value = "de"
    assert page.quick.calculate.description == "Berechnen"


def test_the_start_page_opens_with_the_german_title() -> None:
    page = StartPage()
    assert "Familienbüro – Beratungs-Workbench" in page.title.value
    assert "<h1" in page.title.value


# --- with the Elterngeld engine -------------------------------------------------------


def test_3000_euro_in_class_1_gives_1274_65_basis_and_637_33_plus_in_a_table() -> None:
    calc = QuickCalculator()
    _fill(calc, "3.000", date(2026, 6, 15))
    calc.calculate.click()
    assert calc.message.text == ""
    assert calc.result is not None
    assert calc.result.basis_m == Decimal("1274.65")
    assert calc.result.plus_m == Decimal("637.33")
    assert "1.274,65 €" in calc.output.value and "637,33 €" in calc.output.value
    parser = _Texts()
    parser.feed(calc.output.value)
    assert ("th", {"scope": "row"}) in parser.tags and ("table", {"class": "wb-result"}) in parser.tags
    lines = calc.result.explanation.render("de")
    assert lines and all(line.rstrip().endswith(")") for line in lines)
    assert all("§" in line for line in lines)


def test_a_birth_outside_the_modelled_years_is_a_message_at_the_date_field() -> None:
    calc = QuickCalculator()
    _fill(calc, "3000", date(2019, 5, 1))
    calc.calculate.click()
    assert calc.birth_message.text.startswith("Für dieses Datum rechnet die Workbench noch nicht")
    assert "01.01.2025" in calc.birth_message.text  # the modelled period, from the engine
    assert 'role="alert"' in calc.birth_message.widget.value
    assert calc.output.value == "" and calc.gross.text.value == "3000"
    calc.set_language("en")
    assert calc.birth_message.text.startswith("The workbench does not compute this date yet")


def test_the_result_follows_the_language_switch() -> None:
    page = StartPage()
    _fill(page.quick, "3000", date(2026, 6, 15))
    page.quick.calculate.click()
    page.language_toggle.value = "en"
    assert "€1,274.65" in page.quick.output.value
    assert "How it was computed" in page.quick.output.value


def test_changing_an_entry_marks_the_result_as_outdated() -> None:
    calc = QuickCalculator()
    _fill(calc, "3000", date(2026, 6, 15))
    calc.calculate.click()
    calc.gross.text.value = "3100"
    assert "erneut" in calc.output.value


def test_the_birth_date_is_typed_day_first_and_a_wrong_one_stays_with_a_message() -> None:
    """Issue 24: the date follows the page's language, not the browser's locale (03/01 is 3 January)."""
    calc = QuickCalculator("en")
    calc.gross.text.value = "3,000"
    calc.birth_date.value = "31/02/2026"
    calc.calculate.click()
    assert calc.birth_message.text == "This day does not exist. Please check the date (DD/MM/YYYY), for example 28/02/2026."
    assert calc.birth_date.value == "31/02/2026" and calc.result is None
    calc.birth_date.value = "03/01/2026"
    calc.calculate.click()
    assert calc.birth_message.text == "" and calc.result is not None
    assert calc.birth_date.placeholder == "DD/MM/YYYY"

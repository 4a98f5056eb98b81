"""Words an advisor can read aloud across the desk (issue 24): each wrong phrase, fixed at its cause."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.rules.pflege.freistellung import freistellungen


def test_a_1200_euro_loan_is_not_explained_as_below_the_minimum_rate() -> None:
    # 3.000 € net before, 600 € during Familienpflegezeit: half the difference is 1.200 € (§ 3 Abs. 2 FPfZG)
    leave = freistellungen(on=date(2026, 6, 1), employed=True, employees=40, hours=Decimal(40),
                           hours_during=Decimal(20), netto_m=Decimal(3000), netto_waehrend_m=Decimal(600))
    lines = leave.explanation.render("de")
    loan = [line for line in lines if "Darlehen" in line]
    assert any("= 1.200,00 € im Monat" in line for line in loan), loan
    assert not any("Mindestrate" in line for line in loan), loan


def test_a_loan_below_50_euro_says_why_it_is_zero() -> None:
    # 3.000 € before, 2.920 € during: half of 80 € is 40 €, below the Mindestrate of 50 € (§ 3 FPfZG)
    leave = freistellungen(on=date(2026, 6, 1), employed=True, employees=40, hours=Decimal(40),
                           hours_during=Decimal(38), netto_m=Decimal(3000), netto_waehrend_m=Decimal(2920))
    lines = leave.explanation.render("de")
    assert any("40,00 € liegen unter der Mindestrate von 50 € im Monat: kein Darlehen (0 €)" in line for line in lines), lines


def _handout_words(case, language: str = "de") -> str:  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader

    from workbench.report import handout_pdf

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(handout_pdf(case, language))).pages)


def _twins():  # type: ignore[no-untyped-def]
    from pathlib import Path

    from workbench.case import load_case

    return load_case(Path(__file__).parent / "cases" / "familien" / "zwillinge.json")


def test_the_mutterschutz_months_say_mutterschaftsgeld_not_basiselterngeld_zero() -> None:
    # Aylin's Lebensmonate 1–3 are Mutterschutz (twins: 12 weeks, § 3 Abs. 2 MuSchG; § 3 Abs. 1 BEEG)
    words = _handout_words(_twins())
    table = words[words.index("Ihr Plan: Monat für Monat"):]
    first_rows = [line for line in table.splitlines() if line.startswith(("1 ", "2 ", "3 "))][:3]
    assert len(first_rows) == 3 and all("Mutterschutz Mutterschaftsgeld" in row for row in first_rows), first_rows
    assert all("0,00 €" not in row for row in first_rows), first_rows
    assert "Aylin: Mutterschutz in Lebensmonat 1–3, Basiselterngeld in Lebensmonat 4–12" in words
    assert "In Lebensmonat 1–3 bekommt Aylin Mutterschaftsgeld" in words


def test_an_expected_child_has_an_errechneter_geburtstermin_not_a_birthday() -> None:
    case = _twins()
    children = [c.model_copy(update={"expected": True}) for c in case.household.children]
    household = case.household.model_copy(update={"children": children})
    words = _handout_words(case.model_copy(update={"household": household}))
    assert "2 Kinder erwartet, errechneter Geburtstermin 10.03.2026" in words
    assert "geboren am" not in words.split("\n")[1]
    assert "2 Kinder geboren am 10.03.2026" in _handout_words(case)

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

"""The assessment period of § 2b BEEG."""

from datetime import date
from decimal import Decimal as D

from workbench.rules.elterngeld.bemessung import bemessungszeitraum, durchschnitt, mutterschutz_vor_geburt


def test_the_assessment_period_is_the_12_months_before_the_birth_month() -> None:
    months = bemessungszeitraum(date(2026, 6, 15))
    assert months[0] == (2025, 6) and months[-1] == (2026, 5) and len(months) == 12


def test_months_with_mutterschutz_before_the_birth_are_skipped() -> None:
    start, end = mutterschutz_vor_geburt(date(2026, 6, 15), 0)
    assert start == date(2026, 5, 4) and end == date(2026, 6, 14)
    months = bemessungszeitraum(date(2026, 6, 15), skip_from=start)
    assert months[0] == (2025, 5) and months[-1] == (2026, 4)


def test_an_early_birth_counts_the_protection_period_from_the_due_date() -> None:
    start, _ = mutterschutz_vor_geburt(date(2026, 6, 15), 8)
    # due date 10 August, six weeks before would be 29 June, after the birth: the period starts
    # with the birth (§ 3 Abs. 1 Satz 4 MuSchG), so no month before it is skipped
    assert start == date(2026, 6, 15)
    assert bemessungszeitraum(date(2026, 6, 15), skip_from=start)[-1] == (2026, 5)


def test_months_without_wage_count_as_zero_in_the_average() -> None:
    months = bemessungszeitraum(date(2026, 1, 10))
    gross = {f"2025-{m:02d}": D(3000) for m in range(1, 13) if m != 7}
    avg = durchschnitt(gross, months)
    assert avg.average == D("2750.00")
    assert avg.missing == [(2025, 7)]

"""Care-insurance amounts 2025/2026 (benefits.md § 10), the combination rule (§ 38 SGB XI) and time off."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from workbench.errors import UnsupportedPeriod, WorkbenchError
from workbench.rules.pflege import (
    ankuendigung_familienpflegezeit, ankuendigung_pflegezeit, darlehen_m, freistellungen, kombination, leistungen,
    pflegegeld_m, pflegeunterstuetzungsgeld_tag, sachleistung_m,
)
from workbench.rules.pflege.freistellung import pflegeunterstuetzungsgeld_hoechstbetrag_tag
from workbench.rules.pflege.leistungen import entlastungsbudget_y, sach_anteil

# benefits.md § 10, "Monthly benefits 2025 = 2026": (Pflegegeld § 37, Sachleistung § 36)
TABLE = {2: (347, 796), 3: (599, 1497), 4: (800, 1859), 5: (990, 2299)}
YEARS = [date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 1), date(2026, 7, 1)]


@pytest.mark.parametrize("on", YEARS, ids=str)
@pytest.mark.parametrize("grad", [2, 3, 4, 5])
def test_pflegegeld_and_sachleistung_in_2025_and_2026_match_the_table(grad: int, on: date) -> None:
    geld, sach = TABLE[grad]
    assert pflegegeld_m(grad, on) == D(geld)
    assert sachleistung_m(grad, on) == D(sach)


@pytest.mark.parametrize("on", YEARS, ids=str)
def test_pflegegrad_1_has_no_pflegegeld_but_the_entlastungsbetrag_of_131_euro(on: date) -> None:
    result = leistungen(1, on)
    assert pflegegeld_m(1, on) == 0 and sachleistung_m(1, on) == 0
    assert result.entlastungsbetrag_m == D(131) and result.entlastungsbetrag_y == D(1572)
    assert [o.key for o in result.options] == ["pflegegeld", "sachleistung"]
    assert result.entlastungsbudget_y == 0


def test_before_2025_is_outside_the_modelled_range() -> None:
    with pytest.raises(UnsupportedPeriod):
        pflegegeld_m(3, date(2024, 12, 31))


def test_combination_pflegegrad_3_with_40_percent_sachleistung_pays_359_40_euro_pflegegeld() -> None:
    # benefits.md § 10 worked example: the service bills 598.80 € = 40 % of 1,497 € → 60 % × 599 €
    share = sach_anteil(3, D("598.80"), date(2025, 3, 1))
    assert share == D(40)
    assert kombination(3, share, date(2025, 3, 1)) == D("359.40")


@pytest.mark.parametrize(("grad", "percent", "expected"), [
    (2, 0, D("347.00")), (2, 100, D("0.00")), (2, 50, D("173.50")), (4, 25, D("600.00")),
    (5, 33, D("663.30")), (2, 1, D("343.53")),  # 347 × 0.99 = 343.53
])
def test_pflegegeld_is_reduced_by_the_share_of_sachleistung_used(grad: int, percent: int, expected: D) -> None:
    assert kombination(grad, D(percent), date(2026, 1, 1)) == expected


def test_a_bill_above_the_sachleistung_counts_as_100_percent() -> None:
    assert sach_anteil(2, D(900), date(2025, 1, 1)) == D(100)


def test_a_share_outside_0_to_100_is_refused() -> None:
    with pytest.raises(WorkbenchError):
        kombination(3, D(101), date(2025, 1, 1))


def test_options_side_by_side_for_pflegegrad_3_at_40_percent_per_month_and_year() -> None:
    result = leistungen(3, date(2026, 1, 1), D(40))
    by_key = {o.key: o for o in result.options}
    assert by_key["pflegegeld"].total_m == D(599) and by_key["pflegegeld"].total_y == D(7188)
    assert by_key["sachleistung"].sachleistung_m == D(1497) and by_key["sachleistung"].total_y == D(17964)
    kombi = by_key["kombination"]
    assert (kombi.pflegegeld_m, kombi.sachleistung_m) == (D("359.40"), D("598.80"))
    assert kombi.pflegegeld_y == D("4312.80")
    assert result.tagespflege_m == D(1357) and result.entlastungsbudget_y == D(3539)
    assert result.unverified == ["tagespflege_m"]  # sources conflict for Pflegegrad 2 (720/721 €)


@pytest.mark.parametrize("percent", [D(0), D(100)])
def test_a_share_of_0_or_100_percent_is_no_combination_and_gets_no_row_of_its_own(percent: D) -> None:
    """walk10: at 0 % the family sheet listed "Kombination: 0 % Pflegedienst" with the very figures of "Nur Pflegegeld"
    (599,00 € / 7.188,00 €); § 38 SGB XI combines a partly used Sachleistung with Pflegegeld."""
    result = leistungen(3, date(2026, 1, 1), percent)
    assert [o.key for o in result.options] == ["pflegegeld", "sachleistung"]


def test_the_joint_entlastungsbudget_starts_on_1_july_2025_and_before_is_the_sum_of_both() -> None:
    assert entlastungsbudget_y(2, date(2025, 6, 30)) == D(1685) + D(1854) == D(3539)
    assert entlastungsbudget_y(4, date(2025, 7, 1)) == D(3539)
    assert leistungen(3, date(2025, 7, 1)).explanation.steps[-1].citation == "§ 42a SGB XI"
    assert leistungen(3, date(2025, 6, 30)).explanation.steps[-1].citation == "§§ 39, 42 SGB XI a. F."


# --- time off ---------------------------------------------------------------------------------

def test_pflegeunterstuetzungsgeld_cap_is_70_percent_of_the_daily_bbg_kv() -> None:
    # benefits.md § 11 [C]: 128.63 € a day in 2025, 135.63 € in 2026
    assert pflegeunterstuetzungsgeld_hoechstbetrag_tag(date(2025, 5, 1)) == D("128.63")
    assert pflegeunterstuetzungsgeld_hoechstbetrag_tag(date(2026, 5, 1)) == D("135.63")


def test_pflegeunterstuetzungsgeld_is_90_percent_of_the_daily_net_pay() -> None:
    # 2,400 € net a month → 80 € a day → 72 € (90 %); with one-off payments 80 € (100 %)
    assert pflegeunterstuetzungsgeld_tag(D(2400), False, date(2026, 3, 1)) == D("72.00")
    assert pflegeunterstuetzungsgeld_tag(D(2400), True, date(2026, 3, 1)) == D("80.00")
    # 6,000 € net → 200 € a day → 180 € > cap
    assert pflegeunterstuetzungsgeld_tag(D(6000), False, date(2025, 3, 1)) == D("128.63")


def test_the_loan_is_half_the_net_pay_difference_and_at_least_50_euro() -> None:
    assert darlehen_m(D(2400), D(1500), date(2026, 1, 1)) == D("450.00")
    assert darlehen_m(D(2400), D(2350), date(2026, 1, 1)) == D(0)   # 25 € < 50 € minimum rate
    assert darlehen_m(D(2400), D(2300), date(2026, 1, 1)) == D("50.00")


def test_notice_for_pflegezeit_is_10_working_days_and_for_familienpflegezeit_8_weeks() -> None:
    # start Monday 2 March 2026: 10 working days back = Monday 16 February 2026
    assert ankuendigung_pflegezeit(date(2026, 3, 2)) == date(2026, 2, 16)
    assert ankuendigung_familienpflegezeit(date(2026, 3, 2)) == date(2026, 1, 5)


@pytest.mark.parametrize(("employees", "pz", "fpz"), [(10, False, False), (15, False, False), (16, True, False),
                                                     (25, True, False), (26, True, True)])
def test_employer_size_decides_pflegezeit_over_15_and_familienpflegezeit_over_25(
        employees: int, pz: bool, fpz: bool) -> None:
    result = freistellungen(on=date(2026, 1, 1), employed=True, employees=employees, hours=D(39),
                            hours_during=D(20), netto_m=D(2400), netto_waehrend_m=D(1500))
    claims = {o.key: o.claim for o in result.options}
    assert claims == {"kurzzeitig": True, "pflegezeit": pz, "familienpflegezeit": fpz}
    assert result.pug_total == D("720.00")


def test_familienpflegezeit_needs_at_least_15_hours_a_week() -> None:
    result = freistellungen(on=date(2026, 1, 1), employed=True, employees=200, hours=D(39),
                            hours_during=D(12), netto_m=D(2400), netto_waehrend_m=D(900))
    fpz = result.options[2]
    assert not fpz.claim and fpz.reason == "pflege.reason.fpz_hours"


def test_loans_for_24_months_familienpflegezeit_and_6_months_pflegezeit() -> None:
    result = freistellungen(on=date(2026, 1, 1), employed=True, employees=200, hours=D(39),
                            hours_during=D(20), netto_m=D(2400), netto_waehrend_m=D(1500),
                            beginn=date(2026, 3, 2))
    pz, fpz = result.options[1], result.options[2]
    assert (pz.money_m, pz.money_total) == (D("1200.00"), D("7200.00"))
    assert (fpz.money_m, fpz.money_total) == (D("450.00"), D("10800.00"))
    assert fpz.notice == date(2026, 1, 5) and pz.notice == date(2026, 2, 16)


def test_a_carer_without_a_job_has_no_claim_to_time_off() -> None:
    result = freistellungen(on=date(2026, 1, 1), employed=False, employees=None, hours=None, hours_during=None,
                            netto_m=None, netto_waehrend_m=None)
    assert not any(o.claim for o in result.options) and result.pug_tag is None


def test_an_employer_size_not_entered_leaves_the_claim_open_and_the_table_says_what_it_depends_on() -> None:
    """Issue 24: empty employer size read "Pflegezeit: nein – nur bei mehr als 15 Beschäftigten"."""
    from workbench.i18n import text
    from workbench.report.pflege import leave_rows

    result = freistellungen(on=date(2026, 1, 1), employed=True, employees=None, hours=D(39),
                            hours_during=D(20), netto_m=D(2400), netto_waehrend_m=D(1500), beginn=date(2026, 3, 2))
    claims = {o.key: o.claim for o in result.options}
    assert claims == {"kurzzeitig": True, "pflegezeit": None, "familienpflegezeit": None}
    rows = {row[0]: row[1] for row in leave_rows(result, "de")[1:]}
    assert rows[text("pflege.leave.pflegezeit", "de")] == (
        "offen – hängt von der Zahl der Beschäftigten ab: Anspruch bei mehr als 15 Beschäftigten beim Arbeitgeber")
    assert rows[text("pflege.leave.familienpflegezeit", "de")].startswith("offen – hängt von der Zahl")
    assert not any(r.startswith("nein") for r in rows.values())
    steps = result.explanation.render("de")
    assert any(s.startswith("Pflegezeit: Anspruch nur, wenn der Arbeitgeber in der Regel mehr als 15") for s in steps)


def test_too_few_hours_is_a_no_even_when_the_employer_size_is_not_entered() -> None:
    result = freistellungen(on=date(2026, 1, 1), employed=True, employees=None, hours=D(39),
                            hours_during=D(10), netto_m=D(2400), netto_waehrend_m=D(900))
    fpz = result.options[2]
    assert fpz.claim is False and fpz.reason == "pflege.reason.fpz_hours"


def test_hours_during_not_entered_leave_the_familienpflegezeit_open() -> None:
    result = freistellungen(on=date(2026, 1, 1), employed=True, employees=200, hours=D(39),
                            hours_during=None, netto_m=D(2400), netto_waehrend_m=None)
    fpz = result.options[2]
    assert fpz.claim is None and fpz.reason == "pflege.reason.fpz_hours_unknown"

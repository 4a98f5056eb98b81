"""Kindergeld, Günstigerprüfung, UVG and BuT against the worked examples of benefits.md (sections 0-5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from workbench.rules.leistungen.bildung_teilhabe import ButKind, bildung_teilhabe
from workbench.rules import grundsicherung as gs
from workbench.rules.leistungen.guenstigerpruefung import Guenstigerpruefung, break_even, kinderfreibetrag
from workbench.rules.leistungen.kindergeld import KindergeldKind, kindergeld
from workbench.rules.leistungen.unterhaltsvorschuss import UvgElternteil, UvgKind, altersstufe, unterhaltsvorschuss

D = Decimal
JULY_2025 = date(2025, 7, 1)
JULY_2026 = date(2026, 7, 1)


def born(years_before: int, on: date, month: int = 1) -> date:
    return date(on.year - years_before, month, 15)


# --- Kindergeld (benefits.md section 1) ---

def test_three_children_get_777_a_month_and_9324_a_year_in_2026() -> None:
    result = kindergeld([KindergeldKind(f"K{i}", born(age, JULY_2026)) for i, age in enumerate((2, 7, 12))], JULY_2026)
    assert result.eligible is True and result.monthly == D(777) and result.yearly == D(9324)


def test_two_children_get_510_a_month_in_2025() -> None:
    result = kindergeld([KindergeldKind("A", born(3, JULY_2025)), KindergeldKind("B", born(9, JULY_2025))], JULY_2025)
    assert result.monthly == D(510)


def test_a_22_year_old_student_counts_but_not_in_a_second_degree_with_25_hours_of_work() -> None:
    student = KindergeldKind("S", born(22, JULY_2026), education="university")
    second = KindergeldKind("T", born(22, JULY_2026), education="university", first_qualification_completed=True,
                            work_hours_per_week=D(25))
    twenty = KindergeldKind("U", born(22, JULY_2026), education="university", first_qualification_completed=True,
                            work_hours_per_week=D(20))
    result = kindergeld([student, second, twenty], JULY_2026)
    assert [(c.eligible, c.monthly) for c in result.children] == [(True, D(259)), (False, D(0)), (True, D(259))]
    assert result.children[1].reasons == ("leistungen.kg.over_20_hours",)


@pytest.mark.parametrize("age, education, disability, expected, reason", [
    (20, "unemployed_registered", False, True, "leistungen.kg.seeking_work"),
    (22, "unemployed_registered", False, False, "leistungen.kg.adult_not_in_training"),
    (19, "none", False, False, "leistungen.kg.adult_not_in_training"),
    (24, "vocational_training", False, True, "leistungen.kg.in_training"),
    (25, "university", False, False, "leistungen.kg.over_25"),
    (30, "none", True, None, "leistungen.kg.disability"),
])
def test_children_over_18(age: int, education: str, disability: bool, expected: bool | None, reason: str) -> None:
    result = kindergeld([KindergeldKind("K", born(age, JULY_2026), education=education, disability=disability)], JULY_2026)
    assert (result.children[0].eligible, result.children[0].reasons) == (expected, (reason,))


def test_kindergeld_is_paid_for_the_month_of_the_18th_birthday() -> None:
    on = date(2026, 7, 20)
    result = kindergeld([KindergeldKind("K", date(2008, 7, 10))], on)  # 18 on 10 July: July still counts
    assert result.monthly == D(259)


# --- Günstigerprüfung (benefits.md section 2) ---

@pytest.mark.parametrize("year, zve, saving, better", [
    (2025, 60000, 2646, False), (2025, 80000, 2984, False), (2025, 100000, 3324, True), (2025, 120000, 3664, True),
    (2026, 60000, 2668, False), (2026, 80000, 3006, False), (2026, 100000, 3344, True), (2026, 120000, 3682, True),
])
def test_the_tax_saving_of_the_worked_table(year: int, zve: int, saving: int, better: bool) -> None:
    result = kinderfreibetrag(Guenstigerpruefung(D(zve), True, 1), date(year, 7, 1))
    steps = {s.key: s.value for s in result.explanation.steps}
    assert steps["leistungen.step.kfb.saving"] == D(saving)
    assert result.eligible is better
    kindergeld_year = D(3060) if year == 2025 else D(3108)
    assert result.yearly == max(D(0), D(saving) - kindergeld_year)


def test_100000_in_2025_gains_264_a_year_above_the_kindergeld() -> None:
    result = kinderfreibetrag(Guenstigerpruefung(D(100000), True, 1), JULY_2025)
    assert result.yearly == D(264) and result.monthly == D("22.00")


@pytest.mark.parametrize("year, joint, reference", [
    (2025, True, 84462), (2026, True, 86050), (2025, False, 42231), (2026, False, 43025)])
def test_break_even_is_near_the_reference(year: int, joint: bool, reference: int) -> None:
    # The reference [C] solves the formula without the tariff's rounding to full euros; the exact
    # break-even of the rounded tariff lies a few dozen euros higher (one euro of tax ≈ 60 € of income).
    found = break_even(joint, 1, date(year, 7, 1))
    assert reference <= found <= reference + 100
    assert kinderfreibetrag(Guenstigerpruefung(found - 1, joint, 1), date(year, 7, 1)).eligible is False
    assert kinderfreibetrag(Guenstigerpruefung(found, joint, 1), date(year, 7, 1)).eligible is True


# --- Unterhaltsvorschuss (benefits.md section 5) ---

SINGLE = UvgElternteil(single_parent=True, gross_monthly=D(1500))


@pytest.mark.parametrize("on", [JULY_2025, JULY_2026])
@pytest.mark.parametrize("age, amount", [(3, 227), (8, 299), (14, 394)])
def test_uvg_amounts_by_age_group(on: date, age: int, amount: int) -> None:
    result = unterhaltsvorschuss([UvgKind("K", born(age, on))], SINGLE, on)
    assert result.monthly == D(amount) and result.eligible is True


def test_a_child_of_12_to_17_on_buergergeld_without_income_gets_nothing_and_the_jugendamt_checks() -> None:
    parent = UvgElternteil(single_parent=True, receives_buergergeld=True, gross_monthly=D(0))
    result = unterhaltsvorschuss([UvgKind("K", born(14, JULY_2026))], parent, JULY_2026)
    assert result.monthly == D(0) and result.eligible is None
    assert result.reasons == ("leistungen.uvg.older_sgb2",)
    earning = UvgElternteil(single_parent=True, receives_buergergeld=True, gross_monthly=D(600))
    assert unterhaltsvorschuss([UvgKind("K", born(14, JULY_2026))], earning, JULY_2026).monthly == D(394)


def test_maintenance_of_100_leaves_199_for_a_child_of_7_in_2026() -> None:
    result = unterhaltsvorschuss([UvgKind("K", born(7, JULY_2026), maintenance_monthly=D(100))], SINGLE, JULY_2026)
    assert result.monthly == D(199)


def test_no_uvg_for_a_couple_or_from_18_or_when_maintenance_covers_it() -> None:
    couple = UvgElternteil(single_parent=False)
    assert unterhaltsvorschuss([UvgKind("K", born(5, JULY_2026))], couple, JULY_2026).eligible is False
    assert unterhaltsvorschuss([UvgKind("K", born(18, JULY_2026))], SINGLE, JULY_2026).eligible is False
    paid = unterhaltsvorschuss([UvgKind("K", born(5, JULY_2026), maintenance_monthly=D(300))], SINGLE, JULY_2026)
    assert (paid.eligible, paid.monthly, paid.reasons) == (False, D(0), ("leistungen.uvg.maintenance_covers",))


def test_the_higher_age_group_applies_from_the_start_of_the_birthday_month() -> None:
    # § 1612a Abs. 3 BGB: a child turning 6 on 28 July is in group 2 for all of July
    assert altersstufe(date(2020, 7, 28), date(2026, 7, 1)) == 2
    assert altersstufe(date(2020, 8, 1), date(2026, 7, 31)) == 1


# --- Bildung und Teilhabe (benefits.md section 4) ---

def test_a_schoolchild_of_9_in_a_kiz_household_gets_375_a_year_plus_lunch_and_trips() -> None:
    kid = ButKind("K", born(9, JULY_2026), education="school")
    result = bildung_teilhabe([kid], True, JULY_2026)
    assert result.yearly == D(375) and result.monthly == D("31.25") and result.eligible is True
    with_costs = bildung_teilhabe([ButKind("K", born(9, JULY_2026), education="school", lunch_monthly=D(50),
                                           trips_year=D(120))], True, JULY_2026)
    assert with_costs.yearly == D(375) + D(600) + D(120)


def test_but_needs_kiz_wohngeld_or_buergergeld() -> None:
    kid = ButKind("K", born(9, JULY_2026), education="school")
    assert bildung_teilhabe([kid], False, JULY_2026).eligible is False
    assert bildung_teilhabe([kid], False, JULY_2026).monthly == D(0)
    assert bildung_teilhabe([kid], None, JULY_2026).eligible is None


def test_the_school_supplies_of_2026_are_verified_and_not_marked_for_checking() -> None:
    # 130 €/65 € since the RBSFV 2024; kept by the Nullrunden of the RBSFV 2025 and 2026 (§ 1 Abs. 2 and 3
    # RBSFV 2026, § 28a Abs. 5 SGB XII): the reference no longer says "(nicht verifiziert)" (verify9)
    result = bildung_teilhabe([ButKind("K", born(9, JULY_2026), education="school")], True, JULY_2026)
    assert result.unverified == ()
    assert result.yearly == D(375)  # 130 + 65 + 12 × 15 (Teilhabe)


# --- screening against Bürgergeld ---

def test_single_parent_mehrbedarf_and_work_allowance() -> None:
    # one child under 7: 36 % of 563 €; § 11b: 100 + 20 % of 420 + 30 % of 480 + 10 % of 200 (1,200 €)
    p = gs.lookup(JULY_2026)
    assert gs.mehrbedarf_alleinerziehende([4], p)[1] == D("202.68")
    assert gs.erwerbstaetigen_absetzbetrag(D(1200), False, p) == D(348)
    # with a child the last band reaches 1,500 €: + 10 % of 300
    assert gs.erwerbstaetigen_absetzbetrag(D(1600), True, p) == D(378)

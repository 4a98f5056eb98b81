"""Planning rules with the law's own examples (familienportal.nrw, reference B4, B5)."""

from datetime import date
from decimal import Decimal

import pytest

from workbench.rules.elterngeld.plan import PlanSituation, check_plan, limits

CODES = {"B": "basis", "P": "plus", "+": "bonus", "-": "none"}


def plan(**months: str) -> dict[str, list[str]]:
    return {pid: [CODES[c] for c in s.ljust(32, "-")] for pid, s in months.items()}


def rules(p: dict[str, list[str]], s: PlanSituation) -> set[str]:
    return {v.rule for v in check_plan(p, s)}


COUPLE = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M", "F"), income_before={"M": True, "F": True})


@pytest.mark.parametrize("mother, father, valid", [
    ("---BB", "---BB", False),                 # 2 simultaneous Basis months
    ("---BB", "---B-------B", True),           # 1 simultaneous month
    ("---BB", "---BP", True),                  # Plus beside Basis is fine
    ("---B--------B", "------------BB", False),  # simultaneous Basis after LM 12
])
def test_familienportal_examples_of_simultaneous_basis(mother: str, father: str, valid: bool) -> None:
    found = rules(plan(M=mother, F=father), COUPLE)
    assert (found == set()) is valid
    if not valid:
        assert found == {"simultaneous_basis"}


@pytest.mark.parametrize("weeks_early, multiples", [(6, False), (0, True)])
def test_twins_or_an_early_birth_lift_the_simultaneous_basis_limit(weeks_early: int, multiples: bool) -> None:
    s = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M", "F"), income_before={"M": True, "F": True},
                      weeks_early=weeks_early, multiples=multiples)
    assert "simultaneous_basis" not in rules(plan(M="---BB", F="---BB"), s)


def test_a_disabled_newborn_lifts_the_simultaneous_basis_limit() -> None:
    s = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M", "F"), income_before={"M": True, "F": True},
                      disabled_newborn=True)
    assert rules(plan(M="BBBBBBB", F="BBBBBBB"), s) == set()


def test_one_parent_taking_a_single_month_is_invalid() -> None:
    assert rules(plan(M="BBBBBBBBBBBB", F="-------------B"), COUPLE) == {"parent_min_2_months"}


def test_a_gap_after_month_14_is_invalid() -> None:
    found = check_plan(plan(M="BBBBBBBBBB", F="----------BBB-P-P"), COUPLE)
    assert [(v.rule, v.months) for v in found] == [("continuous_after_month_14", (17,))]


def test_basis_in_month_15_without_an_early_birth_is_invalid() -> None:
    assert "basis_after_month_14" in rules(plan(M="BBBBBBBBBBB", F="-------------BB"), COUPLE)


def test_a_partnerschaftsbonus_of_one_month_is_invalid_and_three_months_at_24_to_32_hours_valid() -> None:
    hours = {p: {m: Decimal(30) for m in range(13, 16)} for p in ("M", "F")}
    s = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M", "F"), income_before={"M": True, "F": True}, hours=hours)
    assert rules(plan(M="BBBBBBBBBB--+", F="----------BB+"), s) == {"bonus_min_2_months"}
    assert rules(plan(M="BBBBBBBBBB--+++", F="----------BB+++"), s) == set()


def test_a_bonus_without_24_hours_of_work_is_invalid() -> None:
    assert rules(plan(M="BBBBBBBBBBBB++", F="------------++"), COUPLE) == {"bonus_requires_income"}


def test_more_than_32_hours_a_week_in_a_month_with_elterngeld_is_reported() -> None:
    s = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M", "F"), income_before={"M": True, "F": True},
                      hours={"F": {13: Decimal(35), 14: Decimal(35)}})
    found = check_plan(plan(M="BBBBBBBBBBBB", F="------------BB"), s)
    assert [(v.rule, v.months) for v in found] == [("hours_limit", (13, 14))]


@pytest.mark.parametrize("weeks_early, total, per_parent, basis_until", [
    (0, 14, 12, 14), (5, 14, 12, 14), (6, 15, 13, 15), (8, 16, 14, 16), (12, 17, 15, 17), (16, 18, 16, 18),
])
def test_an_early_birth_adds_one_to_four_basis_months(weeks_early: int, total: int, per_parent: int, basis_until: int) -> None:
    s = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M", "F"), income_before={"M": True}, weeks_early=weeks_early)
    lim = limits(s)
    assert (lim.total_basis, lim.per_parent, lim.basis_until, lim.continuous_from) == (total, per_parent, basis_until, basis_until + 1)


def test_a_single_parent_may_take_all_14_months_and_the_bonus_alone() -> None:
    s = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M",), single_parent=True, income_before={"M": True},
                      hours={"M": {15: Decimal(25), 16: Decimal(25)}})
    assert rules(plan(M="BBBBBBBBBBBBBB++"), s) == set()


def test_a_lone_applicant_who_is_not_a_single_parent_has_12_months_and_no_bonus() -> None:
    s = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M",), income_before={"M": True},
                      hours={"M": {13: Decimal(25), 14: Decimal(25)}})
    assert rules(plan(M="BBBBBBBBBBBB++"), s) == {"bonus_not_parallel"}
    assert "parent_limit" in rules(plan(M="BBBBBBBBBBBBB"), s) | rules(plan(M="BBBBBBBBBBBBB"), s)


def test_income_above_175000_for_a_birth_in_2026_is_reported_and_the_earlier_limit_applies_before() -> None:
    both = {"M": Decimal(100000), "F": Decimal(80000)}
    s26 = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M", "F"), income_before={"M": True}, taxable_income=both)
    s24 = PlanSituation(birth=date(2025, 3, 31), parent_ids=("M", "F"), income_before={"M": True}, taxable_income=both)
    p = plan(M="BBBBBBBBBBBB", F="------------BB")
    assert rules(p, s26) == {"income_limit"}
    assert rules(p, s24) == set()


def test_without_income_before_the_birth_there_are_no_partner_months() -> None:
    s = PlanSituation(birth=date(2026, 3, 1), parent_ids=("M", "F"))
    assert limits(s).total_basis == 12
    assert rules(plan(M="BBBBBBBBBBBB", F="------------BB"), s) == {"total_contingent"}


def test_messages_exist_in_german_and_english_with_the_citation() -> None:
    v = check_plan(plan(M="BBBBBBBBBBBB", F="-------------B"), COUPLE)[0]
    # phrased as what to change (issue 24), not as a statement of what the plan does
    assert v.message("de").startswith("Elternteil F: bitte mindestens 2 Lebensmonate planen oder den einen Monat streichen")
    assert v.message("de").endswith("(§ 4 Abs. 4 Satz 2 BEEG)")
    assert v.message("en").startswith("Parent F: please plan at least 2 months or remove the single month")

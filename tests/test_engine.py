"""The engine on whole cases: bonus boundaries, Mutterschutz, assessment period, explanations."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from workbench.case import load_case
from workbench.errors import UnsupportedPeriod
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.evaluation.elterngeld.quick import quick_case


def case(parents: list[dict[str, Any]], children: list[dict[str, Any]], months: dict[str, str], **household: Any) -> Any:
    return load_case({"format": "workbench-case/1", "case_id": "t",
                      "household": {"parents": parents, "children": children, **household},
                      "elterngeld_plan": {"child": children[0]["id"], "months": months}})


EMPLOYEE = {"kind": "employee", "gross_monthly": 3000, "tax_class": 1}


def gb_months(birth: str, sibling: str) -> list[int]:
    c = case([{"id": "A", "income_before_birth": EMPLOYEE}],
             [{"id": "K1", "birth_date": birth}, {"id": "K0", "birth_date": sibling}], {"A": "B" * 12})
    return [m.month for m in compute_elterngeld(c).parents["A"].months if m.geschwisterbonus]


def test_the_sibling_bonus_ends_with_the_lebensmonat_that_starts_on_the_third_birthday() -> None:
    # LM 6 starts on 10 Sep 2025, the sibling's third birthday: no bonus from LM 6.
    assert gb_months("2025-04-10", "2022-09-10") == [1, 2, 3, 4, 5]


def test_the_sibling_bonus_is_paid_for_a_lebensmonat_that_starts_the_day_before_the_third_birthday() -> None:
    assert gb_months("2025-04-10", "2022-09-11") == [1, 2, 3, 4, 5, 6]


def test_a_sibling_born_on_29_february_is_three_on_1_march() -> None:
    # Sibling born 2024-02-29 is three from 2027-03-01: LM 2 starting 2027-02-28 still has the
    # bonus, LM 3 starting 2027-03-01 (birth on the 1st) has not.
    assert gb_months("2027-01-28", "2024-02-29") == [1, 2]
    assert gb_months("2027-01-01", "2024-02-29") == [1, 2]


def test_mutterschutz_months_are_basis_months_paid_with_zero_and_marked() -> None:
    c = case([{"id": "A", "income_before_birth": EMPLOYEE, "maternity_benefit": True}],
             [{"id": "K1", "birth_date": "2026-02-01", "count": 2}], {"A": "B" * 12})
    months = compute_elterngeld(c).to_json()["parents"]["A"]["months"]
    assert [m["month"] for m in months if m.get("maternity")] == [1, 2, 3]  # twins: 12 weeks
    assert all(m["amount"] == 0 for m in months[:3]) and months[3]["amount"] > 0


def test_gross_by_month_averages_the_12_months_before_the_birth_month_and_skips_mutterschutz() -> None:
    gross = {f"2025-{m:02d}": 3000 for m in range(1, 13)} | {"2026-01": 3000, "2026-02": 9999}
    c = case([{"id": "A", "income_before_birth": {"kind": "employee", "gross_by_month": dict(list(gross.items())[-12:]),
                                                  "tax_class": 1}, "maternity_benefit": True}],
             [{"id": "K1", "birth_date": "2026-03-20"}], {"A": "B" * 12})
    result = compute_elterngeld(c)
    # Mutterschutz from 6 Feb 2026: February 2026 is skipped, February 2025 to January 2026 are
    # used; February 2025 is not among the entries given and counts 0: 11 x 3,000 / 12.
    a = result.parents["A"]
    assert a.netto.gross_m == D("2750.00")
    assert "02/2025 bis 01/2026" in "\n".join(a.explanation.render("de"))


def test_every_explanation_step_cites_a_paragraph() -> None:
    c = case([{"id": "A", "income_before_birth": {**EMPLOYEE, "church_tax": True},
               "income_after_birth": [{"from_month": 13, "to_month": 14, "gross_monthly": 1500, "hours_per_week": 25}]},
              {"id": "B", "income_before_birth": {"kind": "mixed", "gross_monthly": 900, "annual_profit": 12000}}],
             [{"id": "K1", "birth_date": "2026-06-15", "count": 2}, {"id": "K0", "birth_date": "2024-08-01"}],
             {"A": "BBBBBBBBBBBBPP", "B": "------------BB"})
    result = compute_elterngeld(c)
    for p in result.parents.values():
        for step in p.explanation.steps:
            assert re.search(r"§ \d+[a-z]? .*(BEEG|EStG|SGB|MuSchG|BGB|SolZG)", step.citation), step
    de, en = result.explain("de"), result.explain("en")
    assert "Geschwisterbonus" in de and "Mehrlingszuschlag" in de and "Lohnsteuer nach dem Programmablaufplan 2025" in de
    assert "sibling bonus" in en and "Elterngeld in total" in en


def test_a_birth_outside_the_modelled_period_is_refused_with_the_range() -> None:
    with pytest.raises(UnsupportedPeriod, match="Geburten ab dem 01.01.2025 sind modelliert.*Unterstützt werden Geburten ab 2025"):
        quick_case(D(3000), 1, date(2024, 12, 31))


def test_the_quick_case_gives_the_federal_calculators_amounts() -> None:
    result = compute_elterngeld(quick_case(D(3000), 1, date(2026, 6, 15)))
    a = result.parents["A"]
    assert (a.basis_monthly, a.plus_monthly) == (D("1274.65"), D("637.33"))
    assert result.valid


def test_the_income_limit_is_checked_on_the_sum_of_both_parents() -> None:
    c = case([{"id": "A", "income_before_birth": EMPLOYEE, "taxable_income_last_year": 100000},
              {"id": "B", "income_before_birth": EMPLOYEE, "taxable_income_last_year": 75000.01}],
             [{"id": "K1", "birth_date": "2026-06-15"}], {"A": "B" * 12, "B": "------------BB"})
    assert [v["rule"] for v in compute_elterngeld(c).to_json()["violations"]] == ["income_limit"]

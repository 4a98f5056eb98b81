"""The Elterngeld engine takes the Mutterschutz months from workbench.rules.mutterschutz (one source)."""

from __future__ import annotations

from typing import Any

from workbench.case import load_case
from workbench.evaluation.elterngeld.engine import compute_elterngeld, mutterschutz_ende

EMPLOYEE = {"kind": "employee", "gross_monthly": 3000, "tax_class": 1}


def case(child: dict[str, Any], mutterschutz: dict[str, Any] | None = None) -> Any:
    data: dict[str, Any] = {
        "format": "workbench-case/1", "case_id": "ms-eg",
        "household": {"parents": [{"id": "A", "income_before_birth": EMPLOYEE, "maternity_benefit": True}],
                      "children": [{"id": "K1", **child}]},
        "elterngeld_plan": {"child": "K1", "months": {"A": "B" * 12}},
    }
    if mutterschutz is not None:
        data["mutterschutz"] = {"net_last_3_months": [2000, 2000, 2000], **mutterschutz}
    return load_case(data)


def maternity(c: Any) -> list[int]:
    return [m.month for m in compute_elterngeld(c).parents["A"].months if m.maternity]


def test_a_birth_one_week_early_adds_the_lost_week_and_reaches_lebensmonat_3() -> None:
    # born 8 June 2026, due 15 June: 8 weeks + 7 days end on 10 August, in LM 3 (8 Aug – 7 Sep)
    c = case({"birth_date": "2026-06-08", "weeks_early": 1})
    assert str(mutterschutz_ende(c)) == "2026-08-10"
    assert maternity(c) == [1, 2, 3]


def test_weeks_early_alone_do_not_make_a_fruehgeburt_the_doctors_finding_does() -> None:
    child = {"birth_date": "2026-05-11", "weeks_early": 5}
    assert str(mutterschutz_ende(case(child))) == "2026-08-10"  # 8 weeks + 35 days
    assert maternity(case(child)) == [1, 2, 3]
    premature = case(child, {"due_date": "2026-06-15", "premature": True})
    assert str(mutterschutz_ende(premature)) == "2026-09-07"
    assert maternity(premature) == [1, 2, 3, 4]


def test_the_exact_due_date_of_the_mutterschutz_data_wins_over_full_weeks() -> None:
    # weeks_early counts full weeks (2): the certificate says 18 days early
    c = case({"birth_date": "2026-05-28", "weeks_early": 2}, {"due_date": "2026-06-15"})
    assert str(mutterschutz_ende(c)) == "2026-08-10"
    assert str(mutterschutz_ende(case({"birth_date": "2026-05-28", "weeks_early": 2}))) == "2026-08-06"


def test_a_birth_on_the_due_date_keeps_two_months() -> None:
    assert maternity(case({"birth_date": "2026-06-15"}, {"due_date": "2026-06-15"})) == [1, 2]

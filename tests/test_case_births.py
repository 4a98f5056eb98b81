"""One child, one entry (``workbench-case/3``, ADR 0027): births link the children of a multiple birth.

The figures of the "count" tests are those the code computed before format 3 (main at 0401812) for the
same family with ``count``: the migration must not change a single cent.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.shared import SHARED
from workbench.case import FORMAT_V4, dump_case, load_case, migrate
from workbench.case.births import birth_size_in, further_id, resize_birth
from workbench.errors import CaseError
from workbench.evaluation.elterngeld.engine import compute_elterngeld, mutterschutz_ende, mutterschutz_fristen
from workbench.evaluation.lebenslagen import mother_protection_end, mutterschutz_result

D = Decimal


def family(count: int = 2, sibling_count: int = 1, maternity_benefit: bool = True) -> dict[str, Any]:
    """A couple with a newborn (``count`` children) and an older child (``sibling_count``), format 2."""
    return {"format": "workbench-case/2", "case_id": "ZW-1", "household": {
        "married": True,
        "parents": [
            {"id": "A", "maternity_benefit": maternity_benefit,
             "income_before_birth": {"kind": "employee", "gross_monthly": 3200, "tax_class": 4}},
            {"id": "B", "income_before_birth": {"kind": "employee", "gross_monthly": 4100, "tax_class": 4}}],
        "children": [
            {"id": "K1", "birth_date": "2026-06-15", "count": count, "personal": {"first_name": "Mia"}},
            {"id": "G1", "birth_date": "2024-08-01", "count": sibling_count}]},
        "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB", "B": "BBPPPP"}}}


def test_the_migration_writes_one_entry_per_child_with_one_birth_and_new_ids() -> None:
    old = family(count=3)
    before = copy.deepcopy(old)
    new = migrate(old)
    assert old == before and new["format"] == FORMAT_V4
    children = new["household"]["children"]
    assert [(c["id"], c.get("birth")) for c in children] == [
        ("K1", "K1"), ("K1-2", "K1"), ("K1-3", "K1"), ("G1", None)]
    assert [c["birth_date"] for c in children] == ["2026-06-15"] * 3 + ["2024-08-01"]
    assert not any("count" in c for c in children)
    assert children[0]["personal"] == {"first_name": "Mia"} and "personal" not in children[1]  # a twin's name is its own


def test_new_ids_stay_unique_and_within_ten_characters() -> None:
    assert further_id({"K1"}, "K1", 2) == "K1-2"
    assert further_id({"K1", "K1-2"}, "K1", 2) == "K1-2a"
    assert further_id({"ZWILLING01"}, "ZWILLING01", 2) == "ZWILLING-2"  # cut to the 10 characters of an id


@pytest.mark.parametrize("count, sibling_count, maternity, total, a_months, b_months", [
    (2, 1, True, D("24591.18"), ["0", "0", "0", "1782.86"], ["2136.36", "2136.36", "1068.18", "1068.18"]),
    (3, 1, True, D("28491.18"), ["0", "0", "0", "2082.86"], ["2436.36", "2436.36", "1218.18", "1218.18"]),
    (1, 2, True, D("22174.04"), ["0", "0", "1482.86", "1482.86"], ["1836.36", "1836.36", "918.18", "918.18"]),
    (2, 1, False, D("29939.76"), ["1782.86"] * 4, ["2136.36", "2136.36", "1068.18", "1068.18"]),
])
def test_an_old_file_with_count_gives_the_same_elterngeld_as_before(
        count: int, sibling_count: int, maternity: bool, total: Decimal, a_months: list[str], b_months: list[str]) -> None:
    # twins: 300 € Mehrlingszuschlag on every month (§ 2a Abs. 4 BEEG), triplets 600 €; Mutterschutz
    # 12 weeks after a multiple birth covers Lebensmonate 1–3 (§ 3 Abs. 2 Satz 2 Nr. 2 MuSchG)
    result = compute_elterngeld(load_case(family(count, sibling_count, maternity)))
    assert result.total == total
    assert [str(m.amount) for m in result.parents["A"].months][:4] == a_months
    assert [str(m.amount) for m in result.parents["B"].months][:4] == b_months


def test_twins_entered_as_two_children_get_the_mehrlingszuschlag_and_twelve_weeks() -> None:
    data = migrate(family(count=1))
    data["household"]["children"][0]["birth"] = "Z"
    data["household"]["children"].append({"id": "K2", "birth_date": "2026-06-15", "birth": "Z"})
    case = load_case(data)
    assert case.household.birth_size(case.child("K1")) == 2 and case.household.birth_size(case.child("G1")) == 1
    result = compute_elterngeld(case)
    assert result.total == D("24591.18")
    assert [m.mehrlingszuschlag for m in result.parents["B"].months] == [D("300")] * 2 + [D("150")] * 4
    # 12 weeks after 15 June 2026 end on 7 September (8 weeks: 10 August)
    assert mutterschutz_ende(case) == date(2026, 9, 7)
    assert mutterschutz_ende(load_case(family(count=1))) == date(2026, 8, 10)


def test_two_children_on_one_day_without_a_shared_birth_are_two_single_births() -> None:
    data = migrate(family(count=1))
    data["household"]["children"].append({"id": "K2", "birth_date": "2026-06-15"})
    case = load_case(data)
    assert case.household.birth_size(case.child("K1")) == 1
    result = compute_elterngeld(case)
    assert result.total == compute_elterngeld(load_case(family(count=1))).total
    assert all(m.mehrlingszuschlag == 0 for m in result.parents["B"].months)


def test_children_of_one_birth_must_share_the_day() -> None:
    data = migrate(family(count=2))
    twin = next(c for c in data["household"]["children"] if c["id"] == "K1-2")
    twin["birth_date"] = "2026-06-16"
    with pytest.raises(CaseError) as caught:
        load_case(data)
    assert caught.value.messages == [
        "household.children[1].birth_date: Kinder einer Geburt („K1“) haben denselben Tag, Termin und dieselben Wochen zu früh – "
          "anders als bei K1: angleichen oder eine andere Geburt angeben"]


def test_the_mutterschutz_end_is_one_computation_for_every_topic() -> None:
    data = migrate(family(count=2))
    data["mutterschutz"] = {"mother": "A", "child": "K1", "due_date": "2026-06-22", "birth_date": "2026-06-15",
                            "net_last_3_months": [2100, 2100, 2100]}
    case = load_case(data)
    # due 22 June, born a week early: 12 weeks + the 7 days lost before the birth = 14 September
    end = date(2026, 6, 15) + timedelta(weeks=12, days=7)
    assert end == date(2026, 9, 14)
    assert mutterschutz_fristen(case).ende == end
    ms = mutterschutz_result(case)
    assert ms is not None and ms.fristen is not None and ms.fristen.ende == end
    assert mother_protection_end(case) == {"A": end}
    # the twin's entry names the same birth: the same periods
    assert mutterschutz_fristen(case, case.child("K1-2")).ende == end


def test_the_elternzeit_letter_starts_after_twelve_weeks_for_twins() -> None:
    from workbench.forms.letter import elternzeit_periods

    twins = elternzeit_periods(load_case(family(count=2)), "A")
    single = elternzeit_periods(load_case(family(count=1)), "A")
    assert twins[0].start == date(2026, 9, 8) and single[0].start == date(2026, 8, 11)


def test_resize_birth_adds_keeps_and_removes_the_other_children_of_the_birth() -> None:
    children = [{"id": "K1", "birth_date": "2026-06-15", "expected": True}, {"id": "G1", "birth_date": "2024-01-01"}]
    three = resize_birth(children, "K1", 3)
    assert [(c["id"], c.get("birth")) for c in three] == [("K1", "K1"), ("G1", None), ("K1-2", "K1"), ("K1-3", "K1")]
    assert three[2]["birth_date"] == "2026-06-15" and three[2]["expected"] is True
    three[2]["personal"] = {"first_name": "Ben"}
    two = resize_birth(three, "K1", 2)
    assert [c["id"] for c in two] == ["K1", "G1", "K1-2"] and two[2]["personal"] == {"first_name": "Ben"}
    assert birth_size_in(two, "K1") == 2 and birth_size_in(two, "G1") == 1
    one = resize_birth(two, "K1", 1)
    assert one == [{"id": "K1", "birth_date": "2026-06-15", "expected": True}, {"id": "G1", "birth_date": "2024-01-01"}]


def test_the_shared_twins_example_keeps_its_federal_figures() -> None:
    raw = json.loads((SHARED / "examples" / "elterngeld" / "ex-money-018.json").read_text(encoding="utf-8"))
    case = load_case(raw["case"])
    assert [c.id for c in case.household.children] == ["K1", "K1-2"]
    assert dump_case(case)["format"] == FORMAT_V4
    result = compute_elterngeld(case)
    assert float(result.total) == raw["expected"]["total"] == 20298.6
    assert load_case(dump_case(case)) == case

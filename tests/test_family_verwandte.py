"""Grandparents care for a child whose parents cannot (§ 1 Abs. 4 BEEG).

"Können die Eltern wegen einer schweren Krankheit, Schwerbehinderung oder Tod der Eltern ihr Kind nicht betreuen,
haben Verwandte bis zum dritten Grad und ihre Ehegatten oder Ehegattinnen Anspruch auf Elterngeld, wenn sie die
übrigen Voraussetzungen nach Absatz 1 erfüllen und wenn von anderen Berechtigten Elterngeld nicht in Anspruch
genommen wird." (§ 1 Abs. 4 BEEG, wording checked on 2026-12-07, Bundesfachstelle Barrierefreiheit)

Lotte (A, the grandmother, degree 2) and her husband Heinz (B, not related to the child) took in their grandson
Finn, born 10 May 2026, on 1 Jun 2026 after his mother's death. Lotte earned 3,000 € a month in class IV.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from workbench.case import load_case
from workbench.errors import CaseError
from workbench.evaluation.elterngeld.aufnahme import relations
from workbench.evaluation.elterngeld.engine import compute_elterngeld


def family(degree: int = 2, married: bool = True, **placement: Any) -> dict[str, Any]:
    return {
        "format": "workbench-case/3", "case_id": "VERWANDTE",
        "household": {
            "married": married,
            "parents": [{"id": "A", "name": "Lotte", "income_before_birth": {"kind": "employee", "gross_monthly": 3000.0,
                                                                           "tax_class": 4}},
                        {"id": "B", "name": "Heinz"}],
            "children": [{"id": "K1", "birth_date": "2026-05-10", "parents": [],
                          "placement": {"kind": "relatives", "date": "2026-06-01", "reason": "death",
                                        "degree": degree, "relatives": ["A"], **placement}}],
        },
        "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB", "B": "------------BB"}},
    }


def test_the_grandmother_and_her_husband_get_elterngeld_in_the_parents_stead() -> None:
    case = load_case(family())
    assert relations(case) == {"A": "verwandte", "B": "verwandte_ehegatte"}
    result = compute_elterngeld(case)
    assert result.valid, [v.rule for v in result.violations]
    # the Lebensmonate count from the birth: § 1 Abs. 3 Satz 2 BEEG moves them only for adopted children
    assert result.birth == date(2026, 5, 10) and not result.taken_in
    lotte = result.parents["A"]
    assert (lotte.months[0].start, lotte.months[0].end) == (date(2026, 5, 10), date(2026, 6, 9))
    assert not any(m.maternity for m in lotte.months)  # no birth in this household: no Mutterschutz


def test_a_great_aunt_is_too_distant() -> None:
    result = compute_elterngeld(load_case(family(degree=4)))
    assert [(v.rule, v.months) for v in result.violations] == [
        ("not_entitled_verwandte_entfernt", tuple(range(1, 13))), ("not_entitled_verwandte_entfernt", (13, 14))]
    assert "nicht bis zum dritten Grad verwandt" in result.violations[0].message("de")


def test_the_grandmothers_partner_without_marriage_is_not_entitled() -> None:
    case = load_case(family(married=False))
    assert relations(case) == {"A": "verwandte", "B": "verwandte_entfernt"}
    assert [v.rule for v in compute_elterngeld(case).violations] == ["not_entitled_verwandte_entfernt"]


def test_the_reason_is_required_and_named() -> None:
    data = family()
    del data["household"]["children"][0]["placement"]["reason"]
    with pytest.raises(CaseError) as err:
        load_case(data)
    assert "warum die Eltern es nicht können" in str(err.value) and "§ 1 Abs. 4 BEEG" in str(err.value)


def test_a_reason_on_an_adoption_is_refused() -> None:
    data = family()
    data["household"]["children"][0]["placement"] = {"kind": "adoption", "date": "2026-06-01", "reason": "death"}
    with pytest.raises(CaseError) as err:
        load_case(data)
    assert "nur, wenn Verwandte das Kind betreuen" in str(err.value)

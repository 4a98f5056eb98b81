"""§ 10 BEEG: how much Elterngeld counts as income in Wohngeld, UVG, Kinderzuschlag and Bürgergeld (issue 17, item 5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from workbench.case import load_case
from workbench.evaluation import kiz_wohngeld
from workbench.rules.leistungen.elterngeld_anrechnung import ElterngeldBezug, anrechnungsfrei, anzurechnen

D = Decimal
ON = date(2026, 7, 1)


@pytest.mark.parametrize(("bezug", "frei"), [
    (ElterngeldBezug(D(800)), D(300)),                                    # Abs. 1: 300 € free
    (ElterngeldBezug(D(250)), D(250)),                                    # Abs. 1: at most what is paid
    (ElterngeldBezug(D(400), plus=True), D(150)),                         # Abs. 3: half with Elterngeld Plus
    (ElterngeldBezug(D(1100), children_born=2), D(600)),                  # Abs. 4: twins, twice
    (ElterngeldBezug(D(500), plus=True, children_born=2), D(300)),        # Abs. 3 and 4 together
    (ElterngeldBezug(D(800), income_before_birth=D(0)), D(300)),          # the income before the birth is Abs. 5 only
])
def test_para_10_abs_1_bis_4_beeg_wohngeld_and_uvg(bezug: ElterngeldBezug, frei: Decimal) -> None:
    for leistung in ("wohngeld", "unterhaltsvorschuss"):
        assert anrechnungsfrei(bezug, leistung, ON) == frei
        assert anzurechnen(bezug, leistung, ON) == bezug.monthly - frei


@pytest.mark.parametrize(("bezug", "frei"), [
    # Abs. 5 Satz 2: Mindestelterngeld without income before the birth counts in full
    (ElterngeldBezug(D(300), income_before_birth=D(0)), D(0)),
    # a Minijob of 250 € before the birth keeps 250 € of the 300 € free
    (ElterngeldBezug(D(300), income_before_birth=D(250)), D(250)),
    # 1,500 € net before, 67 % = 1,005 € Elterngeld: 300 € free, 705 € count
    (ElterngeldBezug(D(1005), income_before_birth=D(1500)), D(300)),
    # twins: Abs. 4 does not apply (Abs. 5 Satz 1)
    (ElterngeldBezug(D(1100), children_born=2, income_before_birth=D(1500)), D(300)),
    # Elterngeld Plus: half (our reading, marked unverified)
    (ElterngeldBezug(D(500), plus=True, income_before_birth=D(1500)), D(150)),
])
def test_para_10_abs_5_beeg_kinderzuschlag_and_buergergeld(bezug: ElterngeldBezug, frei: Decimal) -> None:
    for leistung in ("kinderzuschlag", "buergergeld"):
        assert anrechnungsfrei(bezug, leistung, ON) == frei


def _case(elterngeld: dict[str, Any]) -> Any:
    return load_case({"format": "workbench-case/2", "case_id": "T", "household": {
        "municipality": "Bochum", "single_parent": True,
        "housing": {"rent_cold": 500.0, "heating": 80.0, "living_space_sqm": 55},
        "parents": [{"id": "A", "current_income": {"kind": "none", "gross_monthly": 0, "net_monthly": 0,
                                                   "benefits": [{"kind": "elterngeld", **elterngeld}]}}],
        "children": [{"id": "K1", "birth_date": "2026-02-01"}], "benefits": {"year": 2026}}})


def test_the_leistungscheck_counts_mindestelterngeld_in_full_for_kiz_but_not_for_wohngeld_para_10_abs_5_beeg() -> None:
    case = _case({"monthly": 300.0, "income_before_birth_monthly": 0.0})
    income = case.household.parents[0].current_income
    assert income is not None
    assert kiz_wohngeld.other_income(income, ON, "kinderzuschlag") == D(300)
    assert kiz_wohngeld.other_income(income, ON, "buergergeld") == D(300)
    assert kiz_wohngeld.other_income(income, ON, "wohngeld") == D(0)
    kiz = kiz_wohngeld.kiz_input(case, ON, {"K1": D(259)}, {}, None)
    assert not isinstance(kiz, str) and kiz.adults[0].other_income == D(300)
    wg = kiz_wohngeld.wohngeld_input(case, ON, {"K1": D(259)}, {}, D(0))
    assert not isinstance(wg, str) and wg.members[0].other_income == D(0)


def test_the_leistungscheck_takes_plus_and_twins_from_the_case_para_10_abs_3_4_beeg() -> None:
    case = _case({"monthly": 700.0, "elterngeld_plus": True, "children_born": 2})
    income = case.household.parents[0].current_income
    assert income is not None
    assert kiz_wohngeld.other_income(income, ON, "wohngeld") == D(400)        # 700 − 2 × 150
    assert kiz_wohngeld.other_income(income, ON, "kinderzuschlag") == D(550)  # 700 − 150 (no pre-birth income typed: 300 assumed)


def _uvg_case(benefits: list[dict[str, Any]], gross: float) -> Any:
    return load_case({"format": "workbench-case/2", "case_id": "T", "household": {
        "municipality": "Bochum", "single_parent": True,
        "housing": {"rent_cold": 500.0, "heating": 80.0, "living_space_sqm": 55},
        "parents": [{"id": "A", "current_income": {"kind": "employee", "gross_monthly": gross, "net_monthly": gross,
                                                   "benefits": benefits}}],
        "children": [{"id": "K1", "birth_date": "2012-02-01", "situation": {"education": "school"}},
                     {"id": "K2", "birth_date": "2026-02-01"}],
        "benefits": {"year": 2026, "receives_buergergeld": True}}})


def test_uvg_600_euro_test_counts_income_of_para_11_sgb_ii_with_elterngeld_above_para_10_beeg() -> None:
    from workbench.evaluation.leistungscheck import unterhaltsvorschuss_of_case

    # § 1 Abs. 1a Satz 1 Nr. 2 UVG: a 14-year-old on Bürgergeld gets UVG if the parent has 600 € income (§ 11 Abs. 1
    # Satz 1 SGB II, without Kindergeld). 400 € wages + 500 € Elterngeld: 200 € count (§ 10 Abs. 1 BEEG) → 600 €
    result = unterhaltsvorschuss_of_case(_uvg_case([{"kind": "elterngeld", "monthly": 500.0}], 400.0), ON)
    k1 = next(c for c in result.children if c.child_id == "K1")
    assert k1.eligible is True and k1.monthly == D(394)  # Mindestunterhalt 3rd age group 653 − 259
    # Elterngeld Plus 300 €: 150 € free (§ 10 Abs. 3 BEEG), 150 € count → 550 € < 600 €: the Jugendamt checks
    result = unterhaltsvorschuss_of_case(_uvg_case([{"kind": "elterngeld", "monthly": 300.0, "elterngeld_plus": True}],
                                                   400.0), ON)
    k1 = next(c for c in result.children if c.child_id == "K1")
    assert k1.eligible is None and k1.monthly == D(0)

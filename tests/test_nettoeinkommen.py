"""Net pay, zvE and Minijob status derived from the gross pay (rules/leistungen/nettoeinkommen.py; issue 17, item 2).

Each expected value is worked by hand from the law named in the test; the Lohnsteuer itself comes from
the project's PAP, which tests/test_lohnsteuer.py checks against the BMF's tables.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from workbench.case import load_case
from workbench.evaluation import kiz_wohngeld
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.rules.leistungen.nettoeinkommen import (Arbeit, beitragsbemessung_arbeitnehmer, beschaeftigungsart,
                                                        lohnsteuer_monat, nettoeinkommen, zahlt_einkommensteuer)

D = Decimal
JULY_2025, JULY_2026 = date(2025, 7, 1), date(2026, 7, 1)


@pytest.mark.parametrize(("gross", "on", "art"), [
    (D(556), JULY_2025, "minijob"), (D("556.01"), JULY_2025, "midijob"),
    (D(600), JULY_2025, "midijob"), (D(600), JULY_2026, "minijob"),   # the 600 €
    (D(603), JULY_2026, "minijob"), (D("603.01"), JULY_2026, "midijob"),
    (D(2000), JULY_2026, "midijob"), (D("2000.01"), JULY_2026, "regulaer"),
])
def test_minijob_by_the_limit_of_the_date_para_8_abs_1a_sgb_iv(gross: Decimal, on: date, art: str) -> None:
    # 12.82 × 130 / 3 = 555.53 → 556 € (2025); 13.90 × 130 / 3 = 602.33 → 603 € (2026); the label typed does not decide
    assert beschaeftigungsart("employee", gross, on) == art
    assert beschaeftigungsart("minijob", gross, on) == art


def test_midijob_contributions_on_the_reduced_base_para_20_abs_2a_sgb_iv() -> None:
    # 2025: 2,000 / (2,000 − 556) × (1,200 − 556) = 891.97 €; RV 9.3 % = 82.95, ALV 1.3 % = 11.60,
    # KV (14.6 % + 2.5 %) / 2 = 76.26, PV 1.8 % (one child) = 16.06
    assert beitragsbemessung_arbeitnehmer(D(1200), JULY_2025) == D("891.97")
    netto = nettoeinkommen(Arbeit("employee", D(1200), 2, 1, D("0.5")), JULY_2025)
    a = netto.abgaben
    assert (a.rv, a.alv, a.kv, a.pv) == (D("82.95"), D("11.60"), D("76.26"), D("16.06"))
    assert netto.lohnsteuer == 0  # below the Steuerklasse II threshold
    assert netto.net_monthly == D(1200) - a.summe


def test_regular_pay_contributions_tax_and_zve_para_2_abs_5_estg() -> None:
    # 2026, 3,000 €, Steuerklasse I, no child: RV 279.00, ALV 39.00, KV 8.75 % = 262.50, PV 1.8 + 0.6 % = 72.00
    work = Arbeit("employee", D(3000), 1, 0)
    netto = nettoeinkommen(work, JULY_2026)
    a = netto.abgaben
    assert (a.rv, a.alv, a.kv, a.pv) == (D("279.00"), D("39.00"), D("262.50"), D("72.00"))
    lst, soli = lohnsteuer_monat(work, JULY_2026)
    assert netto.net_monthly == D(3000) - D("652.50") - lst - soli
    # zvE: 36,000 − 1,230 (§ 9a) − 36 (§ 10c) − RV 3,348 − (KV 262.50 × 0.96 + PV 72) × 12 = 3,888 (above 1,900: ALV not
    # deductible, § 10 Abs. 4 Satz 4) = 27,498 €
    assert netto.zve_year == D(27498)


def test_minijob_has_no_tax_no_contributions_and_no_zve_para_40a_estg() -> None:
    netto = nettoeinkommen(Arbeit("employee", D(600), 1, 1), JULY_2026)
    assert (netto.art, netto.net_monthly, netto.zve_year) == ("minijob", D(600), D(0))


def test_dgb_example_c_net_from_the_gross_pay_within_two_euros_of_the_payslip() -> None:
    # benefits.md § 3, example C: 25 h at 13.90 € (1,505 €), Steuerklasse II, one child: net 1,233 € on the payslip
    netto = nettoeinkommen(Arbeit("employee", D(1505), 2, 1, D("0.5")), JULY_2026)
    assert abs(netto.net_monthly - D(1233)) <= 2


def test_couple_tax_test_is_joint_para_32a_abs_5_estg() -> None:
    # 2026 Grundfreibetrag 12,348 €: one partner with 14,000 € zvE, the other none
    assert zahlt_einkommensteuer([D(14000), D(0)], False, JULY_2026) is True
    assert zahlt_einkommensteuer([D(14000), D(0)], True, JULY_2026) is False   # 14,000 < 2 × 12,348
    assert zahlt_einkommensteuer([D(14000), D(11000)], True, JULY_2026) is True


def _single(net: float | None) -> dict[str, Any]:
    income: dict[str, Any] = {"kind": "employee", "gross_monthly": 1505.0, "tax_class": 2, "hours_per_week": 25}
    if net is not None:
        income["net_monthly"] = net
    return {"format": "workbench-case/2", "case_id": "T", "household": {
        "municipality": "Bochum", "single_parent": True,
        "housing": {"rent_cold": 600.0, "heating": 100.0, "living_space_sqm": 60},
        "parents": [{"id": "A", "current_income": income}],
        "children": [{"id": "K1", "birth_date": "2018-03-01", "situation": {"education": "school"}}],
        "benefits": {"year": 2026}}}


def _couple(net: float | None) -> dict[str, Any]:
    parents = []
    for pid in ("A", "B"):
        income: dict[str, Any] = {"kind": "employee", "gross_monthly": 1207.91, "tax_class": 4, "hours_per_week": 20}
        if net is not None:
            income["net_monthly"] = net
        parents.append({"id": pid, "current_income": income})
    return {"format": "workbench-case/2", "case_id": "T", "household": {
        "municipality": "Bochum", "married": True,
        "housing": {"rent_cold": 700.0, "utilities_cold": 160.0, "heating": 90.0, "living_space_sqm": 85},
        "parents": parents,
        "children": [{"id": "K1", "birth_date": "2018-03-20", "situation": {"education": "school"}},
                     {"id": "K2", "birth_date": "2016-01-09", "situation": {"education": "school"}}],
        "benefits": {"year": 2026}}}


@pytest.mark.parametrize(("build", "kiz"), [(_single, D(162)), (_couple, D(594))])
def test_gross_only_gives_the_same_kiz_and_wohngeld_as_the_derived_net_typed(build: Any, kiz: Decimal) -> None:
    """Issue 17 "Done when": a household typed with gross pay only gives the same KiZ and Wohngeld (±1 €) as the
    same household with the derived net typed in; and the DGB examples' KiZ (C: 162 €, A: 594 €) from gross pay."""
    gross_only = load_case(build(None))
    derived = [kiz_wohngeld.derived(gross_only, p.current_income, JULY_2026).net_monthly
               for p in gross_only.household.parents if p.current_income]
    typed_data = build(None)
    for parent, net in zip(typed_data["household"]["parents"], derived):
        parent["current_income"]["net_monthly"] = float(net)
    a = leistungscheck(gross_only, JULY_2026)
    b = leistungscheck(load_case(typed_data), JULY_2026)
    for benefit in ("kinderzuschlag", "wohngeld"):
        assert abs(a.results[benefit].monthly - b.results[benefit].monthly) <= 1, benefit
        assert a.results[benefit].eligible == b.results[benefit].eligible, benefit
    assert a.results["kinderzuschlag"].monthly == kiz


def test_the_typed_net_wins_and_is_shown_as_laut_gehaltsabrechnung() -> None:
    check = leistungscheck(load_case(_single(1233.0)), JULY_2026)
    lines = check.results["kinderzuschlag"].explanation.render("de")
    assert any("laut Gehaltsabrechnung: 1.233,00 €" in line for line in lines)
    check = leistungscheck(load_case(_single(None)), JULY_2026)
    lines = check.results["kinderzuschlag"].explanation.render("de")
    assert any("aus dem Brutto 1.505,00 € berechnet" in line for line in lines)
    assert any("Lohnsteuer (Steuerklasse 2)" in line for line in lines)


def test_couple_wohngeld_tax_deduction_tested_jointly_para_16_wogg() -> None:
    # one earner 1,500 €/month (Midijob, two children), the partner without income. zvE 2026: 18,000 − 1,230 − 36 −
    # RV 119.43 × 12 − (KV 112.37 × 0.96 + PV 19.90 + ALV 16.69) × 12 (within 1,900 €) = 13,567 €: above the
    # Grundfreibetrag of 12,348 €, below twice of it. Married and jointly assessed, neither pays income tax, so no
    # 10 % tax deduction; not married, the earner alone is above the Grundfreibetrag
    data = _couple(None)
    data["household"]["parents"][0]["current_income"] = {"kind": "employee", "gross_monthly": 1500.0, "tax_class": 3}
    data["household"]["parents"][1]["current_income"] = {"kind": "none", "gross_monthly": 0}
    case = load_case(data)
    incomes = [p.current_income for p in case.household.parents if p.current_income]
    assert kiz_wohngeld.zve(case, incomes[0], JULY_2026) == D(13567)
    assert kiz_wohngeld.pays_tax(case, incomes, JULY_2026) == [False, False]
    unmarried = copy.deepcopy(data)
    unmarried["household"]["married"] = False
    case = load_case(unmarried)
    incomes = [p.current_income for p in case.household.parents if p.current_income]
    assert kiz_wohngeld.pays_tax(case, incomes, JULY_2026) == [True, False]

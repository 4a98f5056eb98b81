"""Invariants of the Elterngeld amounts, checked on generated families (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.case import load_case
from workbench.rules.elterngeld.betrag import plus_anteil
from workbench.rules.elterngeld.engine import compute_elterngeld

births = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31))
wages = st.decimals(min_value=D(0), max_value=D(12000), places=2)
classes = st.integers(min_value=1, max_value=6)


def case(gross: D, tax_class: int, birth: date, plan: str = "B" * 12, after: D | None = None,
         hours: int = 20, siblings: list[date] | None = None, count: int = 1) -> dict[str, Any]:
    income: dict[str, Any] = {"kind": "none"}
    if gross > 0:
        income = {"kind": "employee", "gross_monthly": float(gross), "tax_class": tax_class}
    parent: dict[str, Any] = {"id": "A", "income_before_birth": income}
    if after is not None:
        parent["income_after_birth"] = [{"from_month": 1, "to_month": 24, "gross_monthly": float(after),
                                         "hours_per_week": hours}]
    children = [{"id": "K1", "birth_date": birth.isoformat(), "count": count}]
    children += [{"id": f"S{i}", "birth_date": s.isoformat()} for i, s in enumerate(siblings or [])]
    return {"format": "workbench-case/1", "case_id": "prop", "household": {"parents": [parent], "children": children},
            "elterngeld_plan": {"child": "K1", "months": {"A": plan}}}


def result(**kw: Any) -> Any:
    return compute_elterngeld(load_case(case(**kw))).parents["A"]


@settings(max_examples=150, deadline=None)
@given(gross=wages, tax_class=classes, birth=births,
       sibling_age_days=st.one_of(st.none(), st.integers(min_value=1, max_value=6 * 365)),
       count=st.integers(min_value=1, max_value=3))
@example(gross=D("0"), tax_class=1, birth=date(2026, 1, 1), sibling_age_days=None, count=1)
@example(gross=D("12000"), tax_class=1, birth=date(2026, 1, 1), sibling_age_days=None, count=1)
def test_basiselterngeld_is_between_300_and_1800_plus_the_bonuses(
        gross: D, tax_class: int, birth: date, sibling_age_days: int | None, count: int) -> None:
    siblings = [birth - timedelta(days=sibling_age_days)] if sibling_age_days else []
    p = result(gross=gross, tax_class=tax_class, birth=birth, siblings=siblings, count=count)
    for m in p.months:
        base = m.amount - m.geschwisterbonus - m.mehrlingszuschlag
        assert D(300) <= base <= D(1800)
        assert m.mehrlingszuschlag == D(300) * (count - 1)


@settings(max_examples=150, deadline=None)
@given(gross=wages, tax_class=classes, birth=births, after=st.decimals(min_value=D(0), max_value=D(6000), places=2))
def test_elterngeldplus_is_never_above_half_the_basiselterngeld_without_income(
        gross: D, tax_class: int, birth: date, after: D) -> None:
    without = result(gross=gross, tax_class=tax_class, birth=birth)
    cap = plus_anteil(without.basis_monthly, birth)
    with_income = result(gross=gross, tax_class=tax_class, birth=birth, plan="P" * 24, after=after)
    assert all(m.amount <= cap for m in with_income.months)


@settings(max_examples=120, deadline=None)
@given(gross=wages, tax_class=classes, birth=births,
       low=st.decimals(min_value=D(604), max_value=D(6000), places=2),
       more=st.decimals(min_value=D(0), max_value=D(3000), places=2),
       plan=st.sampled_from(["B" * 12, "P" * 24]))
@example(gross=D(3000), tax_class=1, birth=date(2026, 1, 1), low=D(1999), more=D(2), plan="B" * 12)
def test_more_income_after_the_birth_never_raises_elterngeld(
        gross: D, tax_class: int, birth: date, low: D, more: D, plan: str) -> None:
    # Above the Geringfügigkeitsgrenze; below it see the Minijob test next.
    a = result(gross=gross, tax_class=tax_class, birth=birth, plan=plan, after=low)
    b = result(gross=gross, tax_class=tax_class, birth=birth, plan=plan, after=low + more)
    assert b.total <= a.total


def test_at_the_minijob_limit_after_the_birth_one_euro_more_wage_costs_about_25_euro_elterngeld() -> None:
    # The federal calculator deducts the flat contributions of the work before the birth from a
    # Minijob after it in full (21 % of 538 € = 112.98 €; docs/elterngeld.md), a wage above 538 €
    # only on the Midijob base of § 344 Abs. 4 SGB III, which starts at F x G (21 % of 359.81 € =
    # 75.56 €): at 539 € the Netto after the birth is 38.42 € higher, the Elterngeld 65 % of it
    # lower. The cliff documented in docs/elterngeld.md.
    at = result(gross=D(3000), tax_class=1, birth=date(2026, 3, 1), plan="B" * 12, after=D(538))
    above = result(gross=D(3000), tax_class=1, birth=date(2026, 3, 1), plan="B" * 12, after=D(539))
    per_month = (at.total - above.total) / 12
    assert abs(per_month - D("0.65") * (D("360.94") - D("322.52"))) < D("0.01")  # 24.97 € a month


@settings(max_examples=150, deadline=None)
@given(low=st.decimals(min_value=D(604), max_value=D(12000), places=2),
       more=st.decimals(min_value=D("0.01"), max_value=D(3000), places=2), tax_class=classes, birth=births)
@example(low=D(6000), more=D(1000), tax_class=1, birth=date(2025, 5, 1))
def test_more_income_before_the_birth_never_lowers_elterngeld_beyond_the_rate_steps(
        low: D, more: D, tax_class: int, birth: date) -> None:
    # § 2 Abs. 2 BEEG moves the rate per full 2 EUR: at each step the amount may fall by
    # 0.1 % of the income (e.g. 998.00 -> 669.66 EUR, 998.01 -> 668.67 EUR); never more.
    # Wages above every Geringfügigkeitsgrenze: at the Minijob limit the law's own cliff applies.
    a = result(gross=low, tax_class=tax_class, birth=birth)
    b = result(gross=low + more, tax_class=tax_class, birth=birth)
    assert b.basis_monthly >= a.basis_monthly - D("0.001") * b.netto.elterngeld_netto - D("0.01")
    if a.basis_monthly == D(1800):
        assert b.basis_monthly == D(1800)

"""Invariants of Kinderzuschlag and Wohngeld on generated households (hypothesis).

- More income never raises the Kinderzuschlag once the minimum income is reached (below it
  there is none at all, § 6a Abs. 1 Nr. 2 BKGG), and more income of a child never raises it.
- 0 ≤ Kinderzuschlag ≤ Höchstbetrag × children who can receive it.
- More income never raises the Wohngeld; it is ≥ 0, and never between 0 and 10 € (§ 21 Nr. 1 WoGG).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.rules.kinderzuschlag import KizAdult, KizChild, KizInput, kinderzuschlag
from workbench.rules.wohngeld import WohngeldInput, WohngeldMember, wohngeld

months = st.sampled_from([date(2025, 1, 1), date(2025, 8, 1), date(2026, 1, 1), date(2026, 12, 1)])
money = st.decimals(min_value=D(0), max_value=D(6000), places=2)
raises = st.decimals(min_value=D("0.01"), max_value=D(2000), places=2)
net_shares = st.decimals(min_value=D("0.6"), max_value=D(1), places=2)
ages = st.lists(st.integers(min_value=0, max_value=26), min_size=1, max_size=5)
rents = st.decimals(min_value=D(200), max_value=D(2000), places=2)
HOECHST = D(297)
KINDERGELD = {2025: D(255), 2026: D(259)}


def kiz(month: date, gross: list[D], share: D, ages_: list[int], rent: D, uvg: D = D(0), extra: D = D(0)) -> KizInput:
    adults = tuple(KizAdult(g + (extra if i == 0 else 0), ((g + (extra if i == 0 else 0)) * share).quantize(D("0.01")))
                   for i, g in enumerate(gross))
    children = tuple(KizChild(a, KINDERGELD[month.year], uvg=uvg if i == 0 else D(0)) for i, a in enumerate(ages_))
    return KizInput(month=month, adults=adults, children=children, rent_cold=rent, heating=D(80))


@settings(max_examples=150, deadline=None)
@given(month=months, gross=st.lists(money, min_size=1, max_size=2), share=net_shares, ages_=ages, rent=rents,
       more=raises)
def test_more_parental_income_never_raises_the_kinderzuschlag_above_the_minimum_income(
        month: date, gross: list[D], share: D, ages_: list[int], rent: D, more: D) -> None:
    before = kinderzuschlag(kiz(month, gross, share, ages_, rent))
    after = kinderzuschlag(kiz(month, gross, share, ages_, rent, extra=more))
    if before.figures.get("bruttoeinkommen_eltern", D(0)) >= (600 if len(gross) == 1 else 900):
        assert after.monthly <= before.monthly


@settings(max_examples=100, deadline=None)
@given(month=months, gross=st.lists(money, min_size=1, max_size=2), ages_=ages, rent=rents,
       uvg=st.decimals(min_value=D(0), max_value=D(600), places=2), more=raises)
def test_more_child_income_never_raises_the_kinderzuschlag(
        month: date, gross: list[D], ages_: list[int], rent: D, uvg: D, more: D) -> None:
    before = kinderzuschlag(kiz(month, gross, D("0.75"), ages_, rent, uvg=uvg))
    after = kinderzuschlag(kiz(month, gross, D("0.75"), ages_, rent, uvg=uvg + more))
    assert after.monthly <= before.monthly


@settings(max_examples=150, deadline=None)
@given(month=months, gross=st.lists(money, min_size=1, max_size=2), share=net_shares, ages_=ages, rent=rents,
       uvg=st.decimals(min_value=D(0), max_value=D(600), places=2),
       wealth=st.decimals(min_value=D(0), max_value=D(200000), places=0))
def test_kinderzuschlag_stays_within_its_legal_bounds(
        month: date, gross: list[D], share: D, ages_: list[int], rent: D, uvg: D, wealth: D) -> None:
    inp = kiz(month, gross, share, ages_, rent, uvg=uvg)
    res = kinderzuschlag(KizInput(month=inp.month, adults=inp.adults, children=inp.children,
                                  rent_cold=inp.rent_cold, heating=inp.heating, wealth=wealth))
    eligible_children = sum(1 for a in ages_ if a < 25)
    assert D(0) <= res.monthly <= HOECHST * eligible_children
    assert res.monthly == res.monthly.to_integral_value()  # § 11 Abs. 2 BKGG: full euros
    if res.eligible is False:
        assert res.monthly == 0
    assert all("§" in s.citation for s in res.explanation)


members = st.lists(st.tuples(st.integers(min_value=0, max_value=80), money, st.booleans()), min_size=1, max_size=6)


def wg(month: date, people: list[tuple[int, D, bool]], rent: D, stufe: int, extra: D = D(0)) -> WohngeldInput:
    out = []
    for i, (age, wage, insured) in enumerate(people):
        child = i > 0 and age < 18
        out.append(WohngeldMember(age, gross_wage=wage + (extra if i == 0 else 0), pays_tax=insured,
                                  pays_health_insurance=insured, pays_pension_insurance=insured,
                                  child=child, kindergeld=KINDERGELD[month.year] if child else D(0)))
    return WohngeldInput(month=month, members=tuple(out), rent_cold=rent, heating=D(70), mietstufe=stufe)


@settings(max_examples=150, deadline=None)
@given(month=months, people=members, rent=rents, stufe=st.integers(min_value=1, max_value=7), more=raises)
def test_more_income_never_raises_the_wohngeld(
        month: date, people: list[tuple[int, D, bool]], rent: D, stufe: int, more: D) -> None:
    before = wohngeld(wg(month, people, rent, stufe))
    after = wohngeld(wg(month, people, rent, stufe, extra=more))
    assert after.monthly <= before.monthly
    assert after.figures["betrag_ungerundet"] <= before.figures["betrag_ungerundet"]


@settings(max_examples=150, deadline=None)
@given(month=months, people=members, rent=rents, stufe=st.integers(min_value=1, max_value=7))
def test_wohngeld_is_never_negative_and_never_below_the_minimum_amount(
        month: date, people: list[tuple[int, D, bool]], rent: D, stufe: int) -> None:
    res = wohngeld(wg(month, people, rent, stufe))
    assert res.monthly >= 0
    assert res.monthly == 0 or res.monthly >= 10
    if res.figures["betrag_ungerundet"] < D("9.5"):
        assert res.monthly == 0 and res.eligible is False
    assert res.monthly == res.monthly.to_integral_value()

"""The optimizer is exact: brute force agrees on small spaces, random legal plans never beat it,
and hand-checked families come out as the law says."""

from __future__ import annotations

import os
import random
from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.optimizer_helpers import EMPLOYEE, brute_force, distinct_totals, family, legal, plan_total
from workbench.errors import InfeasiblePlan
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.evaluation.elterngeld.optimize import constraint_violations, optimize, with_plan
from workbench.evaluation.elterngeld.optimize_model import build_model
from workbench.evaluation.elterngeld.optimize_search import END, NEG, Suche
from workbench.evaluation.elterngeld.variants import ready_variants

# The issue asks for 10,000 random legal plans per family; the default run uses fewer to keep the
# suite fast. WORKBENCH_THOROUGH=1 runs the full number.
THOROUGH = bool(os.environ.get("WORKBENCH_THOROUGH"))
RANDOM_PLANS = 10_000 if THOROUGH else 1_000
EXAMPLES = 60 if THOROUGH else 12

LATER_NONE = {"A": list(range(4, 33)), "B": list(range(4, 33))}


def work(first: int, last: int, gross: int, hours: int) -> dict[str, Any]:
    return {"from_month": first, "to_month": last, "gross_monthly": gross, "hours_per_week": hours}


# --- exactness against brute force ---------------------------------------------------------

def test_the_best_plans_equal_brute_force_over_months_1_to_3_with_income_that_differs_between_months() -> None:
    # A earns 900 € in month 2 and 2,200 € in month 3 (two income levels: the § 2 Abs. 3 average
    # depends on which months are Basis and which Plus); both work 24-32 hours in month 3 (bonus).
    case = family([{"id": "A", "income_before_birth": EMPLOYEE, "income_after_birth": [work(2, 2, 900, 20), work(3, 3, 2200, 30)]},
                   {"id": "B", "income_before_birth": {"kind": "employee", "gross_monthly": 2000},
                    "income_after_birth": [work(2, 3, 1200, 26)]}],
                  constraints={"at_work": LATER_NONE})
    brute = brute_force(case, 3)
    result = optimize(case, top=5)
    assert "counted per income level" in result.searched
    assert [p.total for p in result.plans] == distinct_totals(build_model(case), brute, 5)
    assert result.plans[0].months in [m for t, m in brute if t == brute[0][0]]


@pytest.mark.parametrize("forward_a", [True, False])
def test_the_best_plans_equal_brute_force_when_both_parents_have_two_income_levels(forward_a: bool, monkeypatch: Any) -> None:
    # Both parents tracked: the search keeps one parent's counts in its states ("forward") and the
    # other's in a table per state ("backward"); either way round the plans must be brute force's.
    monkeypatch.setattr(Suche, "_forward_is_a", lambda self: forward_a)
    case = family([{"id": "A", "income_before_birth": EMPLOYEE, "income_after_birth": [work(2, 2, 900, 20), work(3, 3, 2200, 30)]},
                   {"id": "B", "income_before_birth": {"kind": "employee", "gross_monthly": 2000},
                    "income_after_birth": [work(1, 1, 1800, 25), work(2, 3, 1200, 26)]}],
                  constraints={"at_work": LATER_NONE})
    brute = brute_force(case, 3)
    result = optimize(case, top=5)
    assert "counted per income level: A, B" in result.searched
    assert [p.total for p in result.plans] == distinct_totals(build_model(case), brute, 5)
    assert result.plans[0].months in [m for t, m in brute if t == brute[0][0]]


def test_the_best_plans_equal_brute_force_when_one_parent_is_fixed_and_the_other_free_in_months_1_to_6() -> None:
    case = family([{"id": "A", "income_before_birth": {"kind": "employee", "gross_monthly": 4200, "tax_class": 3},
                    "income_after_birth": [work(4, 6, 1800, 28)]},
                   {"id": "B", "income_before_birth": EMPLOYEE, "maternity_benefit": True,
                    "income_after_birth": [work(5, 6, 1000, 25)]}],
                  [{"id": "K1", "birth_date": "2026-03-10"}, {"id": "K0", "birth_date": "2023-06-01"}],
                  constraints={"fixed": {"B": "BBP-++"}, "at_work": {"A": list(range(7, 33)), "B": list(range(7, 33))}})
    model = build_model(case)
    import itertools

    best: list[tuple[D, dict[str, str]]] = []
    for codes in itertools.product("-BP+", repeat=6):
        months = {"A": "".join(codes).rstrip("-"), "B": "BBP-++"}
        if legal(case, model, months):
            best.append((plan_total(model, months), months))
    best.sort(key=lambda t: t[0], reverse=True)
    assert [p.total for p in optimize(case, top=3).plans] == distinct_totals(model, best, 3)


# --- properties ---------------------------------------------------------------------------

def random_legal_plans(case: Any, count: int, seed: int) -> list[dict[str, str]]:
    """Random walks through the months that only take steps with a legal completion."""
    search = Suche(build_model(case))
    rng = random.Random(seed)
    root = search.root()
    if search.value(1, root) <= NEG:
        return []
    plans = []
    for _ in range(count):
        m, s, path = 1, root, []
        while m != END:
            options = []
            for x in search.actions[m]:
                nxt = search.step(m, s, x)
                if nxt is not None and search.value(*nxt) > NEG:
                    options.append((x, nxt))
            x, (m, s) = rng.choice(options)
            path.append(x)
        plans.append(search.months(tuple(path)))
    return plans


income_range = st.builds(lambda a, n, g, h: work(a, min(a + n, 32), g, h),
                         st.integers(1, 30), st.integers(0, 5), st.sampled_from([450, 1200, 1800, 2600]),
                         st.sampled_from([15, 25, 30, 35]))


@st.composite
def families(draw: st.DrawFn) -> Any:
    two = draw(st.booleans())
    parents = []
    for pid in ("A", "B")[: 2 if two else 1]:
        gross = draw(st.sampled_from([0, 900, 2500, 4000, 7000]))
        before = {"kind": "none"} if gross == 0 else {"kind": "employee", "gross_monthly": gross,
                                                       "tax_class": draw(st.sampled_from([1, 3, 4, 5]))}
        ranges = draw(st.lists(income_range, max_size=2))
        ranges = [r for i, r in enumerate(ranges)
                  if all(r["from_month"] > o["to_month"] or r["to_month"] < o["from_month"] for o in ranges[:i])]
        parents.append({"id": pid, "income_before_birth": before, "income_after_birth": ranges,
                        "maternity_benefit": pid == "A" and gross > 0 and draw(st.booleans())})
    children = [{"id": "K1", "birth_date": "2026-05-20", "count": draw(st.sampled_from([1, 1, 2])),
                 "weeks_early": draw(st.sampled_from([0, 0, 7, 13]))}]
    if draw(st.booleans()):
        children.append({"id": "K0", "birth_date": "2024-01-15"})
    constraints: dict[str, Any] = {}
    if draw(st.booleans()):
        constraints["at_home"] = {"A": [draw(st.integers(1, 14))]}
    if two and draw(st.booleans()):
        constraints["min_months"] = {"B": draw(st.integers(0, 6))}
    if draw(st.booleans()):
        constraints["max_months"] = {"A": draw(st.integers(2, 20))}
    if draw(st.booleans()):
        constraints["min_household_income"] = draw(st.sampled_from([300, 900, 1500]))
    if two and draw(st.booleans()):
        constraints["both_at_home_month_1"] = True
    if draw(st.booleans()):
        earliest = draw(st.integers(1, 20))
        constraints["return_to_work"] = {"A": {"earliest": earliest, "latest": draw(st.integers(earliest, 32))}}
    if two and draw(st.booleans()):
        constraints["fixed"] = {"B": draw(st.text(alphabet="..-P", max_size=16))}
    single = not two and draw(st.booleans())
    return family(parents, children, constraints or None, single_parent=single)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(families(), st.integers(0, 2 ** 16))
def test_every_returned_plan_is_legal_keeps_the_constraints_and_beats_variants_and_random_legal_plans(case: Any, seed: int) -> None:
    try:
        result = optimize(case, top=3)
    except InfeasiblePlan as exc:
        assert str(exc).startswith("Keine zulässige Aufteilung:") and len(str(exc)) > 30
        assert random_legal_plans(case, 5, seed) == []
        return
    model = build_model(case)
    best = result.plans[0].total
    for plan in result.plans:
        assert plan.result.valid, plan.result.violations
        assert not constraint_violations(plan.months, model)
        assert compute_elterngeld(with_plan(case, plan.months)).total == plan.total
    assert [p.total for p in result.plans] == sorted((p.total for p in result.plans), reverse=True)
    if not result.searched.startswith("exact"):
        return  # a candidate limit stopped the search: legal plans, but not proven best
    for variant in ready_variants(case):
        if variant.plan is not None and not variant.breaks_constraints:
            assert best >= variant.plan.total, variant.key
    # A walk through the search's automaton is legal, except that the minimum household income on
    # months with an averaged (tracked) income is only checked on complete plans.
    deferred = model.min_household_cents is not None and any(p.tracked for p in model.parents)
    for months in random_legal_plans(case, RANDOM_PLANS, seed):
        if not legal(case, model, months):
            assert deferred, months
            continue
        assert plan_total(model, months) <= best


def test_constraints_that_contradict_the_mutterschutz_name_the_rule_instead_of_failing() -> None:
    case = family([{"id": "A", "income_before_birth": EMPLOYEE, "maternity_benefit": True}],
                  constraints={"at_work": {"A": [2]}})
    with pytest.raises(InfeasiblePlan) as exc:
        optimize(case)
    assert "at_work" in str(exc.value) and "maternity_months_fixed" in str(exc.value) and "Lebensmonat 2" in str(exc.value)


def test_constraints_that_cannot_hold_together_are_named() -> None:
    # 15 + 15 months need at least 30 half Basis months (Plus), the contingent has 28 (§ 4 Abs. 3).
    case = family([{"id": "A", "income_before_birth": EMPLOYEE}, {"id": "B", "income_before_birth": EMPLOYEE}],
                  constraints={"min_months": {"A": 15, "B": 15}})
    with pytest.raises(InfeasiblePlan) as exc:
        optimize(case)
    assert "min_months A, min_months B" in str(exc.value)


# --- hand-checked families ------------------------------------------------------------------

def test_part_time_work_makes_plus_better_than_basis_in_the_working_months() -> None:
    # 3,000 € gross before, 1,500 € part-time (20 hours) in months 7-12, with Elterngeld in those
    # months. With income, Basis pays 65 % of the lost income; Plus pays the same (it stays under the
    # Deckelung of half the full Basis) for half the contingent, so the best plan takes Plus there.
    case = family([{"id": "A", "income_before_birth": EMPLOYEE, "income_after_birth": [work(7, 12, 1500, 20)]}],
                  constraints={"at_home": {"A": [7, 8, 9, 10, 11, 12]}}, single_parent=True)
    best = optimize(case, top=1).plans[0]
    a = best.result.parents["A"]
    assert all(m.kind == "plus" for m in a.months if 7 <= m.month <= 12)
    with_basis = compute_elterngeld(with_plan(case, {"A": "B" * 14}))
    assert with_basis.valid and best.total > with_basis.total
    plus_with_income = next(m.amount for m in a.months if m.month == 7)
    basis_with_income = next(m.amount for m in with_basis.parents["A"].months if m.month == 7)
    assert plus_with_income == basis_with_income  # same money per month, half the contingent


def test_the_partnerschaftsbonus_adds_at_most_4_plus_amounts_per_parent() -> None:
    # Both work 28 hours in months 15-22: eight possible bonus months, but § 4b allows four.
    case = family([{"id": "A", "income_before_birth": EMPLOYEE, "income_after_birth": [work(15, 22, 1600, 28)]},
                   {"id": "B", "income_before_birth": EMPLOYEE, "income_after_birth": [work(15, 22, 1600, 28)]}])
    best = optimize(case, top=1).plans[0]
    assert best.months["A"].count("+") == 4 and best.months["B"].count("+") == 4
    without = {pid: codes.replace("+", "-").rstrip("-") for pid, codes in best.months.items()}
    bonus = sum((m.amount for p in best.result.parents.values() for m in p.months if m.kind == "bonus"), D(0))
    assert compute_elterngeld(with_plan(case, without)).total + bonus == best.total
    plus_amount = next(m.amount for m in best.result.parents["A"].months if m.kind == "bonus")
    assert bonus == 8 * plus_amount  # both parents earn the same: 2 x 4 equal Plus amounts


def test_twins_may_take_basis_together_and_get_the_mehrlingszuschlag_every_month() -> None:
    case = family([{"id": "A", "income_before_birth": EMPLOYEE}, {"id": "B", "income_before_birth": {"kind": "none"}}],
                  [{"id": "K1", "birth_date": "2026-05-20", "count": 2}], constraints={"at_home": {"B": [1, 2, 3]}})
    best = optimize(case, top=1).plans[0]
    assert best.result.valid
    basis_a = best.result.parents["A"].basis_monthly - D(300)
    # 12 months of A's Basis and 2 of B's minimum amount, each with 300 € for the second twin;
    # swapping Basis for two Plus months can add a cent of rounding per swap.
    expected = 12 * (basis_a + 300) + 2 * (300 + 300)
    assert expected <= best.total <= expected + D("0.28")
    assert all(m.mehrlingszuschlag > 0 for p in best.result.parents.values() for m in p.months)


def test_an_early_birth_gives_the_extra_months_to_the_plan() -> None:
    # Born 9 weeks early: 2 extra months (§ 4 Abs. 5), Basis up to month 16, 14 per parent.
    case = family([{"id": "A", "income_before_birth": EMPLOYEE}, {"id": "B", "income_before_birth": {"kind": "none"}}],
                  [{"id": "K1", "birth_date": "2026-05-20", "weeks_early": 9}])
    best = optimize(case, top=1).plans[0]
    basis_a = best.result.parents["A"].basis_monthly
    expected = 14 * basis_a + 2 * 300
    assert expected <= best.total <= expected + D("0.32")


def test_a_single_parent_gets_14_months_alone() -> None:
    case = family([{"id": "A", "income_before_birth": EMPLOYEE}], single_parent=True)
    best = optimize(case, top=1).plans[0]
    basis = best.result.parents["A"].basis_monthly
    assert 14 * basis <= best.total <= 14 * basis + D("0.28")
    lone = family([{"id": "A", "income_before_birth": EMPLOYEE}])
    assert optimize(lone, top=1).plans[0].total <= 12 * basis + D("0.24")


def test_the_household_objective_adds_the_net_part_time_pay_to_each_plan() -> None:
    case = family([{"id": "A", "income_before_birth": EMPLOYEE, "income_after_birth": [work(7, 12, 1500, 25)]}],
                  single_parent=True)
    result = optimize(case, objective="household_income", top=2)
    first = result.plans[0]
    assert first.household_income - first.total > D("6") * 1000  # six months of about 1,100 € net
    assert result.objective == "household_income"


def test_working_more_than_32_hours_in_a_mutterschutz_month_leaves_no_plan_and_says_why() -> None:
    # Found by hypothesis: the month must be the mother's Basis month and may not carry Elterngeld.
    case = family([{"id": "A", "income_before_birth": EMPLOYEE, "maternity_benefit": True,
                    "income_after_birth": [work(1, 2, 2600, 35)]}])
    with pytest.raises(InfeasiblePlan) as exc:
        optimize(case)
    assert "maternity_months_fixed+hours_limit" in str(exc.value) and "§ 1 Abs. 6 BEEG" in str(exc.value)


def test_ready_variants_carry_the_engines_amounts_or_the_reason_they_do_not_fit() -> None:
    couple = family([{"id": "A", "income_before_birth": EMPLOYEE, "maternity_benefit": True},
                     {"id": "B", "income_before_birth": {"kind": "employee", "gross_monthly": 4000}}])
    variants = {v.key: v for v in ready_variants(couple)}
    assert variants["12_2"].months == {"A": "B" * 12, "B": "-" * 12 + "BB"}
    assert variants["12_2"].plan is not None and variants["12_2"].plan.result.valid
    assert variants["start_zu_zweit"].months == {"A": "B" * 12, "B": "BPP"}
    assert variants["alleinerziehend_14"].plan is None and "§ 4c" in variants["alleinerziehend_14"].reason
    assert variants["partnerschaftsbonus"].plan is None and "§ 4b" in variants["partnerschaftsbonus"].reason
    lang_plus = variants["lang_plus"].months
    assert lang_plus is not None and lang_plus["A"].startswith("BBPP")  # Mutterschutz months stay Basis
    single = {v.key: v for v in ready_variants(family([{"id": "A", "income_before_birth": EMPLOYEE}], single_parent=True))}
    assert single["alleinerziehend_14"].months == {"A": "B" * 14} and single["12_2"].reason == "braucht zwei Elternteile"


def test_the_best_plan_beats_10000_random_legal_plans_of_a_couple_with_part_time_work() -> None:
    # The figure in the default run, for one fixed family: she works 25 hours in months
    # 9-20, he 30 hours in months 13-16 (bonus possible), with a sibling aged 2.
    case = family(
        [{"id": "A", "income_before_birth": EMPLOYEE,
          "income_after_birth": [work(9, 20, 1400, 25)]},
         {"id": "B", "income_before_birth": {"kind": "employee", "gross_monthly": 4200, "tax_class": 4},
          "income_after_birth": [work(13, 16, 2100, 30)]}],
        [{"id": "K1", "birth_date": "2026-06-15"}, {"id": "K0", "birth_date": "2024-05-01"}])
    result = optimize(case, top=1)
    assert result.searched == "exact"
    best = result.plans[0].total
    model = build_model(case)
    plans = random_legal_plans(case, 10_000, seed=20261125)
    assert len(plans) == 10_000
    assert max(plan_total(model, months) for months in plans) <= best
    for months in plans[:40]:  # the search's prices are the engine's
        engine = compute_elterngeld(with_plan(case, months))
        assert engine.valid and engine.total == plan_total(model, months)


def test_mixed_income_plan_values_equal_the_engines_to_the_cent() -> None:
    """Mixed income (wages + profit): rate and amounts come from the unrounded Elterngeld-Netto, as the
    engine computes them (docs/elterngeld.md, ADR 0025); the optimizer's month prices must use the same
    figure, or a plan it ranks differs from the engine's total (here by 12 cents over twelve months)."""
    case = family([{"id": "A", "income_before_birth": {"kind": "mixed", "gross_monthly": 900,
                                                        "annual_profit": 9333, "tax_class": 4}}])
    months = {"A": "B" * 12}
    engine = compute_elterngeld(with_plan(case, months)).total
    assert engine == D("9666.48")
    assert plan_total(build_model(case), months) == engine

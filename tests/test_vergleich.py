"""The family comparison: plans from the engine side by side, and plain sentences on what makes the difference."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest

from tests.shared import SHARED
from workbench.case import load_case
from workbench.errors import CaseError
from workbench.i18n import format_money
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.evaluation.elterngeld.optimize import optimize, with_plan
from workbench.evaluation.elterngeld.optimize_model import build_model
from workbench.evaluation.vergleich import MAX_SHOWN, compare, default_selection, plan_choices
from workbench.report.vergleich import chart_svg

EXAMPLE = SHARED / "examples" / "elterngeld" / "ex-money-021.json"
OWN = {"name": "Jonas länger", "months": {"A": "BBBBBBB", "B": "-------BBBBBBB"}}


def example(language: str = "de", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))["case"]
    return {**data, "language": language, "elterngeld_alternatives": [OWN], **extra}


def test_the_choices_are_the_case_plan_the_own_plans_the_best_and_the_variants_each_once() -> None:
    choices = plan_choices(load_case(example()))
    keys = [c.key for c in choices]
    assert keys[:3] == ["case", "own:Jonas länger", "best:1"]
    assert "variant:12_2" in keys and "variant:partnerschaftsbonus" in keys
    assert len({json.dumps(c.months, sort_keys=True) for c in choices}) == len(choices)
    assert default_selection(choices) == ["case", "own:Jonas länger", "best:1"]


def test_each_column_has_the_engines_amounts_and_the_best_comes_first() -> None:
    case = load_case(example())
    choices = plan_choices(case)
    view = compare(case, choices[:MAX_SHOWN + 2])
    assert len(view.columns) == MAX_SHOWN
    best = optimize(case, "household_income", top=1).plans[0]
    assert view.columns[0].choice.key == "best:1" and view.columns[0].household_income == best.household_income
    for col in view.columns:
        engine = compute_elterngeld(with_plan(case, col.choice.months))
        assert col.total == engine.total
        assert col.household_income >= col.total
        assert col.gap == view.columns[0].household_income - col.household_income >= 0
        for pid in ("A", "B"):
            assert sum(col.elterngeld[pid], Decimal(0)) == engine.parents[pid].total
            assert col.at_home[pid] == len(engine.parents[pid].months)
    own = next(c for c in view.columns if c.choice.key == "case")
    # the case's plan: Eva 10 Basis + 4 Bonus, Jonas 2 Basis + 4 Bonus (case-format example ex-money-021)
    assert own.total == Decimal("20862.22") and own.at_home == {"A": 14, "B": 6}
    # part-time 13–16: Eva 1.550 € gross, Jonas 2.300 € gross; their net pay is in the household income,
    # and so is the full-time pay of the months without Elterngeld (Eva 11–12 and from 17, Jonas 1–10 and from 17)
    model = build_model(case)
    eva, jonas = (p.preise.arbeit for p in model.parents)
    assert own.work["A"][12] == eva.net(Decimal(1550)) and own.work["B"][15] == jonas.net(Decimal(2300))
    assert own.work["A"][10] == own.work["A"][11] == own.work["A"][16] == eva.full_net > eva.net(Decimal(1550))
    assert own.work["B"][:10] == [jonas.full_net] * 10 and own.work["A"][:10] == [Decimal(0)] * 10
    assert own.household_income == own.total + sum(own.work["A"] + own.work["B"], Decimal(0))


def test_the_sentence_says_how_much_less_and_whose_months_make_the_difference_in_german() -> None:
    case = load_case(example())
    view = compare(case, [c for c in plan_choices(case) if c.key in ("case", "best:1")])
    best, own = view.columns
    diff = format_money(best.household_income - own.household_income, "de")
    assert own.sentence.startswith(f"„Plan im Fall“ bringt {diff} weniger als „Beste Aufteilung“, weil ")
    # computed from the months: without a wish to stay at home, full-time pay beats Basiselterngeld
    assert "bei Eva in Lebensmonat 1–10 „Basiselterngeld“ statt „kein Elterngeld, Vollzeit“ steht (−7.987,70 €)" in own.sentence
    assert "bei Jonas in Lebensmonat 11–12 „Basiselterngeld“ statt „kein Elterngeld, Vollzeit“ steht (−1.946,24 €)" in own.sentence
    assert best.sentence.startswith(f"„Beste Aufteilung“ bringt {diff} mehr als „Plan im Fall“")
    assert "bei Eva in Lebensmonat 1–10 „kein Elterngeld, Vollzeit“ statt „Basiselterngeld“ steht (+7.987,70 €)" in best.sentence


def test_the_sentence_in_english() -> None:
    case = load_case(example("en"))
    view = compare(case, [c for c in plan_choices(case) if c.key in ("case", "best:1")])
    own = view.columns[1]
    assert own.sentence.startswith("“Plan of the case” brings €9,933.94 less than “Best split” because ")
    assert "Eva has “Basiselterngeld” instead of “no Elterngeld, full-time work” in months 1–10 (−€7,987.70)" in own.sentence


def test_equal_plans_are_said_to_bring_as_much() -> None:
    case = load_case(example(elterngeld_alternatives=[
        {"name": "Zwölf", "months": {"A": "BBBBBBBBBBBB", "B": "------------BB"}}]))
    twelve = next(c for c in plan_choices(case) if c.key == "own:Zwölf")
    view = compare(case, [twelve, twelve])
    assert view.columns[1].sentence == "„Zwölf“ bringt genauso viel wie „Zwölf“."


def test_the_chart_is_accessible_svg_with_its_values_in_a_table() -> None:
    case = load_case(example())
    view = compare(case, plan_choices(case)[:2])
    svg = chart_svg(view, view.columns[0], "chart-1")
    assert 'role="img"' in svg and 'aria-labelledby="chart-1-t chart-1-d"' in svg
    assert "<title id=\"chart-1-t\">Haushaltseinkommen je Lebensmonat: " in svg
    assert format_money(view.columns[0].household_income, "de") in svg
    # full-time pay after the Elterngeld months runs to Lebensmonat 32: the chart shows every month with money
    assert len(re.findall(r'<tr><th scope="row">Lebensmonat \d+</th>', svg)) == view.last_month == 32
    assert svg.count("<rect") > 32  # stacked: Elterngeld and pay of both parents


def test_own_plans_are_checked_when_the_case_is_loaded() -> None:
    with pytest.raises(CaseError, match=r"elterngeld_alternatives\[1\]\.name: den Plannamen „jonas LÄNGER“ gibt es schon"):
        load_case(example(elterngeld_alternatives=[OWN, {**OWN, "name": "jonas LÄNGER"}]))
    with pytest.raises(CaseError, match=r"elterngeld_alternatives\[0\]\.months\.C: kein Elternteil"):
        load_case(example(elterngeld_alternatives=[{"name": "x", "months": {"C": "BB"}}]))
    with pytest.raises(CaseError, match=r"elterngeld_alternatives\[0\]\.name: name too long: at most 60"):
        load_case(example("en", elterngeld_alternatives=[{"name": "x" * 61, "months": {"A": "BB"}}]))
    old = example()
    del old["elterngeld_alternatives"]
    assert load_case(old).elterngeld_alternatives == []

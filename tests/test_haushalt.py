"""The household's money per Lebensmonat (ADR 0028): worked examples computed by hand, the twins family
of issue 22, work wishes in the case, and the household objective against brute force."""

from __future__ import annotations

import itertools
import json
from decimal import ROUND_HALF_UP, Decimal as D
from pathlib import Path
from typing import Any

import pytest

from tests.optimizer_helpers import EMPLOYEE, distinct_totals, family, household_total, legal
from workbench.case import load_case
from workbench.errors import CaseError
from workbench.evaluation.elterngeld.haushalt import haushaltsgeld
from workbench.evaluation.elterngeld.optimize import optimize
from workbench.evaluation.elterngeld.optimize_model import build_model

TWINS = Path(__file__).parent / "cases" / "haushalt" / "zwillinge.json"
"""The twins family of issue 22 (one place: the coordinator adapts it when twins become two children)."""


def cent(x: D) -> D:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def twins(**wishes: Any) -> Any:
    data = json.loads(TWINS.read_text(encoding="utf-8"))
    for pid, wish in wishes.items():
        data["elterngeld_plan"]["constraints"]["work"][pid] = wish
    return load_case(data)


def mother(mutterschutz: dict[str, Any] | None = None) -> Any:
    case = family([{"id": "A", "name": "Lena", "income_before_birth": EMPLOYEE, "maternity_benefit": True}],
                  single_parent=True)
    if mutterschutz is None:
        return case
    return load_case({**case.model_dump(mode="json"), "mutterschutz": mutterschutz})


# --- worked examples: Mutterschaftsgeld and the day-exact set-off ------------------------------

def test_mutterschaftsgeld_is_13_euro_a_day_and_the_employer_tops_up_to_the_daily_net_pay() -> None:
    # Net pay 2,100 € in each of the 3 months before the protection period, fixed salary: 6,300 € / 90 days
    # = 70.00 € a day (§ 24i Abs. 2 Satz 1 SGB V); the Krankenkasse pays 13 €, the employer 57 € (§ 20 MuSchG).
    # Birth = due date 15.06.2026: the period after the birth ends 8 weeks later, 10.08.2026 (§ 3 Abs. 2 MuSchG).
    case = mother({"mother": "A", "child": "K1", "due_date": "2026-06-15", "net_last_3_months": [2100, 2100, 2100]})
    h = haushaltsgeld(case, {"A": "BB"})
    lm1, lm2, lm3 = h.per_parent["A"][:3]
    assert lm1.mutterschaft == 30 * (D(13) + D(57)) == D("2100.00")     # LM 1: 15.06.–14.07., 30 days
    assert lm2.mutterschaft == 27 * D(70) == D("1890.00")              # LM 2: 15.07.–10.08. of 15.07.–14.08.
    assert lm3.mutterschaft == 0
    assert lm1.elterngeld == 0                                          # fully covered: set off entirely


def test_a_lebensmonat_partly_covered_by_mutterschutz_pays_elterngeld_for_its_uncovered_days() -> None:
    # LM 2 (15.07.–14.08.2026, 31 days) is covered for 27 days. The Elterngeld of those 27 days,
    # Basis × 27/31, is less than the 1,890 € of Mutterschaftsleistungen for them, so it is set off
    # entirely and the remaining 4 days are paid (§ 3 Abs. 1 Satz 1 Nr. 1, Satz 2 BEEG).
    case = mother({"mother": "A", "child": "K1", "due_date": "2026-06-15", "net_last_3_months": [2100, 2100, 2100]})
    h = haushaltsgeld(case, {"A": "BBB"})
    basis = h.result.parents["A"].basis_monthly
    covered_part = cent(basis * 27 / 31)
    assert covered_part < D("1890.00")
    lm2 = h.per_parent["A"][1]
    assert lm2.teilmonat == lm2.elterngeld == basis - covered_part
    assert D("0.12") * basis < lm2.elterngeld < D("0.13") * basis       # about 4/31 of the month
    assert h.result.parents["A"].months[1].amount == 0                  # the engine: the federal calculator's 0 €
    assert h.elterngeld == h.result.total + lm2.teilmonat


def test_without_mutterschutz_data_the_daily_net_is_the_pre_birth_net_pay_over_30_days() -> None:
    case = mother()
    model = build_model(case)
    full = model.parents[0].preise.arbeit.full_net
    h = haushaltsgeld(case, {"A": "BB"})
    daily = cent(full / 30)
    assert h.per_parent["A"][0].mutterschaft == 30 * daily              # 13 € Krankenkasse + top-up
    assert model.parents[0].preise.schutz.kasse_tag == D(13)
    assert model.parents[0].preise.schutz.zuschuss_tag == daily - 13


# --- the twins family of issue 22 ---------------------------------------------------------------

# Net pay per month from the PAP (Steuerklasse IV, 2026): Mira 3,400 € gross → 2,288.25 €,
# Jonas 2,900 € → 2,006.67 €, Jonas' 25 hours at 1,812.50 € gross → 1,374.45 €.
MIRA_NET, JONAS_NET, JONAS_PART = D("2288.25"), D("2006.67"), D("1374.45")
PAUSCHBETRAG = D("102.50")  # 1/12 of the Arbeitnehmer-Pauschbetrag, § 2f Abs. 1 BEEG


def test_the_twins_familys_work_pay_is_the_pap_net() -> None:
    model = build_model(twins())
    mira, jonas = (p.preise.arbeit for p in model.parents)
    assert (mira.full_net, jonas.full_net, jonas.net(D("1812.50"))) == (MIRA_NET, JONAS_NET, JONAS_PART)


def test_the_twins_best_household_plan_is_computed_by_hand() -> None:
    result = optimize(twins(), "household_income", top=3)
    best = result.plans[0]
    assert best.months == {"A": "BBBBBBBBBBBB", "B": ""}
    # Mira: Basis = 65 % of her Elterngeld-Netto (2,288.25 − 102.50 = 2,185.75 €, over 1,240 €: 65 %,
    # § 2 Abs. 2) plus the Mehrlingszuschlag of 300 € for the second twin (§ 2a Abs. 4).
    basis = cent(D("0.65") * (MIRA_NET - PAUSCHBETRAG)) + 300
    assert basis == D("1720.74")
    # Mutterschutz 12 weeks after a multiple birth: 15.06.–07.09.2026. LM 1–2 fully covered (0 €);
    # LM 3 (15.08.–14.09., 31 days) covered for 24 days: the 7 other days are paid (§ 3 Abs. 1 Satz 2).
    lm3 = basis - cent(basis * 24 / 31)
    assert lm3 == D("388.55")
    elterngeld = lm3 + 9 * basis                                         # LM 3 and LM 4–12
    daily = cent(MIRA_NET / 30)                                          # 76.28 € a day (13 € + 63.28 €)
    mutterschaft = (30 + 31 + 24) * daily                                # LM 1, LM 2, 24 days of LM 3
    mira_work = 20 * MIRA_NET                                            # full time from LM 13 (her wish)
    jonas_work = 32 * JONAS_NET                                          # no Elterngeld: full time throughout
    assert best.household_income == elterngeld + mutterschaft + mira_work + jonas_work == D("132337.45")
    assert best.total == 9 * basis                                       # the engine's Elterngeld (LM 3: 0 €)
    assert sum(best.haushalt.kindergeld, D(0)) == 32 * 2 * D(259)       # Kindergeld apart: 2 × 259 € (2026)


def test_for_the_twins_full_time_pay_beats_plus_with_25_hours_and_the_sentence_says_so() -> None:
    result = optimize(twins(), "household_income", top=3)
    second = result.plans[1]
    assert second.months["B"].strip("-") == "PP"                         # his Plus months …
    for g in second.haushalt.per_parent["B"]:
        if g.kind != "none":
            assert g.arbeit.what == "part_time" and g.arbeit.hours == 25  # … are his part-time months
    # Plus with 25 hours: 65 % of (1,904.17 − 1,271.95) = 410.94 € (below half the Basis, § 4a Abs. 2)
    # + 150 € Mehrlingszuschlag; with the part-time pay 1,935.39 € — 71.28 € less than full time.
    plus = cent(D("0.65") * ((JONAS_NET - PAUSCHBETRAG) - (JONAS_PART - PAUSCHBETRAG))) + 150
    assert plus == D("560.94")
    per_month = JONAS_NET - (plus + JONAS_PART)
    assert result.plans[0].household_income - second.household_income == 2 * per_month == D("142.56")
    assert result.plans[0].explanation == (
        "142,56 € mehr als Platz 2: Jonas: kein Elterngeld, Vollzeit statt ElterngeldPlus und Teilzeit "
        "in LM 15–16 (+142,56 €)")
    # the many placements of these two months bring the same: merged, said in one sentence
    assert second.same and second.tie.startswith("Gleich viel bringt dieselbe Aufteilung zu anderen Zeiten: Jonas "
                                                 "ElterngeldPlus und Teilzeit in Lebensmonat ")


def test_when_jonas_is_at_home_until_month_16_his_plus_months_are_his_part_time_months() -> None:
    part = {"hours_per_week": 25, "gross_monthly": 1812.50, "during": "plus_bonus"}
    best = optimize(twins(B={"full_time_from": 17, "part_time": part}), "household_income", top=1).plans[0]
    jonas = best.haushalt.per_parent["B"]
    taken = [g for g in jonas if g.kind != "none"]
    assert taken and all(g.arbeit.what == "part_time" for g in taken if g.kind in ("plus", "bonus"))
    assert all(g.arbeit.what == "none" for g in jonas[:16] if g.kind == "none")   # at home, no pay
    assert all(g.arbeit.what == "full_time" for g in jonas[16:] if g.kind == "none")


def test_the_plan_of_the_case_counts_jonas_full_time_pay_in_months_1_to_12() -> None:
    case = twins()
    h = haushaltsgeld(case, dict(case.elterngeld_plan.months))
    jonas = h.per_parent["B"]
    assert [g.arbeit.net for g in jonas[:12]] == [JONAS_NET] * 12
    assert [(g.kind, g.arbeit.what) for g in jonas[12:16]] == [("plus", "part_time")] * 4


# --- the case: work wishes ------------------------------------------------------------------------

def test_a_part_time_wish_above_32_hours_is_refused_with_the_paragraph() -> None:
    data = json.loads(TWINS.read_text(encoding="utf-8"))
    data["elterngeld_plan"]["constraints"]["work"]["B"]["part_time"]["hours_per_week"] = 35
    with pytest.raises(CaseError, match=r"work\.B\.part_time\.hours_per_week: Elterngeld gibt es nur bei höchstens "
                                        r"32 Wochenstunden \(§ 1 Abs\. 6 BEEG\)"):
        load_case(data)


def test_a_work_wish_for_an_unknown_parent_names_the_known_ones() -> None:
    data = json.loads(TWINS.read_text(encoding="utf-8"))
    data["elterngeld_plan"]["constraints"]["work"]["C"] = {"full_time_from": 5}
    with pytest.raises(CaseError, match=r"constraints\.work\.C"):
        load_case(data)


# --- exactness: the household objective with work choices against brute force --------------------

def test_the_household_objective_with_work_wishes_equals_brute_force_over_months_1_to_3() -> None:
    # Months 4–32 without Elterngeld (full time or at home as the wishes say); months 1–3 free for both:
    # A (maternity months 1–2 fixed) back at full time from month 3, B with 28 hours in Plus/Bonus months
    # (bonus possible) and full time from month 2.
    later = list(range(4, 33))
    case = family([{"id": "A", "income_before_birth": EMPLOYEE, "maternity_benefit": True},
                   {"id": "B", "income_before_birth": {"kind": "employee", "gross_monthly": 2600, "tax_class": 4}}],
                  constraints={"at_work": {"A": later, "B": later},
                               "work": {"A": {"full_time_from": 3},
                                        "B": {"full_time_from": 2, "part_time": {"hours_per_week": 28,
                                                                                  "gross_monthly": 1700}}}})
    model = build_model(case, household=True)
    plans = []
    for a, b in itertools.product(itertools.product("-BP+", repeat=3), repeat=2):
        months = {"A": "".join(a).rstrip("-"), "B": "".join(b).rstrip("-")}
        if legal(case, model, months):
            plans.append((household_total(model, months), months))
    plans.sort(key=lambda t: t[0], reverse=True)
    result = optimize(case, "household_income", top=5)
    assert [p.household_income for p in result.plans] == distinct_totals(model, plans, 5)
    # and every figure is the household model's, computed with the engine
    for p in result.plans:
        assert p.household_income == haushaltsgeld(case, p.months).total


def test_the_month_planner_shows_the_household_money_of_the_plan() -> None:
    from workbench.ui.pages.elterngeld.monatsplaner import Monatsplaner

    planner = Monatsplaner("de", lambda: None, lambda _reason: None)
    data = json.loads(TWINS.read_text(encoding="utf-8"))
    planner.set_case(data)
    own = haushaltsgeld(load_case(data), dict(data["elterngeld_plan"]["months"]))
    assert own.total == D("132052.33")
    from workbench.i18n import format_money

    assert f'data-household-money="all">{format_money(own.total, "de")}<' in planner.summary.value


def test_no_random_legal_plan_or_ready_variant_brings_the_household_more_than_the_best() -> None:
    from tests.test_optimizer import random_legal_plans
    from workbench.evaluation.elterngeld.variants import ready_variants

    case = twins(B={"full_time_from": 17, "part_time": {"hours_per_week": 25, "gross_monthly": 1812.50}})
    model = build_model(case, household=True)
    best = optimize(case, "household_income", top=1).plans[0].household_income
    variants = [v.months for v in ready_variants(case) if v.months and legal(case, model, v.months)]
    plans = random_legal_plans(case, 300, seed=22) + variants
    assert variants and len(plans) > 300
    for months in plans:
        assert household_total(model, months) <= best
    for months in plans[:5]:  # the optimizer's month figures are the household model's
        assert household_total(model, months) == haushaltsgeld(case, months).total

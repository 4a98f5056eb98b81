"""The household figure after the estimated income tax (issue 22 item 5, ADR 0029 addendum): the household
model's work as steuer's wages per calendar month, ``Haushaltsgeld.after_tax`` in the comparison, ``workbench
compare`` and the handout, and the objective ``household_after_tax`` of the optimizer."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal as D
from pathlib import Path

from tests.optimizer_helpers import family
from tests.test_cli import run, write_case
from tests.test_haushalt import JONAS_NET, MIRA_NET, TWINS, twins
from workbench.case import load_case
from workbench.evaluation.elterngeld.compare import compare_plans
from workbench.evaluation.elterngeld.optimize import FINALISTS, OBJECTIVES, evaluate, optimize, with_plan
from workbench.evaluation.steuer import steuerjahre
from workbench.evaluation.steuer.aus_haushalt import arbeit_aus_haushalt, mit_steuer, nach_steuern
from workbench.evaluation.steuer.jahre import monthly_lohnsteuer
from workbench.evaluation.vergleich import comparison_objective, compare, plan_choices
from workbench.i18n import format_money

BEST = {"A": "BBBBBBBBBBBB", "B": ""}
"""The twins' best household plan (tests/test_haushalt.py): Mira Basis LM 1–12, full time from LM 13; Jonas full time."""


def test_the_household_models_work_is_split_into_calendar_months_by_days() -> None:
    case = twins()
    plan = evaluate(case, BEST)
    wages = arbeit_aus_haushalt(with_plan(case, BEST), plan.haushalt)
    mira, jonas = wages["A"], wages["B"]
    # Mutterschutz of a multiple birth from 04.05.2026 (six weeks before 15.06.): May has 3 working days.
    assert mira[(2026, 5)] == D("329.03") == (D(3400) * 3 / 31).quantize(D("0.01"))
    assert mira[(2026, 4)] == 3400 and mira[(2026, 6)] == mira[(2027, 5)] == 0     # Mutterschutz, then Basis at home
    # LM 13 starts 15.06.2027 (full time, her wish): 16 of June's 30 days at 3,400 € gross; LM 12 at home.
    assert mira[(2027, 6)] == D("1813.33") == (D(3400) * 16 / 30).quantize(D("0.01"))
    assert mira[(2027, 7)] == 3400
    # Jonas works full time throughout: every month his 2,900 €, from January 2026 to December 2029
    # (LM 32 ends 14.02.2029: the same span of years for every plan).
    assert set(jonas.values()) == {D(2900)} and min(jonas) == (2026, 1) and max(jonas) == (2029, 12)


def test_a_part_time_lebensmonat_is_split_the_same_way() -> None:
    case = twins()
    months = {"A": "BBBBBBBBBBBB", "B": "--------------PP"}          # Jonas Plus with 25 h in LM 15–16
    wages = arbeit_aus_haushalt(with_plan(case, months), evaluate(case, months).haushalt)["B"]
    # LM 14 (15.07.–14.08.2027) full time, LM 15 (15.08.–14.09.) and LM 16 (15.09.–14.10.) at 1,812.50 €.
    assert wages[(2027, 8)] == (D(2900) * 14 / 31 + D("1812.50") * 17 / 31).quantize(D("0.01")) == D("2303.63")
    assert wages[(2027, 9)] == D("1812.50")
    assert wages[(2027, 10)] == (D("1812.50") * 14 / 31 + D(2900) * 17 / 31).quantize(D("0.01")) == D("2408.87")


def test_the_twins_best_plan_after_tax_by_hand() -> None:
    case = twins()
    plan = mit_steuer(case, evaluate(case, BEST))
    assert plan.household_income == D("132337.45")                  # tests/test_haushalt.py, by hand
    trial = with_plan(case, BEST)
    years = {j.year: j for j in steuerjahre(trial, plan.result, arbeit_aus_haushalt(trial, plan.haushalt))}
    jonas = next(p for p in case.household.parents if p.id == "B")
    # Jonas' Lohnsteuer: 12 months of the PAP's 287.50 € on 2,900 € (Steuerklasse IV).
    assert monthly_lohnsteuer(jonas, 2027, D(2900)) == D("287.50")
    assert years[2027].personen[1].lohnsteuer == 12 * D("287.50") == D(3450)
    # The joint assessment per year (§ 26b EStG, § 32b EStG) against the Lohnsteuer withheld:
    # 2026: 4,673 € assessed, 5,060.32 € withheld (Mira 1,610.32 € until the Mutterschutz, Jonas 3,450 €) → refund
    # 2027: 5,433 € assessed, 5,927.98 € withheld (Mira 2,477.98 € from LM 13, Jonas 3,450 €) → refund
    # 2028, 2029: wages alone, 8,281 € assessed, 8,280.96 € withheld → 0.04 € each.
    assert [(j.festzusetzen, j.lohnsteuer, j.nachzahlung) for j in years.values()] == [
        (D(4673), D("5060.32"), D("-387.32")), (D(5433), D("5927.98"), D("-494.98")),
        (D(8281), D("8280.96"), D("0.04")), (D(8281), D("8280.96"), D("0.04"))]
    # The year 2026 carries Elterngeld of LM 4–7 (4 × 1,720.74 €) and 127 days of Mutterschaftsleistungen
    # (04.05.–07.09.2026) at MIRA_NET / 30 a day: both under the Progressionsvorbehalt.
    assert years[2026].personen[0].elterngeld == 4 * D("1720.74")
    assert years[2026].personen[0].mutterschaft == (127 * MIRA_NET / 30).quantize(D("0.01"), ROUND_HALF_UP) == D("9686.93")
    # household figure − Nachzahlung of every year:
    after = D("132337.45") - (D("-387.32") + D("-494.98") + D("0.04") + D("0.04"))
    assert plan.haushalt.after_tax == after == D("133219.67") == nach_steuern(case, plan.haushalt)
    assert plan.haushalt.to_json()["after_tax"] == 133219.67
    assert JONAS_NET == D("2006.67")                                   # the net the household figure counts


def at_home_family() -> object:
    """She stays at home (no work after the birth), he works full time; the child is born in November,
    so that Plus months carry Elterngeld into a third calendar year."""
    return family([{"id": "A", "name": "Anna", "maternity_benefit": True,
                    "income_before_birth": {"kind": "employee", "gross_monthly": 4500, "tax_class": 4}},
                   {"id": "B", "name": "Ben",
                    "income_before_birth": {"kind": "employee", "gross_monthly": 6000, "tax_class": 4}}],
                  children=[{"id": "K1", "birth_date": "2026-11-15"}],
                  constraints={"work": {"A": {"full_time_from": None},
                                        "B": {"full_time_from": 1,
                                              "part_time": {"hours_per_week": 30, "gross_monthly": 4500}}}},
                  married=True)


def test_ranking_after_tax_can_change_the_order() -> None:
    case = at_home_family()
    by_household = optimize(case, "household_income", top=5).plans
    after_tax = optimize(case, "household_after_tax", top=5).plans
    # Without pay, Plus is half of Basis (§ 4 Abs. 3 BEEG): Basis LM 1–12 and Basis 1–8 + Plus 9–16 bring the
    # household the same 139,635.97 €; the search lists Basis LM 1–12 first.
    assert by_household[0].months == {"A": "BBBBBBBBBBBB", "B": ""}
    assert {p.household_income for p in by_household} == {D("139635.97")}
    # After tax the Plus months win: LM 13–16 (15.11.2027–14.03.2028) put half of four months' Elterngeld
    # into 2028, where no other benefit raises the rate (§ 32b EStG): 112 € less tax.
    first = after_tax[0]
    assert first.months == {"A": "BBBBBBBBPPPPPPPP", "B": ""}
    basis = next(p for p in after_tax if p.months == {"A": "BBBBBBBBBBBB", "B": ""})
    assert first.household_income == basis.household_income
    assert first.household_after_tax == D("152987.43") and basis.household_after_tax == D("152875.43")
    assert first.household_after_tax - basis.household_after_tax == 112
    figures = [p.household_after_tax for p in after_tax]
    assert figures == sorted(figures, reverse=True)                              # type: ignore[type-var]
    assert len({json.dumps(p.months, sort_keys=True) for p in after_tax}) == len(after_tax)   # distinct plans
    assert "re-ranked" in optimize(case, "household_after_tax", top=1).searched and FINALISTS == 20
    assert "mehr als Platz 2" in first.explanation


def test_the_optimizer_refuses_no_objective_it_lists() -> None:
    assert OBJECTIVES == ("elterngeld", "household_income", "household_after_tax")


def test_the_cli_ranks_after_tax(tmp_path: Path) -> None:
    case = write_case(tmp_path, json.loads(TWINS.read_text(encoding="utf-8")))
    out = run("optimize", case, "--objective", "household_after_tax", "--top", "2")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["objective"] == "household_after_tax" and "re-ranked" in data["searched"]
    assert data["plans"][0]["months"] == BEST and data["plans"][0]["household"]["after_tax"] == 133219.67
    bad = run("optimize", case, "--objective", "netto")
    assert bad.returncode == 2 and "household_after_tax" in bad.stderr
    compared = json.loads(run("compare", case, "--json").stdout)
    for row in compared["plans"]:
        plan = evaluate(twins(), row["months"])
        assert row["household_after_tax"] == float(nach_steuern(twins(), plan.haushalt))


def test_the_case_may_choose_the_after_tax_objective_for_the_comparison() -> None:
    data = json.loads(TWINS.read_text(encoding="utf-8"))
    data["elterngeld_plan"]["constraints"]["objective"] = "household_after_tax"
    case = load_case(data)
    assert comparison_objective(case) == "household_after_tax"
    choices = plan_choices(case, with_variants=False)
    view = compare(case, choices)
    for col in view.columns:
        assert col.after_tax == nach_steuern(case, col.plan.haushalt)
    figures = [c.after_tax for c in view.columns]
    assert figures == sorted(figures, reverse=True)                              # type: ignore[type-var]
    assert view.columns[0].gap == 0


def test_the_comparison_page_and_the_handout_show_the_after_tax_figure() -> None:
    from workbench.report.haushalt import chosen_paragraphs
    from workbench.report import handout_plans
    from workbench.ui.pages.vergleich.html import card_html, overview_table

    case = twins()
    view = compare(case, plan_choices(case, with_variants=False))
    table = overview_table(view)
    assert "Nach Steuern (geschätzt)" in table
    for col in view.columns:
        assert col.after_tax is not None and format_money(col.after_tax, "de") in table
    card = card_html(view, view.columns[0], 0)
    assert "eine Schätzung" in card and format_money(view.columns[0].after_tax, "de") in card
    plans = handout_plans(case)
    names = {"A": "Mira", "B": "Jonas"}
    first = " ".join(chosen_paragraphs(case, plans[0], names, "de"))
    own = evaluate(case, dict(case.elterngeld_plan.months))
    assert format_money(nach_steuern(case, own.haushalt), "de") in first and "eine Schätzung" in first
    assert all(p.plan.household_after_tax is not None for p in plans)


def test_the_wishes_form_offers_the_after_tax_objective() -> None:
    from workbench.ui.pages.vergleich.wuensche import Wuensche

    data = json.loads(TWINS.read_text(encoding="utf-8"))
    form = Wuensche(data, {"A": "Mira", "B": "Jonas"}, "de")
    assert ("Geld des Haushalts nach Steuern (geschätzt)", "household_after_tax") in form.objective.options
    form.objective.value = "household_after_tax"
    assert form.apply(data) and data["elterngeld_plan"]["constraints"]["objective"] == "household_after_tax"
    assert load_case(data).elterngeld_plan.constraints.objective == "household_after_tax"

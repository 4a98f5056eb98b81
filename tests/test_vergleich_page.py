"""The comparison page and the page header without a browser: ticks, own plans, wishes, language."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.memory_store import MemoryStore
from workbench.case import dump_case, load_case
from workbench.evaluation.elterngeld.optimize import optimize
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, _relanguage
from workbench.ui.kit.header import PageHeader
from workbench.ui.pages.vergleich.page import VergleichPage
from workbench.ui.pages.vergleich.html import glossary_html, with_term_titles

FAMILY = Path(__file__).resolve().parent / "cases" / "vergleich" / "familie-lena-tom.json"


def stored_page() -> tuple[VergleichPage, MemoryStore]:
    data = dump_case(load_case(json.loads(FAMILY.read_text(encoding="utf-8"))))
    store = MemoryStore()
    version = store.save(data, expected_version=None)
    return VergleichPage(store.open(data["case_id"]).data, store, version), store


def tick(page: VergleichPage, key: str, value: bool) -> Any:
    box = next(b for b, c in zip(page.chooser.children, page.choices) if c.key == key)
    box.value = value
    return box


def test_the_page_starts_with_the_case_plan_and_the_best_and_refuses_a_fifth_plan() -> None:
    page, _ = stored_page()
    assert page.selected == ["case", "best:1"] and len(page.cards.children) == 2
    for key in ("variant:12_2", "variant:7_7"):
        tick(page, key, True)
    refused = tick(page, "variant:lang_plus", True)
    assert refused.value is False and len(page.selected or []) == 4
    assert "höchstens vier Pläne" in page.chooser_message.text
    tick(page, "case", False)
    assert "case" not in (page.selected or []) and len(page.cards.children) == 3


def test_a_plan_changed_in_the_planner_is_saved_under_its_name_and_compared() -> None:
    page, store = stored_page()
    page.open_planner(page.choices[0])
    page._save_own()
    assert "Namen" in page.plan_message.text  # no name: nothing saved
    page.planner.cycle("B", 9)  # Tom takes Lebensmonat 9 as Basiselterngeld
    page.plan_name.value = "Tom ab Monat 9"
    page._save_own()
    saved = store.open("VGL-2026-LT").data["elterngeld_alternatives"]
    assert saved == [{"name": "Tom ab Monat 9", "months": {"A": "BBBBBBBBBB--++++", "B": "--------B-BB++++"}}]
    assert "own:Tom ab Monat 9" in (page.selected or [])
    assert "„Tom ab Monat 9“ ist gespeichert" in page.status.value
    page.plan_name.value = "x" * 61
    page._save_own()
    assert "höchstens 60 Zeichen" in page.plan_message.text


def test_the_wishes_become_constraints_and_the_best_plan_meets_them() -> None:
    page, store = stored_page()
    tom = page.wishes.parents[1]
    tom.min_months.value = 3
    tom.back_by.value = 17
    page.wishes.min_income.value = "2.000"
    page._find()
    assert "besten Pläne" in page.find_status.value and page.find_button.disabled is False
    case = load_case(store.open("VGL-2026-LT").data)
    constraints = case.elterngeld_plan.constraints  # type: ignore[union-attr]
    assert constraints is not None and constraints.min_months == {"B": 3}
    assert constraints.return_to_work["B"].latest == 17 and str(constraints.min_household_income) == "2000"
    best = optimize(case, "household_income", top=1).plans[0]  # the comparison ranks by the household's money
    assert page.view is not None and page.view.columns[0].choice.key == "best:1"
    assert page.view.columns[0].household_income == best.household_income


def test_wishes_no_plan_can_meet_are_named_and_nothing_is_saved() -> None:
    page, store = stored_page()
    page.wishes.parents[0].min_months.value = 20
    page.wishes.parents[0].max_months.value = 20
    page.wishes.parents[1].min_months.value = 20
    page._find()
    assert "keinen erlaubten Plan" in page.find_status.value and 'role="alert"' in page.find_status.value
    assert page.find_button.disabled is False
    assert len(store.versions["VGL-2026-LT"]) == 1


def test_hours_above_32_are_refused_at_the_wish() -> None:
    page, _ = stored_page()
    page.wishes.parents[0].hours.value = "35"
    page._find()
    assert "1 bis 32" in page.wishes.parents[0].message.text


def test_switching_to_english_shows_english_money_and_writes_nothing_until_a_save() -> None:
    page, store = stored_page()
    page.header.toggle.value = "en"
    assert "<h1 lang=\"en\">Compare plans</h1>" == page.header.title.value
    assert "€20,862.22" in page.table.value and "Difference to the best plan" in page.table.value
    assert len(store.versions["VGL-2026-LT"]) == 1  # Lesen schreibt nie: the switch is no change
    assert store.open("VGL-2026-LT").data["language"] == "de"
    page.open_planner(page.choices[0])
    page.planner.cycle("B", 9)
    page.plan_name.value = "Tom ab Monat 9"
    page._save_own()  # the next real change takes the language along
    assert len(store.versions["VGL-2026-LT"]) == 2
    assert store.open("VGL-2026-LT").data["language"] == "en"


def test_the_handout_link_is_a_pdf_download() -> None:
    page, _ = stored_page()
    page._handout()
    assert 'download="Merkblatt-VGL-2026-LT.pdf"' in page.handout_link.value
    assert 'href="data:application/pdf;base64,JVBER' in page.handout_link.value


def test_terms_explain_themselves_on_hover_and_on_click() -> None:
    glossary = glossary_html("de")
    assert glossary.count("<details") == 4 and 'title="Halb so viel wie Basiselterngeld' in glossary
    marked = with_term_titles("Tom nimmt 2 Monate Partnerschaftsbonus", "de")
    assert '<span class="wb-term-inline" title="2 bis 4 zusätzliche Monate' in marked


def test_the_header_calls_back_on_a_switch_but_not_when_the_page_sets_the_language() -> None:
    calls: list[str] = []
    header = PageHeader("vgl.title", "de", calls.append)
    header.set_language("en")
    assert calls == [] and header.toggle.value == "en" and "Compare plans" in header.title.value
    header.toggle.value = "de"
    assert calls == ["de"] and "Pläne vergleichen" in header.title.value
    assert [label for label, _ in header.toggle.options] == ["Deutsch", "English"]


def test_the_wizard_switches_language_at_the_same_step_and_stores_it_with_the_next_change() -> None:
    data = dump_case(load_case(json.loads(FAMILY.read_text(encoding="utf-8"))))
    store = MemoryStore()
    version = store.save(data, expected_version=None)
    import ipywidgets as w

    wizard = ElterngeldWizard(store.open("VGL-2026-LT").data, store, version, autosave_delay=0)
    wizard.go(2)
    page = w.VBox([wizard.widget])
    rebuilt: list[ElterngeldWizard] = []
    wizard.on_language = lambda old: rebuilt.append(_relanguage(page, old, store))
    wizard.header.toggle.value = "en"
    new = page.children[0]
    assert new is not wizard.widget and rebuilt[0].widget is new
    assert "Step 3 of 6" in new.children[1].value  # the progress, in English, at the same step
    assert len(store.versions["VGL-2026-LT"]) == 1  # the switch writes nothing
    english = rebuilt[0]
    english.go(0)
    english.step.married.input.value = not english.step.married.input.value  # type: ignore[attr-defined]
    assert len(store.versions["VGL-2026-LT"]) == 2  # the next real change, with the language
    assert store.open("VGL-2026-LT").data["language"] == "en"


def test_work_wishes_and_the_objective_become_constraints_and_the_search_uses_them() -> None:
    page, store = stored_page()
    tom = page.wishes.parents[1]
    tom.full_time.value = 13
    tom.flexible.value = True
    tom.hours.value = "25"
    tom.gross.value = "1.800"
    page._find()
    data = store.open("VGL-2026-LT").data
    work = data["elterngeld_plan"]["constraints"]["work"]
    assert work == {"B": {"full_time_from": 13, "part_time": {"hours_per_week": 25, "gross_monthly": 1800,
                                                              "during": "plus_bonus"}}}
    assert data["household"]["parents"][1]["income_after_birth"] == []
    best = page.view.columns[0] if page.view is not None else None
    assert best is not None and best.choice.key == "best:1"
    for g in best.plan.haushalt.per_parent["B"]:  # Tom's Plus/Bonus months carry his 25 hours, none before 13 full time
        assert g.arbeit.what == ("part_time" if g.kind in ("plus", "bonus") else
                                 "full_time" if g.kind == "none" and g.month >= 13 else "none")
    page.wishes.objective.value = "elterngeld"
    tom.full_time.value = 0  # stays at home
    page._find()
    constraints = store.open("VGL-2026-LT").data["elterngeld_plan"]["constraints"]
    assert constraints["objective"] == "elterngeld" and constraints["work"]["B"]["full_time_from"] is None


def _page_text(widget: Any) -> str:
    """Every HTML and label text of the page's widget tree."""
    parts = [str(getattr(widget, "value", "") or "") if isinstance(getattr(widget, "value", None), str) else ""]
    for child in getattr(widget, "children", ()) or ():
        parts.append(_page_text(child))
    return " ".join(parts)


def test_the_page_the_family_looks_at_cites_no_paragraph_and_the_advisor_view_does() -> None:
    """Issue 24 / ADR 0042: the comparison is in the family's register; "§ 32b EStG" beside the household
    figure after tax and the tax panel's §§ belong to the advisor's register (``?ansicht=beratung``)."""
    from workbench.report.register import ADVISOR

    page, _ = stored_page()
    assert page.register.value == "family"
    family = _page_text(page.widget)
    assert "Nach der geschätzten Einkommensteuer der Kalenderjahre (Nachzahlung oder Erstattung): " in family
    assert "§" not in family
    data = dump_case(load_case(json.loads(FAMILY.read_text(encoding="utf-8"))))
    store = MemoryStore()
    advisor = VergleichPage(data, store, store.save(data, expected_version=None), register=ADVISOR)
    text_advisor = _page_text(advisor.widget)
    assert "Progressionsvorbehalt § 32b EStG" in text_advisor and "§ 2c Abs. 3" in text_advisor


def test_the_switch_shows_the_advisors_view_with_the_same_plans_and_back() -> None:
    """ADR 0042: "Ansicht für die Beratung" redraws the cards and the tax panel with the §§, keeps the case and the
    plans chosen (here only the best split, not the default pair), writes nothing; "Ansicht für die Familie" back."""
    page, store = stored_page()
    tick(page, "case", False)  # the family looks at the best split alone
    chosen = list(page.selected or [])
    version = store.open(page.data["case_id"]).version
    assert page.view_switch.description == "Ansicht für die Beratung"
    assert "§" not in _page_text(page.widget)
    page.view_switch.click()
    assert page.register.value == "advisor" and page.selected == chosen
    assert page.view_switch.description == "Ansicht für die Familie"
    advisor = _page_text(page.widget)
    assert "Progressionsvorbehalt § 32b EStG" in advisor
    assert page.view_switch in page.body.children
    page.view_switch.click()
    assert page.register.value == "family" and page.selected == chosen and "§" not in _page_text(page.widget)
    assert store.open(page.data["case_id"]).version == version  # looking is not saving
    page.set_language("en")
    assert page.view_switch.description == "View for the advisor"


def _view(language: str = "de") -> Any:
    from workbench.evaluation.vergleich import compare, default_selection, plan_choices
    from workbench.ui.pages.vergleich.page import comparison_objective

    data = json.loads(FAMILY.read_text(encoding="utf-8"))
    data["language"] = language
    case = load_case(data)
    best = optimize(case, comparison_objective(case), top=1).plans
    choices = plan_choices(case, best)
    by_key = {c.key: c for c in choices}
    return compare(case, [by_key[k] for k in default_selection(choices)])


def test_the_after_tax_line_says_what_it_adds_and_why_it_can_exceed_the_together_line() -> None:
    """walk10 F4: "Nach Steuern (geschätzt)" above "Zusammen" read as an error. The table shows the refund or
    additional payment it adds (after tax − together, signed) and says why it can be higher: Lohnsteuer withheld as
    if the pay came all year, joint assessment (§ 26b EStG) – with the § for the advisor, in plain words for the
    family; the Progressionsvorbehalt (§ 32b EStG) lowers it."""
    from decimal import Decimal

    from workbench.report.register import ADVISOR, FAMILY as FAMILY_VIEW
    from workbench.ui.pages.vergleich.html import overview_table

    view = _view()
    case_plan = next(c for c in view.columns if c.choice.key == "case")
    assert case_plan.after_tax is not None and case_plan.after_tax > case_plan.household_income  # the walk's puzzle
    refund = case_plan.after_tax - case_plan.household_income
    assert refund == Decimal("1374.53")
    advisor = overview_table(view, ADVISOR)
    assert f'data-tax-settlement="case">+1.374,53 €<' in advisor
    assert "Steuererstattung (+) oder Nachzahlung (−)" in advisor
    assert "§ 26b, § 32a Abs. 5 EStG" in advisor and "§ 32b EStG" in advisor and "höher sein als „Zusammen“" in advisor
    family = overview_table(view, FAMILY_VIEW)
    assert "§" not in family and "höher sein als „Zusammen“" in family and "+1.374,53 €" in family
    english = overview_table(_view("en"), FAMILY_VIEW)
    assert "higher than “Together”" in english and "§" not in english


def test_the_legend_names_maternity_pay_only_for_a_parent_who_receives_it() -> None:
    """walk10 F4: the legend said "Paul: Netto aus Arbeit, Mutterschaftsgeld" for the father. Lena and Tom's plans
    have no Mutterschaftsleistungen at all: neither legend entry (nor the chart's description) names it."""
    from workbench.report.vergleich import chart_svg, legend_html

    view = _view()
    legend = legend_html(view)
    assert "Mutterschaftsgeld" not in legend and legend.count("Netto aus Arbeit") == 2
    assert "Mutterschaftsgeld" not in chart_svg(view, view.columns[0], "c")

"""The Elterngeld wizard, driven end to end in headless Chromium as an advisor would.

Amounts on the page are compared with the engine's for the very case the wizard saved.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.test_start_page import AXE_JS, KERNEL_READY_MS, assert_no_new_serious, run_axe
from tests.browser.wizard_helpers import (
    case_id, cell, expect_engine_totals, open_wizard, shot, weiter,
)


def axe_check(page: Page, artifacts: Path, name: str) -> None:
    if not AXE_JS.exists():
        pytest.skip("axe-core is not installed: run `npm install` (make test does)")
    assert_no_new_serious(run_axe(page, artifacts / f"axe-wizard-{name}.json"))


def test_a_married_couple_with_part_time_work_plans_their_months(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    open_wizard(page, voila_url)
    expect(page.get_by_text("Schritt 1 von 6")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "1")
    page.get_by_label("Vorname").fill("Eva")
    page.get_by_role("button", name="Zweiten Elternteil hinzufügen").click()
    page.get_by_label("Vorname").nth(1).fill("Jonas")
    page.get_by_label("Die Eltern sind verheiratet").check()
    shot(page, artifacts, "1-familie")
    weiter(page, 2)

    # a bad entry: no birth date; the message sits at the field, nothing else is lost
    page.get_by_label("Mehrlinge").select_option(label="Ein Kind")
    weiter(page)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Bitte das Geburtsdatum oder den errechneten Termin eingeben.")
    expect(page.get_by_text("Schritt 2 von 6")).to_be_visible()
    shot(page, artifacts, "2-kind-fehler")
    axe_check(page, artifacts, "kind-fehler")
    page.get_by_label("Geburtstag oder errechneter Termin").fill("2026-06-15")
    shot(page, artifacts, "2-kind")
    weiter(page, 3)

    gross = page.get_by_label("Bruttolohn pro Monat vor der Geburt (€)")
    gross.nth(0).fill("abc")
    gross.nth(1).fill("4.000")
    page.get_by_label("Steuerklasse", exact=True).nth(1).select_option("3")
    weiter(page)
    expect(page.get_by_role("alert")).to_have_count(1)
    expect(page.get_by_role("alert")).to_contain_text("Bitte einen Betrag wie 3.000,50 oder 3000 eingeben.")
    expect(gross.nth(0)).to_have_value("abc")
    expect(gross.nth(1)).to_have_value("4.000")
    expect(page.get_by_label("Steuerklasse", exact=True).nth(1)).to_have_value("3")
    shot(page, artifacts, "3-einkommen-fehler")
    gross.nth(0).fill("3.000")
    weiter(page, 4)

    page.get_by_role("button", name="Zeitraum mit Arbeit für Jonas hinzufügen").click()
    page.get_by_label("Von Lebensmonat").select_option("13")
    page.get_by_label("Bis Lebensmonat").select_option("14")
    page.get_by_label("Bruttolohn pro Monat in dieser Zeit (€)").fill("2.000")
    page.get_by_label("Wochenstunden").fill("28")
    shot(page, artifacts, "4-arbeit")
    weiter(page, 5)

    planner = page.locator(".wb-planner")
    expect(cell(page, "Eva", 3)).to_be_visible()
    cid = case_id(page)
    expect_engine_totals(planner, data_dir, cid, "data-parent")
    expect(page.get_by_text("Der Plan hält alle Regeln ein.")).to_be_visible()
    shot(page, artifacts, "5-monatsplaner")
    axe_check(page, artifacts, "planer")

    # Eva also takes Lebensmonat 13, when Jonas takes Basis: amounts and violations update at once
    before = planner.locator("[data-parent='all']").inner_text()
    expect(cell(page, "Eva", 13)).to_have_accessible_name(re.compile("kein Elterngeld"))
    cell(page, "Eva", 13).click()
    expect(cell(page, "Eva", 13)).to_have_accessible_name(re.compile("Lebensmonat 13, 15.06.–14.07.2027: Basiselterngeld"))
    expect(planner.locator("[data-parent='all']")).not_to_have_text(before)
    expect(page.locator(".wb-problems")).to_contain_text("gleichzeitig")
    expect(cell(page, "Eva", 13)).to_have_class(re.compile("wb-problem"))
    shot(page, artifacts, "5-monatsplaner-verstoss")
    # Plus, Bonus, nothing: back to a valid plan
    for _ in range(3):
        cell(page, "Eva", 13).click()
    expect(cell(page, "Eva", 13)).to_have_accessible_name(re.compile("kein Elterngeld"))
    expect(page.get_by_text("Der Plan hält alle Regeln ein.")).to_be_visible()
    # Jonas switches his two months to ElterngeldPlus (Basis -> Plus)
    cell(page, "Jonas", 13).click()
    cell(page, "Jonas", 14).click()
    expect(cell(page, "Jonas", 14)).to_have_accessible_name(re.compile("ElterngeldPlus"))

    weiter(page, 6)
    expect(page.locator(".wb-totals")).to_be_visible()
    result = expect_engine_totals(page.locator(".wb-totals"), data_dir, cid, "data-total")
    assert [m.kind for m in result.parents["B"].months] == ["plus", "plus"]
    expect(page.get_by_role("table", name="Elterngeld je Lebensmonat").get_by_role(
        "row", name=re.compile("Lebensmonat 13"))).to_contain_text("ElterngeldPlus")
    page.get_by_role("button", name="Wie wird das berechnet?").click()
    expect(page.locator(".wb-explanation").first).to_contain_text("§ 2")
    shot(page, artifacts, "6-ergebnis")
    axe_check(page, artifacts, "ergebnis")

    # the saved case reopens on a new page, at the step where it was left (issue 24); its first step is a link
    page.goto(voila_url + "/voila/render/elterngeld.ipynb" + f"?case={cid}")
    expect(page.locator(".wb-progress-text")).to_contain_text("Schritt 6 von 6", timeout=KERNEL_READY_MS)
    page.get_by_role("button", name="1. Familie").click()
    expect(page.locator(".wb-progress-text")).to_contain_text("Schritt 1 von 6")
    expect(page.get_by_label("Vorname").nth(0)).to_have_value("Eva")
    expect(page.get_by_label("Vorname").nth(1)).to_have_value("Jonas")
    expect(page.get_by_label("Die Eltern sind verheiratet")).to_be_checked()
    for step in range(2, 6):
        weiter(page, step)
    expect(cell(page, "Jonas", 14)).to_have_accessible_name(re.compile("ElterngeldPlus"))
    expect_engine_totals(page.locator(".wb-planner"), data_dir, cid, "data-parent")


def tab_to(page: Page, target: Locator, limit: int = 120) -> None:
    """Press Tab until ``target`` has the focus (as a keyboard user would)."""
    handle = target.element_handle()
    for _ in range(limit):
        if page.evaluate("el => document.activeElement === el", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def test_a_single_parent_completes_the_wizard_with_the_keyboard_only(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    open_wizard(page, voila_url)
    tab_to(page, page.get_by_label("Vorname"))
    page.keyboard.type("Mia")
    tab_to(page, page.get_by_label("Alleinerziehend"))
    page.keyboard.press("Space")
    expect(page.get_by_label("Alleinerziehend")).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Weiter"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Schritt 2 von 6")).to_be_visible()

    birth = page.get_by_label("Geburtstag oder errechneter Termin")
    tab_to(page, birth)
    page.keyboard.type("01.03.2026")  # typed day first, whatever the browser's locale (ADR 0034)
    expect(birth).to_have_value("01.03.2026")
    tab_to(page, page.get_by_role("button", name="Weiter"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Schritt 3 von 6")).to_be_visible()

    tab_to(page, page.get_by_label("Bruttolohn pro Monat vor der Geburt (€)"))
    page.keyboard.type("2.400,50")
    tab_to(page, page.get_by_label("Steuerklasse", exact=True))
    page.keyboard.press("2")
    expect(page.get_by_label("Steuerklasse", exact=True)).to_have_value("2")
    for step in (4, 5):
        tab_to(page, page.get_by_role("button", name="Weiter"))
        page.keyboard.press("Enter")
        expect(page.get_by_text(f"Schritt {step} von 6")).to_be_visible()

    cid = case_id(page)
    expect(page.locator(".wb-contingent")).to_contain_text("14 von 14")
    expect_engine_totals(page.locator(".wb-planner"), data_dir, cid, "data-parent")
    tab_to(page, cell(page, "Mia", 14))
    page.keyboard.press("Enter")
    expect(cell(page, "Mia", 14)).to_have_accessible_name(re.compile("ElterngeldPlus"))
    page.keyboard.press("Space")
    expect(cell(page, "Mia", 14)).to_have_accessible_name(re.compile("Partnerschaftsbonus"))
    expect(page.locator(".wb-problems")).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(cell(page, "Mia", 14)).to_have_accessible_name(re.compile(": Basiselterngeld"))
    expect(page.get_by_text("Der Plan hält alle Regeln ein.")).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Weiter"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Schritt 6 von 6")).to_be_visible()
    expect_engine_totals(page.locator(".wb-totals"), data_dir, cid, "data-total")
    tab_to(page, page.get_by_role("button", name="Wie wird das berechnet?"))
    page.keyboard.press("Space")
    expect(page.locator(".wb-explanation").first).to_contain_text("§")
    shot(page, artifacts, "b-alleinerziehend-ergebnis")


def test_twins_born_seven_weeks_early_get_an_extra_month_and_fixed_maternity_months(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    open_wizard(page, voila_url)
    page.get_by_label("Vorname").fill("Lena")
    page.get_by_role("button", name="Zweiten Elternteil hinzufügen").click()
    page.get_by_label("Vorname").nth(1).fill("Tom")
    weiter(page, 2)
    page.get_by_label("Geburtstag oder errechneter Termin").fill("2026-09-10")
    page.get_by_label("Mehrlinge").select_option(label="Zwillinge")
    page.get_by_label("Volle Wochen vor dem Termin geboren").select_option("7")
    page.get_by_role("button", name="Geschwisterkind hinzufügen").click()
    page.get_by_label("Geburtsdatum des Geschwisterkinds").fill("2024-05-02")
    shot(page, artifacts, "c-zwillinge-kind")
    weiter(page, 3)
    page.get_by_label("Bruttolohn pro Monat vor der Geburt (€)").nth(0).fill("2.800")
    page.get_by_label("Bekommt nach der Geburt Mutterschaftsgeld").nth(0).check()
    page.get_by_label("Art des Einkommens vor der Geburt").nth(1).select_option(label="Selbständig")
    page.get_by_label("Gewinn im letzten Veranlagungsjahr (€)").nth(1).fill("36.000")
    shot(page, artifacts, "c-zwillinge-einkommen")
    weiter(page, 4)
    weiter(page, 5)

    for month in (1, 2, 3):
        expect(cell(page, "Lena", month)).to_be_disabled()
        expect(cell(page, "Lena", month)).to_have_accessible_name(re.compile("Mutterschutz"))
    expect(page.locator(".wb-contingent")).to_contain_text("von 15")
    cid = case_id(page)
    expect_engine_totals(page.locator(".wb-planner"), data_dir, cid, "data-parent")
    before = page.locator(".wb-planner [data-parent='B']").inner_text()
    cell(page, "Tom", 15).click()  # Basis up to month 15 after a birth 7 weeks early
    expect(page.locator(".wb-planner [data-parent='B']")).not_to_have_text(before)
    expect(page.get_by_text("Der Plan hält alle Regeln ein.")).to_be_visible()
    shot(page, artifacts, "c-zwillinge-planer")
    weiter(page, 6)
    result = expect_engine_totals(page.locator(".wb-totals"), data_dir, cid, "data-total")
    assert result.parents["A"].months[0].maternity and result.parents["B"].months[0].mehrlingszuschlag > 0
    shot(page, artifacts, "c-zwillinge-ergebnis")


def test_the_start_page_finds_a_saved_case_and_opens_it_in_the_wizard(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    from workbench.store import CaseStore

    case = {"format": "workbench-case/1", "case_id": "EG-TEST-0001", "language": "de",
            "household": {"married": True, "parents": [{"id": "A", "name": "Ronja"}, {"id": "B", "name": "Ole"}],
                          "children": [{"id": "K1", "birth_date": "2026-04-20"}]},
            "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB", "B": "------------BB"}}}
    CaseStore(data_dir / "cases.sqlite").save(case, expected_version=None)
    page.goto(voila_url + "/voila/render/start.ipynb")
    search = page.get_by_label("Fall suchen")
    expect(search).to_be_visible(timeout=60_000)
    expect(page.get_by_role("link", name="Elterngeld planen – neuer Fall")).to_be_visible()
    search.fill("ronja")
    link = page.get_by_role("link", name="Fall Ronja & Ole öffnen (Elterngeld)")
    expect(link).to_be_visible()
    shot(page, artifacts, "0-start")
    link.click()
    expect(page.get_by_label("Vorname").nth(0)).to_have_value("Ronja", timeout=60_000)
    assert "case=EG-TEST-0001" in page.url


def test_weiter_on_the_empty_family_step_asks_for_a_first_name_and_saves_nothing(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    # walk9 N6: an empty first step saved a case with no name that the start page listed as "–"
    open_wizard(page, voila_url)
    page.get_by_role("button", name="Weiter").click()
    expect(page.get_by_role("alert").first).to_contain_text("Bitte einen Vornamen eintragen")
    expect(page.get_by_text("Schritt 1 von 6")).to_be_visible()
    expect(page.locator(".wb-status")).to_have_count(0)  # nothing saved: no "Gespeichert: Fall …" line
    shot(page, artifacts, "familie-ohne-namen")
    page.get_by_label("Anonym beraten: keine Namen speichern").check()
    weiter(page, 2)
    expect(page.locator(".wb-status")).to_contain_text(re.compile("Gespeichert"))

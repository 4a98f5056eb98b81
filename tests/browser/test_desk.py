"""Issue 24 across the desk, in headless Chromium: dates typed day first whatever the browser's locale,
step names as links, a case reopening where it was left, the focus after adding a parent, the case list
with topics and pages, the Leistungscheck's day, total and months ahead, the chart's date axis."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_start_page import KERNEL_READY_MS, screenshot
from tests.browser.wizard_helpers import WIZARD, case_id, open_wizard, weiter
from tests.shared import SHARED
from workbench.store import CaseStore

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def shot(page: Page, artifacts: Path, name: str) -> None:
    screenshot(page, artifacts / f"desk-{name}.png")
    page.set_viewport_size({"width": 1200, "height": 900})


@pytest.fixture
def english_browser_page(browser: Browser) -> Any:
    """A page of a browser whose profile is US English: its own date inputs would read mm/dd/yyyy."""
    context = browser.new_context(locale="en-US", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_navigation_timeout(2 * KERNEL_READY_MS)
    yield page
    context.close()


def test_dates_are_typed_day_first_in_an_en_us_browser(english_browser_page: Page, voila_url: str, artifacts: Path,
                                                     data_dir: Path) -> None:
    page = english_browser_page
    assert page.evaluate("() => navigator.language") == "en-US"
    page.goto(voila_url + WIZARD + "?lang=en")
    expect(page.get_by_role("button", name="Next")).to_be_visible(timeout=KERNEL_READY_MS)
    page.get_by_label("First name").fill("Emma")
    page.get_by_role("button", name="Next").click()
    birth = page.get_by_label("Date of birth or due date")
    expect(birth).to_have_attribute("placeholder", "DD/MM/YYYY")
    assert birth.get_attribute("type") != "date"
    birth.fill("31/02/2026")  # there is no 31 February: the text stays, the message says how to write it
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("This day does not exist. Please check the date (DD/MM/YYYY)")).to_be_visible()
    expect(birth).to_have_value("31/02/2026")
    shot(page, artifacts, "1-date-en-us-wrong-day")
    birth.fill("03/06/2026")  # 3 June, not 6 March
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".wb-progress-text")).to_contain_text("Step 3 of 6", timeout=30_000)
    stored = CaseStore(data_dir / "cases.sqlite").open(case_id(page)).data
    assert stored["household"]["children"][0]["birth_date"] == "2026-06-03"
    page.goto(voila_url + WIZARD)  # the German page in the same English browser: TT.MM.JJJJ
    # the pooled kernel was just taken: a loaded machine may start the next one slowly
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=2 * KERNEL_READY_MS)
    page.get_by_label("Vorname").fill("Ada")
    weiter(page, 2)
    expect(page.get_by_label("Geburtstag oder errechneter Termin")).to_have_attribute("placeholder", "TT.MM.JJJJ")


def test_step_links_the_saved_step_and_the_focus_after_adding_a_parent(page: Page, voila_url: str, artifacts: Path) -> None:
    open_wizard(page, voila_url)
    page.get_by_role("button", name="Zweiten Elternteil hinzufügen").click()
    expect(page.get_by_label("Vorname").nth(1)).to_be_focused()  # not the page body
    assert page.evaluate("() => document.activeElement !== document.body")
    page.get_by_label("Vorname").nth(0).fill("Eva")
    page.get_by_label("Vorname").nth(1).fill("Jonas")
    current = page.locator('.wb-step-links [aria-current="step"]')
    expect(current).to_have_text("1. Familie")
    expect(page.get_by_role("button", name="2. Kind")).to_have_count(0)  # not reached yet: no link forward
    weiter(page, 2)
    page.get_by_label("Geburtstag oder errechneter Termin").fill("15.06.2026")
    weiter(page, 3)
    expect(current).to_have_text("3. Einkommen vor der Geburt")
    shot(page, artifacts, "2-step-links")
    cid = case_id(page)
    back = page.get_by_role("button", name="1. Familie")
    back.focus()  # a link like any other: reached with the keyboard
    page.keyboard.press("Enter")
    expect(page.locator(".wb-progress-text")).to_contain_text("Schritt 1 von 6", timeout=30_000)
    expect(page.get_by_label("Vorname").nth(1)).to_have_value("Jonas")
    page.get_by_role("button", name="3. Einkommen vor der Geburt").click()  # forward to a step reached before
    expect(page.locator(".wb-progress-text")).to_contain_text("Schritt 3 von 6", timeout=30_000)
    page.wait_for_timeout(1500)
    open_wizard(page, voila_url, f"?case={cid}")  # reopened: at the step where it was left
    expect(page.locator(".wb-progress-text")).to_contain_text("Schritt 3 von 6", timeout=30_000)
    expect(page.get_by_role("button", name="2. Kind")).to_be_visible()
    shot(page, artifacts, "3-reopened-at-step-3")


def test_the_case_list_has_topics_pages_and_the_comparison_only_with_a_plan(page: Page, voila_url: str, artifacts: Path,
                                                                           data_dir: Path) -> None:
    store = CaseStore(data_dir / "cases.sqlite")
    plan = json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text(encoding="utf-8"))["case"]
    for n in range(30):
        store.save({"format": "workbench-case/3", "case_id": f"EG-20261130-D{n:03d}",
                    "household": {"parents": [{"id": "A", "name": f"Familie {n}"}],
                                  "children": [{"id": "K1", "birth_date": "2026-06-15"}]}}, expected_version=None)
    store.save({**plan, "case_id": "EG-20261201-PLAN"}, expected_version=None)
    store.save({"format": "workbench-case/1", "case_id": "PF-20261201-DESK",
                "household": {"parents": [{"id": "A", "name": "Jana"}], "children": []},
                "care": {"recipient": {"pflegegrad": 2, "relation": "parent", "at_home": True, "sach_percent": 50},
                         "carer": {"parent": "A", "employed": True}}}, expected_version=None)
    page.goto(voila_url + "/voila/render/start.ipynb")
    expect(page.get_by_role("button", name="Berechnen")).to_be_visible(timeout=KERNEL_READY_MS)
    table = page.locator("table.wb-cases")
    expect(table.locator("tbody tr")).to_have_count(10)
    expect(table.get_by_role("columnheader", name="Thema")).to_be_visible()
    pflege = table.locator('tr[data-case="PF-20261201-DESK"]')
    expect(pflege.get_by_role("link", name=re.compile("Jana"))).to_have_text("Pflege: Jana")
    expect(pflege.locator("td").first).to_have_text("Pflege")
    planned = table.locator('tr[data-case="EG-20261201-PLAN"]')
    expect(planned.get_by_role("link", name=re.compile("^Vergleich"))).to_be_visible()
    expect(table.locator('tr[data-case="EG-20261130-D029"]').get_by_role("link", name=re.compile("^Vergleich"))).to_have_count(0)
    expect(page.get_by_text(re.compile(r"Fälle 1–10 von \d+"))).to_be_visible()
    box = page.get_by_role("heading", name="Elterngeld schnell berechnen").bounding_box()
    assert box is not None and box["y"] < 900, box  # on the first screen, not after thirty-two cases
    shot(page, artifacts, "4-case-list")
    page.get_by_role("button", name="Ältere").click()
    expect(page.get_by_text(re.compile(r"Fälle 11–20 von \d+"))).to_be_visible()
    planned_link = "vergleich.ipynb?case=EG-20261201-PLAN"
    page.goto(voila_url + "/voila/render/" + planned_link)
    expect(page.locator("svg.wb-chart").first).to_be_visible(timeout=2 * KERNEL_READY_MS)
    expect(page.locator("svg.wb-chart .wb-axis-date").first).to_have_text("Juli 26")
    shot(page, artifacts, "5-chart-date-axis")
    page.goto(voila_url + "/voila/render/vergleich.ipynb?case=EG-20261130-D000")  # no plan: said so, with a way back
    expect(page.get_by_text("hat noch keinen Elterngeld-Plan")).to_be_visible(timeout=2 * KERNEL_READY_MS)
    expect(page.get_by_role("link", name=re.compile("Startseite"))).to_be_visible()


def test_the_leistungscheck_says_its_day_adds_up_the_month_and_names_the_months_ahead(
        page: Page, voila_url: str, artifacts: Path, data_dir: Path) -> None:
    data = json.loads((EXAMPLES / "leistungscheck-alleinerziehend.json").read_text(encoding="utf-8"))
    data["case_id"] = "LC-20261201-DESK"
    data["household"]["benefits"] = {"wealth": 1500.0}
    data["household"]["children"][0]["birth_date"] = "2021-03-20"  # turns 6 in March
    store = CaseStore(data_dir / "cases.sqlite")
    store.save(data, expected_version=None)
    store.remember_step("LC-20261201-DESK", "ui.lc.title", 3, 3)  # left at the result
    page.goto(voila_url + "/voila/render/leistungscheck.ipynb?case=LC-20261201-DESK")
    summary = page.locator(".wb-summary")
    expect(summary).to_contain_text("Berechnet für den", timeout=2 * KERNEL_READY_MS)
    expect(summary).to_contain_text("Zusammen im Monat:")
    expect(summary.locator("li").first).to_contain_text(re.compile(r"ab 1\. März 20\d\d: .* – K1 wird 6"))
    expect(page.locator(".wb-card-date")).to_have_count(6)
    shot(page, artifacts, "6-leistungscheck-day-total-ahead")
    page.get_by_role("button", name=re.compile("^3\\. ")).click()
    day = page.get_by_label("Berechnen für den Tag (leer: heute)")
    day.fill("01.07.2026")
    page.get_by_role("button", name="Weiter").click()
    expect(summary).to_contain_text("Berechnet für den 1. Juli 2026", timeout=30_000)

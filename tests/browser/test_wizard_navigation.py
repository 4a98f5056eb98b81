"""The wizard's navigation in the browser: focus after each step, the last step, unknown cases, English."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.test_start_page import KERNEL_READY_MS
from tests.browser.wizard_helpers import (
    case_id, cell, expect_engine_totals, focused_text, open_wizard, shot, weiter,
)

VOILA_CELL_ERROR = "There was an error when executing cell"


def expect_heading_focused(page: Page, title: str) -> None:
    """The focus (document.activeElement) is at the step's heading ``title``.

    The focus target is a Label with tabindex=-1 right before the h2 (ipywidgets cannot focus an HTML widget).
    """
    expect(page.locator(".wb-step-heading h2")).to_have_text(title)
    expect(page.locator(".wb-step-heading .wb-focus-target")).to_be_focused()
    assert focused_text(page) == title


def test_weiter_and_zurueck_move_the_keyboard_focus_to_the_new_steps_heading(page: Page, voila_url: str) -> None:
    open_wizard(page, voila_url)
    expect(page.get_by_role("button", name="Zurück")).to_have_count(0)  # nothing before the first step
    page.get_by_label("Vorname").fill("Ada")
    weiter(page, 2)
    expect_heading_focused(page, "Kind")
    assert page.evaluate("() => document.activeElement.closest('.wb-step-heading') !== null")
    page.keyboard.press("Tab")  # from the heading, Tab goes on to the step's first field
    expect(page.get_by_label("Geburtstag oder errechneter Termin")).to_be_focused()
    page.get_by_role("button", name="Zurück").click()
    expect_heading_focused(page, "Familie")
    expect(page.get_by_label("Vorname")).to_have_value("Ada")


def test_an_unknown_case_id_shows_a_message_and_a_link_to_the_start_page(
    page: Page, voila_url: str, artifacts: Path
) -> None:
    open_wizard(page, voila_url, "?case=EG-20990101-NOPE")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Der Fall EG-20990101-NOPE wurde nicht gefunden.")
    expect(page.get_by_text(VOILA_CELL_ERROR)).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Traceback")
    expect(page.get_by_text("Schritt 1 von 6")).to_be_visible()  # a new case can be started at once
    shot(page, artifacts, "0-fall-unbekannt")
    page.get_by_role("link", name="Zur Startseite mit den gespeicherten Fällen").click()
    expect(page.get_by_label("Fall suchen")).to_be_visible(timeout=KERNEL_READY_MS)
    assert page.url.endswith("/voila/render/start.ipynb")


def test_an_english_case_runs_to_the_result_with_english_labels_and_euro_amounts(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    page.goto(voila_url + "/voila/render/elterngeld.ipynb?lang=en")
    expect(page.get_by_role("button", name="Next")).to_be_visible(timeout=KERNEL_READY_MS)

    def step(number: int, title: str) -> None:
        page.get_by_role("button", name="Next").click()
        expect(page.locator(".wb-progress-text")).to_contain_text(f"Step {number} of 6: {title}")
        expect_heading_focused(page, title)

    expect(page.locator(".wb-progress-text")).to_contain_text("Step 1 of 6: Family")
    page.get_by_label("First name").fill("Emma")
    page.get_by_label("The parents are married").check()
    step(2, "Child")
    page.get_by_label("Date of birth or due date").fill("2026-06-15")
    step(3, "Income before the birth")
    gross = page.get_by_label("Gross wage per month before the birth (€)")
    gross.fill("3.000,50")  # German notation on an English page is refused …
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("alert")).to_contain_text("3,000.50")
    expect(gross).to_have_value("3.000,50")
    gross.fill("3,000.50")  # … the English one is read
    page.get_by_label("Tax class", exact=True).select_option("4")
    page.get_by_label("Gives birth to the child").check()  # who gives birth is asked, never assumed (ADR 0039)
    shot(page, artifacts, "en-3-income")
    step(4, "Work after the birth")
    step(5, "Month planner")
    cid = case_id(page)
    expect(cell(page, "Emma", 3, "en")).to_have_accessible_name(re.compile(r"^Emma, month of life 3, .*: Basiselterngeld, €"))
    expect(page.get_by_text("The plan keeps every rule.")).to_be_visible()
    expect_engine_totals(page.locator(".wb-planner"), data_dir, cid, "data-parent", language="en")
    shot(page, artifacts, "en-5-planner")
    step(6, "Result")
    expect(page.get_by_role("button", name="Next")).to_have_count(0)  # the last step has no "Next"
    expect(page.get_by_role("button", name="Back")).to_be_visible()
    result = expect_engine_totals(page.locator(".wb-totals"), data_dir, cid, "data-total", language="en")
    assert page.locator(".wb-totals [data-total='all']").inner_text().startswith("€")
    assert result.total > 0
    months = page.get_by_role("table", name="Elterngeld per month of life")
    # Emma gives birth and is employed and insured: Mutterschaftsgeld is ticked for her (issue 24), so her first
    # months are maternity protection and Basiselterngeld is paid from month of life 3 on
    expect(months.get_by_role("row", name=re.compile("^Month of life 1 "))).to_contain_text("Maternity protection")
    expect(months.get_by_role("row", name=re.compile("^Month of life 3 "))).to_contain_text(re.compile(r"Basiselterngeld €\d"))
    page.get_by_role("button", name="How is this computed?").click()
    expect(page.locator(".wb-explanation").first).to_contain_text("§")
    shot(page, artifacts, "en-6-result")

"""Helpers for driving the Elterngeld wizard in the browser like an advisor."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.browser.test_start_page import KERNEL_READY_MS, screenshot
from workbench.case import load_case
from workbench.i18n import format_money
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.rules.elterngeld.result import ElterngeldResult
from workbench.store import CaseStore

WIZARD = "/voila/render/elterngeld.ipynb"


def open_wizard(page: Page, voila_url: str, query: str = "") -> None:
    page.goto(voila_url + WIZARD + query)
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=KERNEL_READY_MS)


def open_unpooled(page: Page, voila_url: str, path: str) -> None:
    """Open a wizard page that has no preheated kernel: its notebook runs after the request (loaded machine: be generous)."""
    page.goto(voila_url + path, wait_until="commit", timeout=2 * KERNEL_READY_MS)
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=2 * KERNEL_READY_MS)


def weiter(page: Page, expect_step: int | None = None, of: int = 6) -> None:
    """Click "Weiter"; with ``expect_step``, wait until the progress reads "Schritt <expect_step> von <of>"."""
    page.get_by_role("button", name="Weiter").click()
    if expect_step is not None:
        expect(page.locator(".wb-progress-text")).to_contain_text(f"Schritt {expect_step} von {of}", timeout=30_000)


def shot(page: Page, artifacts: Path, name: str) -> None:
    screenshot(page, artifacts / f"wizard-{name}.png")
    page.set_viewport_size({"width": 1200, "height": 900})


def case_id(page: Page) -> str:
    status = page.locator(".wb-status")
    expect(status).to_contain_text(re.compile("Gespeichert|Saved"))
    match = re.search(r"(?:Fall|case) (\S+), [Vv]ersion", status.inner_text())
    assert match, status.inner_text()
    return match.group(1)


def stored_result(data_dir: Path, cid: str) -> ElterngeldResult:
    """What the engine computes for the case as the wizard saved it."""
    stored = CaseStore(data_dir / "cases.sqlite").open(cid)
    return compute_elterngeld(load_case(stored.data))


def shown_totals(scope: Locator, attribute: str) -> dict[str, str]:
    cells = scope.locator(f"[{attribute}]")
    return {c.get_attribute(attribute) or "": c.inner_text().strip() for c in cells.all()}


def engine_totals(result: ElterngeldResult, language: str = "de") -> dict[str, str]:
    totals = {pid: format_money(p.total, language) for pid, p in result.parents.items()}
    return {**totals, "all": format_money(result.total, language)}


def expect_engine_totals(scope: Locator, data_dir: Path, cid: str, attribute: str,
                         timeout: float = 8.0, language: str = "de") -> ElterngeldResult:
    """The totals shown equal the engine's for the case as saved (drafts are saved after a pause)."""
    deadline = time.monotonic() + timeout
    while True:
        result = stored_result(data_dir, cid)
        shown, wanted = shown_totals(scope, attribute), engine_totals(result, language)
        if shown == wanted:
            return result
        if time.monotonic() > deadline:
            assert shown == wanted
        time.sleep(0.25)


def cell(page: Page, parent: str, month: int, language: str = "de") -> Locator:
    word = "Lebensmonat" if language == "de" else "month of life"
    return page.get_by_role("button", name=re.compile(rf"^{parent}, {word} {month},"))


def focused_text(page: Page) -> str:
    """The text of the element that has the keyboard focus."""
    return str(page.evaluate("() => document.activeElement?.textContent?.trim() ?? ''"))


def wait_saved_after(page: Page, action: Any) -> None:
    """Run ``action`` and wait until the wizard reports a newer saved version."""
    status = page.locator(".wb-status")
    before = status.inner_text() if status.count() else ""
    action()
    expect(status).not_to_have_text(before)

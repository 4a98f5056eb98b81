"""Helpers for the Kita, Pflege and Vorsorge wizards in the browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_start_page import AXE_JS, KERNEL_READY_MS, assert_no_new_serious, run_axe, screenshot
from tests.browser.wizard_helpers import case_id
from workbench.store import CaseStore


def open_topic(page: Page, voila_url: str, notebook: str, query: str = "") -> None:
    page.goto(f"{voila_url}/voila/render/{notebook}{query}", timeout=KERNEL_READY_MS * 2)
    expect(page.get_by_role("button", name=re.compile("^(Weiter|Next)$"))).to_be_visible(timeout=KERNEL_READY_MS)


def next_step(page: Page, step: int, total: int = 3, word: str = "Weiter") -> None:
    page.get_by_role("button", name=word, exact=True).click()
    progress = f"Schritt {step} von {total}" if word == "Weiter" else f"Step {step} of {total}"
    expect(page.locator(".wb-progress-text")).to_contain_text(progress, timeout=30_000)


def shot(page: Page, artifacts: Path, name: str) -> None:
    screenshot(page, artifacts / f"{name}.png")
    page.set_viewport_size({"width": 1200, "height": 900})


def axe(page: Page, artifacts: Path, name: str) -> None:
    if not AXE_JS.exists():
        pytest.skip("axe-core is not installed: run `npm install` (make test does)")
    assert_no_new_serious(run_axe(page, artifacts / f"axe-{name}.json"))


def saved_case(page: Page, data_dir: Path) -> dict[str, object]:
    """The case as the wizard saved it (the id from the page's save status)."""
    return dict(CaseStore(data_dir / "cases.sqlite").open(case_id(page)).data)

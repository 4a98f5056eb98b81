"""The tax panel of the comparison page in headless Chromium (issue 22 items 4–6, ADR 0029)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.test_vergleich import family, open_comparison, store_case


def test_the_comparison_shows_the_taxes_of_the_plans(page: Page, voila_url: str, data_dir: Path) -> None:
    cid = "VGL-STEUER-1"
    store_case(data_dir, family(cid))
    open_comparison(page, voila_url, cid)
    panel = page.locator(".wb-steuer-panel")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", name="Steuern der verglichenen Pläne (Schätzung)")).to_be_visible()
    expect(page.get_by_role("heading", name="Steuern rund um das Elterngeld")).to_be_visible()
    # the family's view (ADR 0042): amounts in euros, no paragraph, no change of tax class that came too late
    expect(panel.get_by_text("der Wechsel hätte bis 30.09.2025 beantragt sein müssen")).to_have_count(0)
    assert "§" not in panel.inner_text()
    # the advisor's view: the Steuerklassenwahl came too late for this born child, with the date
    open_comparison(page, voila_url, cid, "&ansicht=beratung")
    panel = page.locator(".wb-steuer-panel")
    expect(panel.get_by_text("der Wechsel hätte bis 30.09.2025 beantragt sein müssen")).to_be_visible()
    expect(page.get_by_role("heading", name="Steuern rund um das Elterngeld")).to_be_visible()

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


def test_the_switch_on_the_page_shows_the_advisors_view_and_back_with_the_same_plans(
        page: Page, voila_url: str, data_dir: Path, artifacts: Path) -> None:
    """ADR 0042: the family's view is the default; "Ansicht für die Beratung" (a quiet link-like button, reachable
    with the keyboard) shows the § tax panel for the same case and the same plans, "Ansicht für die Familie" goes back."""
    from tests.browser.test_start_page import screenshot

    cid = "VGL-STEUER-2"
    store_case(data_dir, family(cid))
    open_comparison(page, voila_url, cid)
    page.get_by_label("Plan im Fall", exact=True).uncheck()  # a choice of its own: the best split alone
    cards = page.locator(".wb-card h3")
    expect(cards).to_have_count(1)
    shown = cards.all_inner_texts()
    panel = page.locator(".wb-steuer-panel")
    late = "der Wechsel hätte bis 30.09.2025 beantragt sein müssen"
    expect(panel.get_by_text(late)).to_have_count(0)
    switch = page.get_by_role("button", name="Ansicht für die Beratung")
    switch.focus()  # with the keyboard: focus and Enter
    expect(switch).to_be_focused()
    page.keyboard.press("Enter")
    expect(panel.get_by_text(late)).to_be_visible()
    assert "§" in panel.inner_text()
    expect(page.locator(".wb-card h3")).to_have_count(1)
    assert page.locator(".wb-card h3").all_inner_texts() == shown
    expect(page.get_by_label("Plan im Fall", exact=True)).not_to_be_checked()
    screenshot(page, artifacts / "vergleich-ansicht-beratung.png")
    page.get_by_role("button", name="Ansicht für die Familie").click()
    expect(panel.get_by_text(late)).to_have_count(0)
    expect(page.get_by_role("button", name="Ansicht für die Beratung")).to_be_visible()
    assert "§" not in page.locator(".wb-steuer-panel").inner_text()
    assert page.locator(".wb-card h3").all_inner_texts() == shown
    screenshot(page, artifacts / "vergleich-ansicht-familie.png")

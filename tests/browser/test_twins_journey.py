"""Twins through the Elterngeld wizard and then the Leistungscheck, in headless Chromium (issue 16, ADR 0027).

"Zwillinge" in the Kind step writes two children of one birth; the Leistungscheck opened on the same case
then lists three children (the twins and their sister) and pays Kindergeld for each: 3 × 259 € in 2026.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.test_start_page import KERNEL_READY_MS
from tests.browser.wizard_helpers import case_id, expect_engine_totals, open_wizard, shot, weiter
from workbench.case import load_case
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.i18n import format_money
from workbench.store import CaseStore


def test_twins_walk_through_the_elterngeld_wizard_and_the_leistungscheck(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    open_wizard(page, voila_url)
    page.get_by_label("Vorname").fill("Aylin")
    page.get_by_role("button", name="Zweiten Elternteil hinzufügen").click()
    page.get_by_label("Vorname").nth(1).fill("Jonas")
    page.get_by_label("Die Eltern sind verheiratet").check()
    weiter(page, 2)
    page.get_by_label("Geburtstag oder errechneter Termin").fill("2026-03-10")
    page.get_by_label("Mehrlinge").select_option(label="Zwillinge")
    page.get_by_role("button", name="Geschwisterkind hinzufügen").click()
    page.get_by_label("Geburtsdatum des Geschwisterkinds").fill("2023-05-04")
    weiter(page, 3)
    page.get_by_label("Bruttolohn pro Monat vor der Geburt (€)").nth(0).fill("3.200")
    page.get_by_label("Bekommt nach der Geburt Mutterschaftsgeld").nth(0).check()
    page.get_by_label("Bruttolohn pro Monat vor der Geburt (€)").nth(1).fill("4.100")
    weiter(page, 4)
    weiter(page, 5)
    cid = case_id(page)
    data = CaseStore(data_dir / "cases.sqlite").open(cid).data
    assert [(c["id"], c.get("birth")) for c in data["household"]["children"]] == [
        ("K1", "K1"), ("G1", None), ("K1-2", "K1")]
    weiter(page, 6)
    result = expect_engine_totals(page.locator(".wb-totals"), data_dir, cid, "data-total")
    mother = result.parents["A"]
    # 12 weeks of Mutterschutz after twins (§ 3 Abs. 2 MuSchG): Lebensmonate 1–3; 300 € on every paid month
    assert [m.maternity for m in mother.months[:4]] == [True, True, True, False]
    assert all(m.mehrlingszuschlag == 300 for m in mother.months if not m.maternity)
    shot(page, artifacts, "zwillinge-ergebnis")

    page.goto(voila_url + f"/voila/render/leistungscheck.ipynb?case={cid}")
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=KERNEL_READY_MS)
    weiter(page, 2, of=4)
    expect(page.get_by_label("Geburtsdatum")).to_have_count(3)
    weiter(page, 3, of=4)
    page.get_by_label("Kaltmiete im Monat (€)").fill("780")
    page.get_by_label("Kalte Nebenkosten im Monat (€)").fill("170")
    page.get_by_label("Heizkosten im Monat (€)").fill("110")
    page.get_by_label("Wohnfläche (m²)").fill("88")
    weiter(page, 4, of=4)
    cards = page.locator(".wb-cards")
    expect(cards.locator("[data-benefit]")).to_have_count(6, timeout=30_000)
    check = leistungscheck(load_case(CaseStore(data_dir / "cases.sqlite").open(cid).data))
    kindergeld = check.results["kindergeld"]
    assert kindergeld.monthly == 777 and len(kindergeld.children) == 3  # 3 × 259 € (2026)
    expect(page.locator('[data-amount="kindergeld"]')).to_have_text(format_money(kindergeld.monthly, "de"))
    screenshot_path = artifacts / "leistungscheck-zwillinge.png"
    page.screenshot(path=str(screenshot_path), full_page=True)

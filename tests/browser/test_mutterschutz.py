"""The Mutterschutz wizard in headless Chromium with one invented family.

Aylin (employee, statutory member, 2,100 € net a month) expects her child on 15 June 2026; it
comes two weeks early on 1 June. Protection from 4 May to 10 August 2026 (the 14 lost days are
added after the birth, § 3 Abs. 2 Satz 3 MuSchG), 99 days: 1,287 € from the Krankenkasse and
5,643 € from the employer (benefits.md section 7). The Lebensmonate 1–3 go to the Elterngeld plan.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.test_elterngeld_wizard import axe_check
from tests.browser.wizard_helpers import case_id, open_unpooled, shot, weiter
from workbench.case import load_case
from workbench.store import CaseStore

PAGE = "/voila/render/mutterschutz.ipynb"


def test_aylin_two_weeks_early_gets_her_protection_period_and_mutterschaftsgeld(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    open_unpooled(page, voila_url, PAGE + "?today=2026-04-01")
    expect(page.get_by_role("heading", name="Mutterschutz und Mutterschaftsgeld")).to_be_visible()
    page.get_by_label("Vorname").fill("Aylin")
    page.get_by_role("button", name="Zweiten Elternteil hinzufügen").click()
    page.get_by_label("Vorname").nth(1).fill("Jonas")
    shot(page, artifacts, "ms-1-familie")
    weiter(page, 2, of=4)

    page.get_by_role("button", name="Weiter").click()  # no due date: the message sits at the field
    expect(page.get_by_role("alert").first).to_be_visible()
    page.get_by_label("Errechneter Termin").fill("2026-06-15")
    page.get_by_label("Tatsächlicher Geburtstag (falls geboren)").fill("2026-06-01")
    shot(page, artifacts, "ms-2-geburt")
    weiter(page, 3, of=4)

    page.get_by_label("Beschäftigung bei Beginn der Schutzfrist").select_option(label="Angestellt (sozialversicherungspflichtig)")
    expect(page.get_by_text("02/2026 bis 04/2026")).to_be_visible()
    for month in ("02/2026", "03/2026", "04/2026"):
        page.get_by_label(f"Nettoentgelt {month} (€)").fill("2.100")
    shot(page, artifacts, "ms-3-beschaeftigung")
    weiter(page, 4, of=4)

    expect(page.locator("[data-ms=start]")).to_have_text("04.05.2026")
    expect(page.locator("[data-ms=end]")).to_have_text("10.08.2026")
    expect(page.locator("[data-ms=days]")).to_have_text("99")
    money = page.locator(".wb-ms-money")
    expect(money).to_contain_text("1.287,00 €")
    expect(money).to_contain_text("5.643,00 €")
    expect(money.get_by_role("row", name="Zusammen")).to_contain_text("6.930,00 €")
    expect(page.get_by_role("img", name="Zeitleiste")).to_be_visible()
    expect(page.get_by_text("Lebensmonate 1–3 mit Mutterschaftsleistungen")).to_be_visible()
    shot(page, artifacts, "ms-4-ergebnis")
    axe_check(page, artifacts, "ms-ergebnis")

    # the hand-over is saved by the autosave about a second after the result appears: a fourth version at
    # least (three steps and the result; on a busy machine an autosave of typed fields can add one before)
    expect(page.get_by_text(re.compile(r"Gespeichert: Fall .*, Version ([4-9]|\d\d)\b"))).to_be_visible(timeout=30_000)
    stored = load_case(CaseStore(data_dir / "cases.sqlite").open(case_id(page)).data)
    assert stored.mutterschutz is not None and str(stored.mutterschutz.due_date) == "2026-06-15"
    assert stored.household.parents[0].maternity_benefit and stored.household.children[0].weeks_early == 2

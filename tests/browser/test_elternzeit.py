"""The Elternzeit wizard in headless Chromium with one invented family.

Maria and Tobias, daughter born 10 March 2026, seen on 20 April 2026 (``?today=``):
- Maria (Mutterschaftsgeld, protection until 5 May 2026) from 6 May 2026 to 9 March 2027: notice by 18 March 2026, given on 12 March;
- Tobias part-time (20 h) from 1 June to 31 July 2026: notice by 13 April 2026 – already past;
- Tobias again from the 3rd birthday, 10 March 2029, to 31 August 2029: 13 weeks, by 9 December 2028,
  protection against dismissal at the earliest from 2 December 2028 (14 weeks).
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.test_elterngeld_wizard import axe_check
from tests.browser.wizard_helpers import case_id, open_unpooled, shot, weiter
from workbench.store import CaseStore

PAGE = "/voila/render/elternzeit.ipynb"
PERIODS = [("Maria", "2026-05-06", "2027-03-09", "", "2026-03-12"), ("Tobias", "2026-06-01", "2026-07-31", "20", ""),
           ("Tobias", "2029-03-10", "2029-08-31", "", "")]


def test_maria_and_tobias_plan_three_periods_and_see_the_missed_deadline(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    open_unpooled(page, voila_url, PAGE + "?today=2026-04-20")
    page.get_by_label("Vorname").fill("Maria")
    page.get_by_role("button", name="Zweiten Elternteil hinzufügen").click()
    page.get_by_label("Vorname").nth(1).fill("Tobias")
    weiter(page, 2, of=4)
    page.get_by_label("Geburtstag oder errechneter Termin").fill("2026-03-10")
    page.get_by_label("Wer bringt das Kind zur Welt und bekommt danach Mutterschaftsgeld?").select_option(label="Maria")
    shot(page, artifacts, "ez-2-kind")
    weiter(page, 3, of=4)
    expect(page.get_by_text("3. Geburtstag: 10.03.2029")).to_be_visible()

    for index, (name, start, end, hours, requested) in enumerate(PERIODS):
        page.get_by_role("button", name="Zeitraum hinzufügen").click()
        page.get_by_label("Elternteil").nth(index).select_option(label=name)
        page.get_by_label("Erster Tag").nth(index).fill(start)
        page.get_by_label("Letzter Tag").nth(index).fill(end)
        if hours:
            page.get_by_label("Teilzeit in der Elternzeit (Std./Woche, leer: keine)").nth(index).fill(hours)
        if requested:
            page.get_by_label("Schriftlich verlangt am (falls schon)").nth(index).fill(requested)
    shot(page, artifacts, "ez-3-zeitraeume")
    weiter(page, 4, of=4)

    rows = page.locator(".wb-ez-periods tr[data-period]")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("18.03.2026")
    expect(rows.nth(1)).to_contain_text("13.04.2026")
    expect(rows.nth(1)).to_contain_text("06.04.2026")
    expect(rows.nth(2)).to_contain_text("09.12.2028")
    expect(rows.nth(2)).to_contain_text("02.12.2028")
    warning = page.locator(".wb-ez-warnung")
    expect(warning).to_have_count(1)  # Maria gave notice in time, Tobias did not
    expect(warning).to_contain_text("Tobias: Anmeldefrist am 13.04.2026 verstrichen")
    timeline = page.get_by_role("img", name="Zeitleiste")
    expect(timeline).to_be_visible()
    expect(timeline).to_contain_text("Mutterschutz Maria")  # her protection ends 5 May, the leave starts 6 May
    expect(page.locator(".wb-ez-hinweis")).to_have_count(0)
    shot(page, artifacts, "ez-4-ergebnis")
    axe_check(page, artifacts, "ez-ergebnis")

    stored = CaseStore(data_dir / "cases.sqlite").open(case_id(page)).data
    assert [p["start"] for p in stored["elternzeit"]["periods"]] == [p[1] for p in PERIODS]
    assert stored["elternzeit"]["periods"][1]["hours_per_week"] == 20

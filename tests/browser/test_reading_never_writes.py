"""Lesen schreibt nie, in the browser: two tabs open a stored case, one switches to English; the store stays as it was.

Before the fix each of these pages saved a new version a second after it was shown, and the Kita
page made the (complete) Elterngeld case a draft. Here the browser's own widget messages count too:
anything the page sent back while drawing its fields would be saved after the autosave pause.
"""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.browser.test_start_page import KERNEL_READY_MS
from tests.browser.test_vergleich import family, store_case
from workbench.ui.kit.saving import AUTOSAVE_DELAY_S

PAUSE_MS = int(AUTOSAVE_DELAY_S * 1000) + 1500  # longer than the autosave waits after a reported change


def test_two_tabs_viewing_a_case_and_switching_language_write_nothing(
        browser: Browser, voila_url: str, data_dir: Path) -> None:
    cid = "VGL-LESEN-1"
    store = store_case(data_dir, family(cid))
    before = [(s.version, s.saved_at, s.complete) for s in store.history(cid)]
    context = browser.new_context(locale="de-DE")
    try:
        elterngeld, kita = context.new_page(), context.new_page()
        for tab, page in ((elterngeld, "elterngeld"), (kita, "kita")):
            tab.goto(f"{voila_url}/voila/render/{page}.ipynb?case={cid}", timeout=KERNEL_READY_MS)
        for tab in (elterngeld, kita):
            expect(tab.get_by_role("button", name="Weiter")).to_be_visible(timeout=KERNEL_READY_MS)
        expect(elterngeld.get_by_label("Vorname").first).to_have_value("Lena")
        elterngeld.get_by_role("button", name="English").click()
        expect(elterngeld.get_by_role("button", name="Next")).to_be_visible()
        elterngeld.wait_for_timeout(PAUSE_MS)

        assert [(s.version, s.saved_at, s.complete) for s in store.history(cid)] == before
        latest = store.export_history(cid)["versions"][-1]
        assert latest["complete"] and store.export_json(cid) == latest["data"]  # export gives the latest

        name = elterngeld.get_by_label("First name").first
        name.fill("Lena Marie")
        name.press("Tab")  # the field sends its value when left; the autosave follows
        deadline = time.monotonic() + 30
        while len(store.history(cid)) == len(before) and time.monotonic() < deadline:
            time.sleep(0.2)
        elterngeld.wait_for_timeout(PAUSE_MS)
        after = store.history(cid)
        assert len(after) == len(before) + 1 and after[0].complete
        assert store.open(cid).data["language"] == "en"  # the switch went along with the real change
    finally:
        context.close()

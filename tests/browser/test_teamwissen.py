"""Issue 20's done-when for the Teamwissen, in headless Chromium: an entry an advisor adds on the start page in one
tab is found by a search from another tab, and shown beside the matching step of the Elterngeld wizard
("Das Team weiß dazu: …"), keyboard usable and without serious axe findings."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_start_page import AXE_JS, KERNEL_READY_MS, START, assert_no_new_serious, run_axe, screenshot
from tests.browser.wizard_helpers import WIZARD
from tests.deploy.servers import start
from tests.shared import BLANKS
from workbench.store import CaseStore

TWINS = Path(__file__).resolve().parents[1] / "cases" / "familien" / "zwillinge.json"
QUESTION = "Zählt Krankengeld im Bemessungszeitraum?"
ANSWER = ("Monate mit Krankengeld wegen einer schwangerschaftsbedingten Erkrankung werden übersprungen "
          "(§ 2b Abs. 1 Satz 2 Nr. 3 BEEG).")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the twins' case, left at the income step of the Elterngeld wizard (step 3)."""
    folder = tmp_path_factory.mktemp("teamwissen-data")
    store = CaseStore(folder / "cases.sqlite")
    store.save(json.loads(TWINS.read_text(encoding="utf-8")), expected_version=None)
    store.remember_step("FAM-ZWILLINGE", "ui.eg.title", 2, 5)
    return folder


@pytest.fixture(scope="module")
def voila_url(data_dir: Path) -> Iterator[str]:
    """The repository's Voilà on a port of 20000–29999 with this module's store."""
    port = random.randint(20000, 29999)
    server = start(["-m", "voila", "notebooks/", "--no-browser", f"--port={port}", "--VoilaExecutor.timeout=300"],
                   ready="/voila/static/voila.js", name="voila-teamwissen", port=port, timeout=60,
                   env={"WORKBENCH_DATA": str(data_dir), "WORKBENCH_ADVISOR": "beraterin-1",
                        "WORKBENCH_FORMS_DIR": os.environ.get("WORKBENCH_FORMS_DIR", str(BLANKS))})
    try:
        yield server.url
    finally:
        server.stop()


def _open_start(page: Page, voila_url: str) -> None:
    page.goto(voila_url + START)
    expect(page.get_by_role("button", name="Neuen Eintrag anlegen")).to_be_visible(timeout=KERNEL_READY_MS)


def test_an_entry_added_in_one_tab_is_found_from_another_and_shown_beside_its_step(
        browser: Browser, voila_url: str, artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="de-DE")
    context.set_default_navigation_timeout(120_000)
    writer, reader = context.new_page(), context.new_page()
    _open_start(reader, voila_url)  # the second tab is open before the entry exists
    _open_start(writer, voila_url)

    writer.get_by_role("button", name="Neuen Eintrag anlegen").click()
    writer.get_by_label("Frage", exact=True).fill(QUESTION)
    writer.get_by_label("Antwort", exact=True).fill(ANSWER)
    writer.get_by_label("Quelle", exact=True).fill("§ 2b Abs. 1 BEEG")
    writer.locator(".wb-team-form").get_by_label("Thema").select_option(label="Elterngeld")
    writer.get_by_label("Schritt", exact=True).select_option(label="Einkommen vor der Geburt")
    writer.get_by_label("Recherchiert am").fill("02.11.2026")
    screenshot(writer, artifacts / "teamwissen-form.png")
    writer.locator(".wb-team-save").click()
    expect(writer.locator(".wb-teamwissen")).to_contain_text("Eintrag 1 gespeichert (Version 1).")
    expect(writer.locator(".wb-team-card")).to_contain_text(QUESTION)

    # the other tab: words typed and Enter (the field sends on Enter), found without reloading the page
    words = reader.get_by_label("Suche im Teamwissen")
    words.fill("krankengeld bemessungszeitraum")
    words.press("Enter")
    expect(reader.locator(".wb-teamwissen")).to_contain_text("1 Eintrag gefunden.")
    card = reader.locator(".wb-team-card")
    expect(card).to_contain_text(ANSWER)
    expect(card).to_contain_text("recherchiert am 02.11.2026 von beraterin-1 · Version 1")
    screenshot(reader, artifacts / "teamwissen-start-found.png")
    if AXE_JS.exists():
        assert_no_new_serious(run_axe(reader, artifacts / "axe-teamwissen-start.json"))

    # the same tab opens the twins' case: it reopens at "Einkommen vor der Geburt", the entry beside it
    reader.goto(voila_url + WIZARD + "?case=FAM-ZWILLINGE")
    expect(reader.get_by_role("button", name="Weiter")).to_be_visible(timeout=KERNEL_READY_MS)
    expect(reader.locator(".wb-progress-text")).to_contain_text("Schritt 3 von 6")
    hint = reader.locator(".wb-team")
    expect(hint).to_contain_text("Das Team weiß dazu:")
    expect(hint).to_contain_text(QUESTION)
    summary = hint.locator("summary", has_text=QUESTION)
    summary.focus()
    reader.keyboard.press("Enter")  # the keyboard opens the answer
    expect(hint.get_by_text(ANSWER)).to_be_visible()
    screenshot(reader, artifacts / "teamwissen-wizard-step.png")
    if AXE_JS.exists():
        assert_no_new_serious(run_axe(reader, artifacts / "axe-teamwissen-wizard.json"))
    reader.set_viewport_size({"width": 1200, "height": 900})
    reader.get_by_role("button", name="Weiter").click()  # the next step is not the entry's: no box there
    expect(reader.locator(".wb-progress-text")).to_contain_text("Schritt 4 von 6", timeout=30_000)
    expect(reader.locator(".wb-team")).to_have_count(0)
    context.close()

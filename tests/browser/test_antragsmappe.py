"""The twins' Antragsmappe in headless Chromium (issue 20, ADR 0037): the family from the Elterngeld wizard gets
its folder, an advisor ticks documents with the keyboard, produces the cover letter for the Elterngeldstelle,
confirms "Weitergeleitet", and the start page's Fristen list changes accordingly.

The server's day is the real one, so the expected list is computed from the store with the same function the
start page uses (:func:`workbench.evaluation.fristen.office_fristen`) and compared with what the page shows.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.care_helpers import axe
from tests.browser.test_start_page import KERNEL_READY_MS, open_start_page
from tests.browser.wizard_helpers import case_id, open_wizard, shot, weiter
from workbench.clock import today
from workbench.evaluation.fristen import office_fristen, words
from workbench.store import CaseStore

MAPPE = "/voila/render/antragsmappe.ipynb"


def _twins_from_the_wizard(page: Page, voila_url: str) -> str:
    open_wizard(page, voila_url)
    page.get_by_label("Vorname").fill("Aylin")
    page.get_by_role("button", name="Zweiten Elternteil hinzufügen").click()
    page.get_by_label("Vorname").nth(1).fill("Jonas")
    page.get_by_label("Die Eltern sind verheiratet").check()
    weiter(page, 2)
    page.get_by_label("Geburtstag oder errechneter Termin").fill("2026-03-10")
    page.get_by_label("Mehrlinge").select_option(label="Zwillinge")
    weiter(page, 3)
    page.get_by_label("Bruttolohn pro Monat vor der Geburt (€)").nth(0).fill("3.200")
    page.get_by_label("Bekommt nach der Geburt Mutterschaftsgeld").nth(0).check()
    page.get_by_label("Bruttolohn pro Monat vor der Geburt (€)").nth(1).fill("4.100")
    weiter(page, 4)
    weiter(page, 5)
    return case_id(page)


def _expected(data_dir: Path) -> list[str]:
    """What the start page should list now: "when: what" of every item, as the page words it."""
    found = office_fristen(CaseStore(data_dir / "cases.sqlite"), today(), 7)
    return [": ".join(words(f, "de")) for f in found.items]


def _shown(page: Page) -> list[str]:
    items = page.locator(".wb-fristen li")
    return [re.sub(r"\s*·.*$", "", items.nth(i).inner_text().split("\n")[0]) for i in range(items.count())]


def test_the_twins_folder_from_ticks_to_forwarded_changes_the_start_pages_fristen(
        page: Page, voila_url: str, artifacts: Path, data_dir: Path) -> None:
    cid = _twins_from_the_wizard(page, voila_url)

    open_start_page(page, voila_url)  # the case list leads to the folder (no folder yet: no Fristen)
    expect(page.locator(".wb-fristen")).to_contain_text("Noch kein Fall mit Antragsmappe")
    page.locator(f'tr[data-case="{cid}"]').get_by_role("link", name="Antragsmappe von Aylin & Jonas öffnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Antragsmappe", timeout=2 * KERNEL_READY_MS)
    mother = page.locator(".wb-application").filter(has=page.get_by_role("heading", name="Elterngeld – Aylin"))
    expect(mother).to_contain_text("Elterngeldstelle der Stadt Bochum")
    expect(mother).to_contain_text("Status: vorbereitet")
    shot(page, artifacts, "antragsmappe-offen")
    axe(page, artifacts, "antragsmappe")

    # ticks with the keyboard: Tab to the box, Space ticks it; each tick is saved
    opened = CaseStore(data_dir / "cases.sqlite").open(cid).version  # opening wrote nothing (ADR 0016)
    form = mother.get_by_label("Antrag auf Elterngeld (NRW, je Elternteil oder gemeinsam)")
    form.focus()
    page.keyboard.press("Space")
    expect(form).to_be_checked()
    expect(page.locator(".wb-status")).to_contain_text(f"Version {opened + 1}")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    certificate = mother.get_by_label("Geburtsbescheinigung für Elterngeld (Standesamt)")
    expect(certificate).to_be_checked()
    expect(page.locator(".wb-status")).to_contain_text(f"Version {opened + 2}")
    stored = CaseStore(data_dir / "cases.sqlite").open(cid).data
    assert stored["format"] == "workbench-case/4"
    assert stored["antragsmappe"]["applications"][0]["documents"] == ["elterngeld_antrag", "geburtsbescheinigung"]

    before = _expected(data_dir)
    open_start_page(page, voila_url)
    expect(page.locator(".wb-fristen")).to_be_visible()
    assert _shown(page) == before
    link = page.locator(f'.wb-fristen a[href="antragsmappe.ipynb?case={cid}"]')
    assert link.count() == len(before)
    shot(page, artifacts, "antragsmappe-start-vorher")

    page.goto(f"{voila_url}{MAPPE}?case={cid}", wait_until="commit", timeout=2 * KERNEL_READY_MS)
    mother = page.locator(".wb-application").filter(has=page.get_by_role("heading", name="Elterngeld – Aylin"))
    letter = mother.get_by_role("button", name="Begleitschreiben erstellen")
    letter.focus()
    page.keyboard.press("Enter")
    download_link = mother.get_by_role("link", name=re.compile("Begleitschreiben herunterladen"))
    expect(download_link).to_be_visible()
    with page.expect_download() as caught:
        download_link.click()
    pdf = artifacts / "antragsmappe-begleitschreiben.pdf"
    caught.value.save_as(pdf)
    body = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert "Elterngeldstelle der Stadt Bochum" in body and "Weiterleitung eines Antrags auf Elterngeld" in body
    assert "Geburtsbescheinigung für Elterngeld" in body and "Einkommensnachweise" not in body  # only what is ticked
    shot(page, artifacts, "antragsmappe-begleitschreiben")

    mother.get_by_role("button", name="Weitergeleitet").click()
    expect(mother).to_contain_text(f"Status: weitergeleitet am {today():%d.%m.%Y}")
    expect(mother.get_by_role("button", name="Bescheid eintragen")).to_be_visible()
    record = CaseStore(data_dir / "cases.sqlite").open(cid).data["antragsmappe"]["applications"][0]
    assert record["forwarded_on"] == today().isoformat()
    shot(page, artifacts, "antragsmappe-weitergeleitet")

    after = _expected(data_dir)
    assert not [line for line in after if line.endswith("Elterngeld – Aylin")]  # forwarded: made, off the list
    open_start_page(page, voila_url)
    expect(page.locator(".wb-fristen")).to_be_visible()
    assert _shown(page) == after
    assert [line for line in before if line not in after] == [
        line for line in before if "Elterngeld – Aylin" in line]
    shot(page, artifacts, "antragsmappe-start-nachher")


def test_the_folders_way_back_reads_as_links(page: Page, voila_url: str, artifacts: Path, data_dir: Path) -> None:
    """walk10: "Zur Startseite mit den gespeicherten Fällen · Zum Fall" stood in the body's black without underline –
    nothing told a new advisor they could click it (the other pages' links are blue and underlined)."""
    import json

    data = json.loads((Path(__file__).resolve().parents[1] / "cases" / "familien" / "zwillinge.json").read_text())
    data["case_id"] = "mappe-links"
    CaseStore(data_dir / "cases.sqlite").save(data, expected_version=None)
    page.goto(f"{voila_url}{MAPPE}?case=mappe-links", timeout=2 * KERNEL_READY_MS)
    back = page.locator(".wb-back a").first
    expect(back).to_be_visible(timeout=2 * KERNEL_READY_MS)
    style = back.evaluate("a => [getComputedStyle(a).color, getComputedStyle(a).textDecorationLine]")
    assert style == ["rgb(11, 87, 208)", "underline"], style
    shot(page, artifacts, "antragsmappe-links")

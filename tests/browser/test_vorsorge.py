"""The Vorsorge wizard in Chromium with one invented person.

Helga Brandt (71, Bochum-Wattenscheid) wants a Vorsorgevollmacht for her two children and a
Patientenverfügung, the signature certified by the Betreuungsbehörde; she has already talked to
her daughter.
"""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.care_helpers import axe, next_step, open_topic, saved_case, shot


def test_helga_ticks_the_checklist_and_gets_the_family_summary_as_pdf(
        page: Page, voila_url: str, artifacts: Path, data_dir: Path) -> None:
    open_topic(page, voila_url, "vorsorge.ipynb")
    page.get_by_label("Vorname der Person, die vorsorgt").fill("Helga")
    page.get_by_label("Betreuungsverfügung").uncheck()
    page.get_by_label("Zahl der Vertrauenspersonen").select_option("2")
    page.get_by_label("Unterschrift bei der Betreuungsbehörde Bochum beglaubigen lassen").check()
    shot(page, artifacts, "vorsorge-1-dokumente")
    next_step(page, 2)
    expect(page.get_by_text("Keine Rechtsberatung.", exact=False)).to_be_visible()
    page.get_by_label("Vorsorgevollmacht: Bevollmächtigt werden können", exact=False).check()
    page.get_by_label("Vorsorgevollmacht: Eine Vertrauensperson darf handeln", exact=False).check()
    shot(page, artifacts, "vorsorge-2-checkliste")
    next_step(page, 3)
    expect(page.get_by_text("2 von 11 Punkten erledigt.")).to_be_visible()
    expect(page.get_by_text("Beglaubigung 10,00 €, Registrierung 15,50 €, zusammen 25,50 €", exact=False)).to_be_visible()
    expect(page.get_by_text("Keine Rechtsberatung:", exact=False)).to_be_visible()
    shot(page, artifacts, "vorsorge-3-zusammenfassung")
    axe(page, artifacts, "vorsorge-zusammenfassung")

    link = page.get_by_role("link", name="Zusammenfassung für die Familie als PDF herunterladen")
    href = link.get_attribute("href") or ""
    pdf = artifacts / "vorsorge-zusammenfassung.pdf"
    pdf.write_bytes(base64.b64decode(href.split(",", 1)[1]))
    assert pdf.read_bytes()[:4] == b"%PDF"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(artifacts / "vorsorge-pdf")], check=True)
    stored = saved_case(page, data_dir)
    assert stored["vorsorge"]["done"] == ["v_zweck", "v_wer"]  # type: ignore[index]
    assert stored["vorsorge"]["documents"] == ["vollmacht", "patientenverfuegung"]  # type: ignore[index]

"""The Pflege wizard in Chromium with one invented family.

Aylin Demir (Bochum) cares for her mother Gül, Pflegegrad 3; a Pflegedienst is to take 40 % of
the Sachleistung. Aylin works 39 hours at a firm of 120 and thinks of 20 hours (net 2,400 € → 1,500 €).
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.care_helpers import axe, next_step, open_topic, saved_case, shot


def test_aylin_compares_pflegegeld_sachleistung_and_combination_and_her_time_off(
        page: Page, voila_url: str, artifacts: Path, data_dir: Path) -> None:
    open_topic(page, voila_url, "pflege.ipynb")
    expect(page.get_by_text("Schritt 1 von 3")).to_be_visible()
    page.get_by_label("Vorname der pflegebedürftigen Person").fill("Gül")
    page.get_by_label("Pflegegrad", exact=True).select_option(label="Pflegegrad 3")
    share = page.get_by_label("Anteil Pflegedienst in der Kombination (%)")
    share.fill("140")
    page.get_by_role("button", name="Weiter").click()
    expect(page.get_by_role("alert")).to_contain_text("Bitte eine ganze Zahl von 0 bis 100 eingeben.")
    expect(share).to_have_value("140")
    shot(page, artifacts, "pflege-1-fehler")
    share.fill("40")
    next_step(page, 2)

    page.get_by_label("Vorname der Pflegeperson").fill("Aylin")
    page.get_by_label("Beschäftigte beim Arbeitgeber").fill("120")
    page.get_by_label("Wochenstunden heute").fill("39")
    page.get_by_label("Wochenstunden in der Familienpflegezeit").fill("20")
    page.get_by_label("Nettoentgelt im Monat heute (€)").fill("2.400")
    page.get_by_label("Nettoentgelt im Monat mit weniger Stunden (€)").fill("1.500")
    page.get_by_label("Gewünschter Beginn der Freistellung").fill("2027-03-01")
    shot(page, artifacts, "pflege-2-pflegeperson")
    next_step(page, 3)

    options = page.get_by_role("table").first
    expect(options.get_by_role("row", name="Nur Pflegegeld")).to_contain_text("599,00 €")
    expect(options.get_by_role("row", name="Nur Pflegegeld")).to_contain_text("7.188,00 €")
    expect(options.get_by_role("row", name="Nur Sachleistung")).to_contain_text("1.497,00 €")
    combination = options.get_by_role("row", name="Kombination: 40 % Pflegedienst")
    expect(combination).to_contain_text("359,40 €")
    expect(combination).to_contain_text("598,80 €")
    leave = page.get_by_role("table").nth(1)
    expect(leave.get_by_role("row", name="Kurzzeitige Arbeitsverhinderung")).to_contain_text("72,00 € je Tag")
    expect(leave.get_by_role("row", name="Familienpflegezeit")).to_contain_text("Darlehen 450,00 € im Monat")
    expect(page.get_by_text("Familienpflegezeit: schriftlich ankündigen spätestens am 04.01.2027")).to_be_visible()
    expect(page.get_by_text("Bitte prüfen: Tages-/Nachtpflege")).to_be_visible()
    expect(page.get_by_role("link", name="Ergebnis als PDF für die Familie herunterladen")).to_be_visible()
    shot(page, artifacts, "pflege-3-ergebnis")
    axe(page, artifacts, "pflege-ergebnis")
    stored = saved_case(page, data_dir)
    assert stored["household"]["children"] == []  # type: ignore[index]  # a care case without a child
    assert stored["care"]["recipient"]["pflegegrad"] == 3  # type: ignore[index]

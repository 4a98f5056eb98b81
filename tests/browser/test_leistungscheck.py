"""The Leistungscheck wizard in headless Chromium: a single parent with two children and rent in Bochum.

The cards must show UVG, KiZ, Wohngeld and BuT with the amounts the rules compute for the very
case the wizard saved, and the Kita-fee hint (§ 90 Abs. 4 SGB VIII).
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.test_start_page import AXE_JS, KERNEL_READY_MS, assert_no_new_serious, run_axe, screenshot
from tests.browser.wizard_helpers import case_id, weiter
from workbench.case import load_case
from workbench.i18n import format_money
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.store import CaseStore

WIZARD = "/voila/render/leistungscheck.ipynb"


def shot(page: Page, artifacts: Path, name: str) -> None:
    screenshot(page, artifacts / f"leistungscheck-{name}.png")
    page.set_viewport_size({"width": 1200, "height": 900})


def test_single_parent_with_two_children_sees_uvg_kiz_wohngeld_but_and_the_kita_hint(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    page.goto(voila_url + WIZARD)
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=KERNEL_READY_MS)
    expect(page.get_by_role("heading", name="Leistungscheck")).to_be_visible()
    page.get_by_label("Vorname").fill("Lena")
    page.get_by_label("Alleinerziehend").check()
    shot(page, artifacts, "1-familie")
    weiter(page, 2, of=4)

    page.get_by_role("button", name="Kind hinzufügen").click()
    births = page.get_by_label("Geburtsdatum")
    expect(births).to_have_count(2)
    births.nth(0).fill("2021-09-14")
    page.get_by_label("Kita, Schule oder Ausbildung").nth(0).select_option(label="Kita oder Tagespflege")
    page.get_by_label("Mittagessen in Kita/Schule im Monat (€, freiwillig)").nth(0).fill("45")
    births.nth(1).fill("2017-11-03")
    page.get_by_label("Kita, Schule oder Ausbildung").nth(1).select_option(label="Schule")
    page.get_by_label("Mittagessen in Kita/Schule im Monat (€, freiwillig)").nth(1).fill("60")
    expect(page.get_by_label("Unterhalt vom anderen Elternteil im Monat (€, leer: keiner)")).to_have_count(2)
    shot(page, artifacts, "2-kinder")
    weiter(page, 3, of=4)

    page.get_by_label("Arbeit jetzt").select_option(label="angestellt")
    page.get_by_label("Brutto im Monat (Schnitt der letzten 6 Monate, €)").fill("1.505")
    page.get_by_label("Netto im Monat laut Gehaltsabrechnung").fill("1.233")
    expect(page.get_by_label("Wohnort")).to_have_value("Bochum")
    page.get_by_label("Kaltmiete im Monat (€)").fill("520")
    page.get_by_label("Kalte Nebenkosten im Monat (€)").fill("130")
    page.get_by_label("Heizkosten im Monat (€)").fill("90")
    # a bad entry: the message sits at the field, nothing typed is lost
    page.get_by_label("Wohnfläche (m²)").fill("viel")
    page.get_by_role("button", name="Weiter").click()
    expect(page.get_by_role("alert")).to_contain_text("Bitte die Wohnfläche in m² eingeben")
    expect(page.get_by_label("Kaltmiete im Monat (€)")).to_have_value("520")
    page.get_by_label("Wohnfläche (m²)").fill("65")
    shot(page, artifacts, "3-einkommen")
    weiter(page, 4, of=4)

    cards = page.locator(".wb-cards")
    expect(cards.locator("[data-benefit]")).to_have_count(6, timeout=30_000)
    cid = case_id(page)
    check = leistungscheck(load_case(CaseStore(data_dir / "cases.sqlite").open(cid).data))
    for name in ("unterhaltsvorschuss", "kinderzuschlag", "wohngeld", "bildung_teilhabe"):
        result = check.results[name]
        assert result.eligible is True and result.monthly > 0, name
        expect(page.locator(f'[data-amount="{name}"]')).to_have_text(format_money(result.monthly, "de"))
    assert check.results["unterhaltsvorschuss"].monthly == 526  # 227 + 299 (2026)
    expect(page.locator('[data-hint="leistungen.hint.kita_free"]')).to_contain_text("Kita beitragsfrei")
    expect(page.locator('[data-benefit="kinderzuschlag"]')).to_contain_text("bitte prüfen")
    expect(page.locator('[data-benefit="unterhaltsvorschuss"]')).to_contain_text("Jugendamt der Stadt Bochum")
    shot(page, artifacts, "4-ergebnis")
    if AXE_JS.exists():
        assert_no_new_serious(run_axe(page, artifacts / "axe-leistungscheck-ergebnis.json"))

    page.get_by_role("button", name="Merkblatt erstellen").click()
    link = page.get_by_role("link", name="Merkblatt herunterladen (PDF)")
    expect(link).to_be_visible(timeout=60_000)
    assert re.match(r"data:application/pdf;base64,JVBER", link.get_attribute("href") or "")


def test_the_start_page_links_the_leistungscheck(page: Page, voila_url: str) -> None:
    page.goto(voila_url + "/voila/render/start.ipynb")
    link = page.get_by_role("link", name="Leistungscheck", exact=True)  # not a saved case "Fall … (Leistungscheck)"
    expect(link).to_be_visible(timeout=KERNEL_READY_MS)
    assert (link.get_attribute("href") or "").startswith("leistungscheck.ipynb")

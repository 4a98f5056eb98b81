"""A step-family in the Leistungscheck wizard in headless Chromium (issue 16, ADR 0032): Jana and Tobias are
married; Lina is Jana's daughter, Paul Tobias' son, and Mila lives with them in Vollzeitpflege.

The plain-words question "Wessen Kind?" and "Aufgenommen am" must be there, a day of taking in before the birth
must be refused at the field with the CLI's message (nothing typed is lost), and the saved case must hold
``parents``/``placement``: Kindergeld 3 × 259 € (2026) and the Obhutsprinzip hint for each child.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.test_start_page import KERNEL_READY_MS, screenshot
from tests.browser.wizard_helpers import case_id, weiter
from workbench.case import load_case
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.store import CaseStore

WIZARD = "/voila/render/leistungscheck.ipynb"


def test_step_children_and_a_foster_child_are_asked_in_plain_words_and_saved(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    page.goto(voila_url + WIZARD)
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=KERNEL_READY_MS)
    page.get_by_label("Vorname").fill("Jana")
    page.get_by_role("button", name="Zweiten Elternteil hinzufügen").click()
    page.get_by_label("Vorname").nth(1).fill("Tobias")
    page.get_by_label("Die Eltern sind verheiratet").check()
    weiter(page, 2, of=4)

    page.get_by_role("button", name="Kind hinzufügen").click()
    page.get_by_role("button", name="Kind hinzufügen").click()
    births = page.get_by_label("Geburtsdatum")
    expect(births).to_have_count(3)
    relation = page.get_by_label("Wessen Kind?")
    births.nth(0).fill("2021-02-10")
    relation.nth(0).select_option(label="nur Kind des 1. Elternteils (Stiefkind des 2.)")
    births.nth(1).fill("2018-06-01")
    relation.nth(1).select_option(label="nur Kind des 2. Elternteils (Stiefkind des 1.)")
    births.nth(2).fill("2024-11-03")
    relation.nth(2).select_option(label="Pflegekind (Vollzeitpflege)")
    taken_in = page.get_by_label("Aufgenommen am")
    expect(taken_in.nth(2)).to_be_visible()
    taken_in.nth(2).fill("2024-01-01")  # before the birth
    page.get_by_role("button", name="Weiter").click()
    expect(page.get_by_role("alert")).to_contain_text("der Tag der Aufnahme liegt vor der Geburt (2024-11-03)")
    expect(births.nth(2)).to_have_value("2024-11-03")
    taken_in.nth(2).fill("2025-05-04")
    screenshot(page, artifacts / "leistungscheck-stieffamilie-kinder.png")
    weiter(page, 3, of=4)
    page.get_by_label("Arbeit jetzt").nth(0).select_option(label="keine Arbeit")
    page.get_by_label("Arbeit jetzt").nth(1).select_option(label="angestellt")
    page.get_by_label("Brutto im Monat (Schnitt der letzten 6 Monate, €)").nth(1).fill("7.000")
    page.get_by_label("Kaltmiete im Monat (€)").fill("690")
    page.get_by_label("Kalte Nebenkosten im Monat (€)").fill("150")
    page.get_by_label("Heizkosten im Monat (€)").fill("95")
    page.get_by_label("Wohnfläche (m²)").fill("78")
    weiter(page, 4, of=4)

    cards = page.locator(".wb-cards")
    expect(cards.locator("[data-benefit]")).to_have_count(6, timeout=30_000)
    data = CaseStore(data_dir / "cases.sqlite").open(case_id(page)).data
    children = data["household"]["children"]
    assert [c.get("parents") for c in children] == [["A"], ["B"], []]
    assert children[2]["placement"] == {"kind": "foster_care", "date": "2025-05-04"}
    check = leistungscheck(load_case(data))
    assert check.results["kindergeld"].monthly == 3 * 259  # § 32 Abs. 1 Nr. 2, § 66 Abs. 1 EStG
    assert [h.key for h in check.hints].count("leistungen.hint.kg_bestimmen") == 3  # § 64 Abs. 2 Satz 2 EStG

"""The comparison page in headless Chromium: three own plans, "Beste Aufteilung finden", the handout, English.

The family (Lena and Tom, invented) is stored in the Voila server's case store before the page opens;
amounts on the page are compared with the engine's for the case as the page saved it.
"""

from __future__ import annotations

import copy
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pdfplumber
from playwright.sync_api import Locator, Page, expect

from tests.browser.test_start_page import AXE_JS, KERNEL_READY_MS, assert_no_new_serious, run_axe, screenshot
from workbench.case import load_case
from workbench.i18n import format_money
from workbench.evaluation.elterngeld.optimize import optimize
from workbench.store import CaseStore

FAMILY = Path(__file__).resolve().parents[1] / "cases" / "vergleich" / "familie-lena-tom.json"
TWINS = Path(__file__).resolve().parents[1] / "cases" / "haushalt" / "zwillinge.json"
PAGE = "/voila/render/vergleich.ipynb"


def family(case_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FAMILY.read_text(encoding="utf-8"))
    return {**data, "case_id": case_id}


def store_case(data_dir: Path, data: dict[str, Any]) -> CaseStore:
    store = CaseStore(data_dir / "cases.sqlite")
    store.save(copy.deepcopy(data), expected_version=None)
    return store


def money(shown: str) -> Decimal:
    """``38.186,52 €`` or ``€38,186.52`` → Decimal."""
    digits = shown.replace("€", "").replace("−", "-").strip()
    if "," in digits and digits.rfind(",") > digits.rfind("."):
        digits = digits.replace(".", "").replace(",", ".")
    return Decimal(digits.replace(",", ""))


def open_comparison(page: Page, voila_url: str, case_id: str, query: str = "") -> None:
    page.goto(f"{voila_url}{PAGE}?case={case_id}{query}", timeout=KERNEL_READY_MS)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Pläne vergleichen|Compare plans"),
                                                              timeout=KERNEL_READY_MS)
    expect(page.locator(".wb-compare")).to_be_visible(timeout=KERNEL_READY_MS)


def card(page: Page, name: str) -> Locator:
    return page.locator(".wb-card").filter(has=page.get_by_role("heading", name=name, exact=True))


def planner_cell(page: Page, parent: str, month: int) -> Locator:
    return page.locator(".wb-panel").get_by_role("button", name=re.compile(rf"^{parent}, Lebensmonat {month},"))


def build_own_plan(page: Page, start: str, clicks: list[tuple[str, int]], name: str) -> None:
    """Open ``start`` in the month planner, click the cells, save it as own plan ``name``."""
    card(page, start).get_by_role("button", name="Im Monatsplaner öffnen").click()
    expect(page.get_by_role("heading", name=f"Monatsplaner: {start}")).to_be_visible()
    expect(page.locator(".wb-panel .wb-focus-target")).to_be_focused()  # keyboard users land at the planner
    for parent, month in clicks:
        planner_cell(page, parent, month).click()
    page.get_by_label("Name des Plans").fill(name)
    page.get_by_role("button", name="Als eigenen Plan speichern").click()
    expect(page.locator(".wb-status")).to_contain_text(f"„{name}“ ist gespeichert")
    expect(card(page, name)).to_be_visible()


def household_totals(page: Page) -> dict[str, Decimal]:
    cells = page.locator("[data-household]")
    return {c.get_attribute("data-household") or "": money(c.inner_text()) for c in cells.all()}


def test_three_own_plans_the_best_split_with_a_wish_the_handout_and_english(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    cid = "VGL-B-1"
    store = store_case(data_dir, family(cid))
    open_comparison(page, voila_url, cid)
    expect(page.get_by_text("Familie Lena und Tom · Kind geboren am 13.05.2026 · Fall VGL-B-1")).to_be_visible()
    # the case's plan (ex-money-021's amounts: 20.862,22 € Elterngeld) and the optimizer's best
    expect(page.locator('[data-elterngeld="case"]')).to_have_text("20.862,22 €")
    expect(card(page, "Beste Aufteilung")).to_be_visible()

    build_own_plan(page, "Plan im Fall", [("Tom", 9)], "Tom ab Monat 9")
    build_own_plan(page, "Plan im Fall", [("Lena", 10)], "Lena mit Plus")
    page.get_by_label("Plan im Fall", exact=True).uncheck()
    expect(card(page, "Plan im Fall")).to_have_count(0)
    page.get_by_label("Beste Aufteilung (Optimierung)").uncheck()
    expect(page.locator(".wb-card")).to_have_count(2)
    build_own_plan(page, "Tom ab Monat 9", [("Tom", 1)], "Start zu zweit mit Tom")
    expect(page.locator(".wb-card")).to_have_count(3)
    stored = store.open(cid).data
    assert [p["name"] for p in stored["elterngeld_alternatives"]] == [
        "Tom ab Monat 9", "Lena mit Plus", "Start zu zweit mit Tom"]
    assert stored["elterngeld_alternatives"][0]["months"]["B"] == "--------B-BB++++"

    # a wish: Tom at least 3 months at home (every own plan meets it), then the search
    page.get_by_label("Tom: mindestens Monate zu Hause").select_option("3")
    page.get_by_role("button", name="Beste Aufteilung finden").click()
    expect(page.get_by_role("status").filter(has_text="besten Pläne mit diesen Wünschen")).to_be_visible(
        timeout=KERNEL_READY_MS)
    expect(page.locator(".wb-card")).to_have_count(4)
    case = load_case(store.open(cid).data)
    assert case.elterngeld_plan is not None and case.elterngeld_plan.constraints is not None
    assert case.elterngeld_plan.constraints.min_months == {"B": 3}
    best = optimize(case, "household_income", top=1).plans[0]  # the comparison ranks by the household's money
    expect(page.locator('[data-elterngeld="best:1"]')).to_have_text(format_money(best.total, "de"))
    totals = household_totals(page)
    assert set(totals) == {"best:1", "own:Tom ab Monat 9", "own:Lena mit Plus", "own:Start zu zweit mit Tom"}
    assert all(totals["best:1"] >= other for other in totals.values())
    expect(page.locator(".wb-compare thead th").first).to_contain_text("bester Plan")
    expect(page.locator(".wb-breaks-wishes")).to_have_count(0)
    sentence = card(page, "Lena mit Plus").locator(".wb-sentence")
    expect(sentence).to_contain_text("weniger als „Beste Aufteilung 1“, weil")
    screenshot(page, artifacts / "vergleich-de.png")
    if AXE_JS.exists():
        assert_no_new_serious(run_axe(page, artifacts / "axe-vergleich.json"))

    # the glossary explains on click (and on hover via the title)
    term = page.locator(".wb-term").filter(has_text="Partnerschaftsbonus")
    expect(term.locator("summary")).to_have_attribute("title", re.compile("24 bis 32 Stunden"))
    term.locator("summary").click()
    expect(term.get_by_text("2 bis 4 zusätzliche Monate ElterngeldPlus")).to_be_visible()

    # the handout of the plans shown
    page.get_by_role("button", name="Merkblatt erstellen (PDF)").click()
    link = page.get_by_role("link", name=re.compile("Merkblatt herunterladen"))
    with page.expect_download(timeout=KERNEL_READY_MS) as download:
        link.click()
    target = artifacts / "vergleich-merkblatt.pdf"
    download.value.save_as(target)
    with pdfplumber.open(target) as pdf:
        words = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert format_money(best.total, "de") in words and "Tom ab Monat 9" in words

    # English: labels, money and dates; the switch itself writes nothing (it goes with the next save)
    saved_versions = len(store.history(cid))
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare plans")
    expect(page.get_by_role("button", name="Find the best split")).to_be_visible()
    expect(page.get_by_text("Family Lena and Tom · child born on 13 May 2026 · case VGL-B-1")).to_be_visible()
    expect(page.locator('[data-elterngeld="best:1"]')).to_have_text(format_money(best.total, "en"))
    expect(page.get_by_role("row", name=re.compile("^Difference to the best plan"))).to_be_visible()
    expect(page.get_by_label("Tom: at least months at home")).to_have_value("3")
    expect(page.locator(".wb-status")).to_contain_text("Saved")  # the last save's message, in English
    assert len(store.history(cid)) == saved_versions
    screenshot(page, artifacts / "vergleich-en.png")


def test_the_wizards_result_links_to_the_comparison_and_looking_in_english_writes_nothing(
    page: Page, voila_url: str, data_dir: Path
) -> None:
    cid = "VGL-B-2"
    store = store_case(data_dir, family(cid))
    page.goto(f"{voila_url}/voila/render/elterngeld.ipynb?case={cid}", timeout=KERNEL_READY_MS)
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=KERNEL_READY_MS)
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("button", name="Next")).to_be_visible()
    expect(page.locator(".wb-progress-text")).to_contain_text("Step 1 of 6")
    expect(page.get_by_label("First name").first).to_have_value("Lena")
    for step in range(2, 7):
        page.get_by_role("button", name="Next").click()
        expect(page.locator(".wb-progress-text")).to_contain_text(f"Step {step} of 6")
    link = page.get_by_role("link", name="Compare plans and make the handout")
    expect(link).to_have_attribute("href", f"vergleich.ipynb?case={cid}")
    assert [s.version for s in store.history(cid)] == [1]  # nothing changed: Lesen schreibt nie


def test_without_a_case_the_page_says_where_to_start(page: Page, voila_url: str) -> None:
    page.goto(voila_url + PAGE, timeout=KERNEL_READY_MS)
    expect(page.get_by_role("alert")).to_contain_text("Kein Fall gewählt", timeout=KERNEL_READY_MS)
    expect(page.get_by_role("link", name="Zur Startseite")).to_have_attribute("href", "start.ipynb")


def test_the_start_page_links_the_comparison_of_each_saved_case(page: Page, voila_url: str, data_dir: Path) -> None:
    store_case(data_dir, family("VGL-B-3"))
    page.goto(voila_url + "/voila/render/start.ipynb", timeout=KERNEL_READY_MS)
    expect(page.get_by_label("Fall suchen")).to_be_visible(timeout=KERNEL_READY_MS)
    page.get_by_label("Fall suchen").fill("VGL-B-3")
    link = page.locator('a[href="vergleich.ipynb?case=VGL-B-3"]')
    expect(link).to_have_text("Vergleich")
    expect(link).to_have_attribute("aria-label", re.compile("^Vergleich der Pläne von .*Lena"))


def test_the_household_income_counts_work_pay_the_part_time_wish_shows_and_the_handout_names_the_chosen_plan(
    page: Page, voila_url: str, artifacts: Path, data_dir: Path
) -> None:
    """Issue 22: the twins family (Mira 3,400 €, Jonas 2,900 € gross; Jonas 25 hours in his Plus/Bonus months)."""
    from workbench.evaluation.elterngeld.haushalt import haushaltsgeld
    from workbench.evaluation.steuer.aus_haushalt import nach_steuern

    cid = "VGL-B-22"
    data = {**json.loads(TWINS.read_text(encoding="utf-8")), "case_id": cid}
    store = store_case(data_dir, data)
    open_comparison(page, voila_url, cid)
    case = load_case(store.open(cid).data)
    assert case.elterngeld_plan is not None
    own = haushaltsgeld(case, dict(case.elterngeld_plan.months))
    # household income of the family's plan: Elterngeld, Mutterschaftsgeld and top-up, full-time and part-time pay
    expect(page.locator('[data-household="case"]')).to_have_text(format_money(own.total, "de"))
    assert own.sum_of("arbeit") > 20 * 2000 and own.sum_of("mutterschaft") > 6000
    # the same plan after the estimated income tax (issue 22 item 5): the row and the figure of steuer.aus_haushalt
    after_tax = nach_steuern(case, own)
    expect(page.get_by_role("rowheader", name="Nach Steuern (geschätzt)")).to_be_visible()
    expect(page.locator('[data-after-tax="case"]')).to_have_text(format_money(after_tax, "de"))
    # the wishes: Mira full time from month 13, Jonas 25 hours in the Plus/Bonus months the search chooses
    expect(page.get_by_label("Mira: Vollzeit frühestens ab Lebensmonat")).to_have_value("13")
    expect(page.get_by_label("Jonas: Teilzeit in den Monaten mit ElterngeldPlus/Bonus – die Suche wählt die Monate")
           ).to_be_checked()
    expect(page.get_by_label("Jonas: Wochenstunden in Teilzeit")).to_have_value("25")
    page.get_by_role("button", name="Beste Aufteilung finden").click()
    expect(page.get_by_role("status").filter(has_text="besten Pläne mit diesen Wünschen")).to_be_visible(
        timeout=KERNEL_READY_MS)
    best = optimize(load_case(store.open(cid).data), "household_income", top=1).plans[0]
    expect(page.locator('[data-household="best:1"]')).to_have_text(format_money(best.household_income, "de"))
    # the family's plan says, from its months, that Jonas' Plus months with part-time bring less than full time
    expect(card(page, "Plan im Fall").locator(".wb-sentence")).to_contain_text(
        "bei Jonas in Lebensmonat 13–16 „ElterngeldPlus und Teilzeit“ statt „kein Elterngeld, Vollzeit“ steht")
    screenshot(page, artifacts / "vergleich-haushalt.png")

    page.get_by_role("button", name="Merkblatt erstellen (PDF)").click()
    link = page.get_by_role("link", name=re.compile("Merkblatt herunterladen"))
    with page.expect_download(timeout=KERNEL_READY_MS) as download:
        link.click()
    target = artifacts / "vergleich-haushalt-merkblatt.pdf"
    download.value.save_as(target)
    with pdfplumber.open(target) as pdf:
        first = pdf.pages[0].extract_text() or ""
    assert "Ihr gewählter Plan: „Ihr Plan“" in first  # the family's word, not the page's "Plan im Fall" (walk9 N3)
    flat = first.replace("\n", " ")
    assert "Jonas: kein Elterngeld, Vollzeit in LM 1–12, 17–32; ElterngeldPlus und Teilzeit in LM 13–16." in flat
    assert f"Geld des Haushalts in den Lebensmonaten 1–32: {format_money(own.total, 'de')}" in flat
    assert f"eine Schätzung): {format_money(after_tax, 'de')}." in flat

"""Time-to-interactive of the Elterngeld wizard in headless Chromium, and the planner's click time.

- TTI: ``page.goto`` until the "Weiter" button is visible (widgets drawn = kernel ready),
  each load in a new browser context. *Cold*: a fresh Voila server with no kernel pool
  (``--VoilaConfiguration.preheat_kernel=False``); *preheated*: the repository's voila.json
  (a pooled kernel for elterngeld.ipynb), loads spaced so the pool refills. Target < 1.5 s.
- Planner: a saved case is opened at the month planner; a click on a month until the
  household total on the page has changed. Target < 200 ms.

Writes ``docs/img/elterngeld-wizard.png`` (the planner) as the README screenshot.
Run: ``.venv/bin/python benchmarks/voila.py [--runs 5]`` (not part of ``make test``).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, expect, sync_playwright
from servers import CHROMIUM, ROOT, start_server, stop_server  # benchmarks/ is on sys.path when run as a script

VOILA = ["voila", "notebooks/", "--no-browser"]
WIZARD = "/voila/render/elterngeld.ipynb"
CASE = {"format": "workbench-case/1", "case_id": "BENCH-1", "language": "de",
        "household": {"married": True, "parents": [
            {"id": "A", "name": "Eva", "income_before_birth": {"kind": "employee", "gross_monthly": 3000}},
            {"id": "B", "name": "Jonas", "income_before_birth": {"kind": "employee", "gross_monthly": 4000, "tax_class": 3},
             "income_after_birth": [{"from_month": 13, "to_month": 14, "gross_monthly": 2000, "hours_per_week": 28}]}],
            "children": [{"id": "K1", "birth_date": "2026-06-15"}]},
        "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB", "B": "------------BB"}}}


def tti(browser: Browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    began = time.perf_counter()
    page.goto(url + WIZARD)
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=60_000)
    elapsed = time.perf_counter() - began
    context.close()
    return elapsed


def planner_clicks(browser: Browser, url: str, runs: int) -> list[float]:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(url + WIZARD + "?case=BENCH-1")
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=60_000)
    for step in range(2, 6):
        page.get_by_role("button", name="Weiter").click()
        expect(page.get_by_text(f"Schritt {step} von 6")).to_be_visible()
    expect(page.locator(".wb-planner [data-parent='all']")).to_be_visible()
    times = []
    for i in range(runs * 4):
        cell = page.get_by_role("button", name=f"Jonas, Lebensmonat {15 + i % 4},", exact=False)
        handle = cell.element_handle()
        before = handle.get_attribute("title")
        began = time.perf_counter()
        cell.click()
        # the cell shows kind and amount in its title; every click changes the kind
        page.wait_for_function("([el, old]) => el.getAttribute('title') !== old", arg=[handle, before],
                               polling="raf", timeout=10_000)
        times.append(time.perf_counter() - began)
    for month in range(15, 19):  # back to the case's plan for the screenshot
        cell = page.get_by_role("button", name=f"Jonas, Lebensmonat {month},", exact=False)
        while "kein Elterngeld" not in (cell.get_attribute("aria-label") or cell.inner_text()):
            cell.click()
            page.wait_for_timeout(150)
    (ROOT / "docs" / "img").mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.querySelector('#rendered_cells')?.scrollHeight ?? 900")
    page.set_viewport_size({"width": 1200, "height": int(height) + 40})
    page.locator(".wb-wizard").screenshot(path=str(ROOT / "docs" / "img" / "elterngeld-wizard.png"), scale="css")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from workbench.store import CaseStore

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        data = Path(tmp)
        CaseStore(data / "cases.sqlite").save(CASE, expected_version=None)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--headless"])
        cold = []
        for _ in range(args.runs):
            proc, url = start_server(VOILA + ["--VoilaConfiguration.preheat_kernel=False"], data)
            try:
                cold.append(tti(browser, url))
            finally:
                stop_server(proc)
        proc, url = start_server(VOILA, data)
        try:
            time.sleep(8)  # the pool's kernel starts and runs the notebook up to the request
            warm = []
            for _ in range(args.runs):
                warm.append(tti(browser, url))
                time.sleep(6)  # let the pool refill, as between two consultations
            clicks = planner_clicks(browser, url, args.runs)
        finally:
            stop_server(proc)
        browser.close()
    print(f"TTI cold server        median {statistics.median(cold):.2f} s  ({', '.join(f'{t:.2f}' for t in cold)})")
    print(f"TTI preheated kernel   median {statistics.median(warm):.2f} s  ({', '.join(f'{t:.2f}' for t in warm)})"
          f"  target < 1.5 s: {'OK' if statistics.median(warm) < 1.5 else 'MISSED'}")
    print(f"planner click→amounts  median {1000 * statistics.median(clicks):.0f} ms  (n={len(clicks)}, "
          f"max {1000 * max(clicks):.0f} ms)  target < 200 ms: {'OK' if statistics.median(clicks) < 0.2 else 'MISSED'}")


if __name__ == "__main__":
    main()

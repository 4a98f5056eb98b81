"""First load of every page and the time of "Weiter"/"Zurück", in headless Chromium against ``workbench serve``.

- **First load** (TTI) of each page the server serves: ``page.goto`` until a button of the page is
  visible (kernel ready, widgets drawn), each in a new browser context, with the repository's
  voila.json (every page preheated, pools from ``WorkbenchVoila.advisors``, issue 23). Loads are
  spaced so that the pool refills, as between two consultations; *cold* repeats them with the
  preheat switched off (``--VoilaConfiguration.preheat_kernel=False``). Target: < 1.2 s preheated.
- **Weiter/Zurück**: in the Elterngeld wizard with a saved case, a click until the progress names
  the next (previous) step. Target: < 300 ms median.
- **Planner**: a click on a month until the cell's amount has changed. Target: < 200 ms.

Writes ``docs/img/elterngeld-wizard.png`` (the planner) as the README screenshot.
Run: ``.venv/bin/python benchmarks/voila.py [--runs 5] [--cold]`` (not part of ``make test``); the load
average is printed beside the figures — on a shared machine they are inflated.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, expect, sync_playwright
from servers import AUTH_HEADERS, CHROMIUM, ROOT, start_server, stop_server  # benchmarks/ is on sys.path as a script

# one client (the token in every request) opens every page in turn: rate limit and advisor share (ADR 0033) are off
SERVE = ["workbench.serve", "notebooks/", "--WorkbenchVoila.page_burst=0", "--WorkbenchVoila.pages_per_advisor=0"]
WIZARD = "/voila/render/elterngeld.ipynb"
CASE = {"format": "workbench-case/1", "case_id": "BENCH-1", "language": "de",
        "household": {"married": True, "parents": [
            {"id": "A", "name": "Eva", "income_before_birth": {"kind": "employee", "gross_monthly": 3000}},
            {"id": "B", "name": "Jonas", "income_before_birth": {"kind": "employee", "gross_monthly": 4000, "tax_class": 3},
             "income_after_birth": [{"from_month": 13, "to_month": 14, "gross_monthly": 2000, "hours_per_week": 28}]}],
            "children": [{"id": "K1", "birth_date": "2026-06-15"}]},
        "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB", "B": "------------BB"}}}
QUERY = {"vergleich.ipynb": "?case=BENCH-1", "formulare.ipynb": "?case=BENCH-1"}
"""Pages that show their buttons only for a case."""


def new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="de-DE",
                                  extra_http_headers=AUTH_HEADERS)
    return context.new_page()


def first_load(browser: Browser, url: str, notebook: str) -> float:
    page = new_page(browser)
    began = time.perf_counter()
    page.goto(f"{url}/voila/render/{notebook}{QUERY.get(notebook, '')}", timeout=120_000)
    expect(page.locator(".wb-page button:visible").first).to_be_visible(timeout=120_000)
    elapsed = time.perf_counter() - began
    page.context.close()
    return elapsed


def wait_for_pools(seconds: float) -> None:
    """Let the pools heat: the server starts a kernel per pool place at once and runs every notebook."""
    time.sleep(seconds)


def step_clicks(browser: Browser, url: str, runs: int) -> tuple[list[float], list[float]]:
    """Weiter 1→2→…→5 and Zurück 5→…→1, ``runs`` times: seconds from click until the progress moved."""
    page = new_page(browser)
    page.goto(url + WIZARD + "?case=BENCH-1", timeout=120_000)
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=120_000)
    progress = page.locator(".wb-progress-text")
    forward, back = [], []
    for _ in range(runs):
        for step in range(2, 6):
            began = time.perf_counter()
            page.get_by_role("button", name="Weiter").click()
            expect(progress).to_contain_text(f"Schritt {step} von 6", timeout=30_000)
            forward.append(time.perf_counter() - began)
        for step in range(4, 0, -1):
            began = time.perf_counter()
            page.get_by_role("button", name="Zurück").click()
            expect(progress).to_contain_text(f"Schritt {step} von 6", timeout=30_000)
            back.append(time.perf_counter() - began)
    page.context.close()
    return forward, back


def planner_clicks(browser: Browser, url: str, runs: int) -> list[float]:
    page = new_page(browser)
    page.goto(url + WIZARD + "?case=BENCH-1", timeout=120_000)
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=120_000)
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
    page.context.close()
    return times


def _ms(values: list[float]) -> str:
    return f"median {1000 * statistics.median(values):.0f} ms (n={len(values)}, max {1000 * max(values):.0f} ms)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="loads per page, click rounds")
    parser.add_argument("--cold", action="store_true", help="also load every page without preheat")
    parser.add_argument("--heat", type=float, default=60.0, help="seconds to let the pools heat after the start")
    args = parser.parse_args()
    from workbench.store import CaseStore

    # the pages workbench.serve serves (workbench.serve.pools.served_notebooks; this file's name hides the voila package)
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb") if not p.name.startswith("."))
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        data = Path(tmp)
        CaseStore(data / "cases.sqlite").save(CASE, expected_version=None)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--headless"])
        warm: dict[str, list[float]] = {}
        cold: dict[str, list[float]] = {}
        proc, url = start_server(SERVE, data)
        try:
            wait_for_pools(args.heat)
            for _ in range(args.runs):
                for notebook in notebooks:
                    warm.setdefault(notebook, []).append(first_load(browser, url, notebook))
                time.sleep(8)  # the pools refill, as between two consultations
            forward, back = step_clicks(browser, url, args.runs)
            clicks = planner_clicks(browser, url, args.runs)
        finally:
            stop_server(proc)
        if args.cold:
            proc, url = start_server([*SERVE, "--VoilaConfiguration.preheat_kernel=False"], data)
            try:
                for notebook in notebooks:
                    cold[notebook] = [first_load(browser, url, notebook)]
            finally:
                stop_server(proc)
        browser.close()
    print(f"load average before {load_before:.1f}, after {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print("first load (TTI), preheated" + (" / cold" if cold else "") + ":")
    for notebook in notebooks:
        line = f"  {notebook:<20} median {statistics.median(warm[notebook]):.2f} s"
        line += f"  ({', '.join(f'{t:.2f}' for t in warm[notebook])})"
        if cold:
            line += f"   cold {cold[notebook][0]:.2f} s"
        print(line)
    every = [t for times in warm.values() for t in times]
    print(f"  all pages            median {statistics.median(every):.2f} s  target < 1.2 s: "
          f"{'OK' if statistics.median(every) < 1.2 else 'MISSED'}")
    print(f"Weiter  click→next step      {_ms(forward)}  target < 300 ms: "
          f"{'OK' if statistics.median(forward) < 0.3 else 'MISSED'}")
    print(f"Zurück  click→previous step  {_ms(back)}")
    print(f"planner click→amounts        {_ms(clicks)}  target < 200 ms: "
          f"{'OK' if statistics.median(clicks) < 0.2 else 'MISSED'}")


if __name__ == "__main__":
    main()

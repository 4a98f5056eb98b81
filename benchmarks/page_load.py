"""One page in one browser: the first load of a page in a browser, and the same page opened again (issue 23).

``voila.py`` opens every page in a new browser context: the browser's first page of the day, with every
JavaScript file fetched and compiled anew. An advisor's browser has opened the workbench before; this
measures both in one Chromium: the login (the start page), then per round the Elterngeld wizard in a
new context (*first*: its JavaScript cached only from the start page) and again 8 s later in the same
context (*again*: files and compiled code cached), each until "Weiter" is visible, ``--rounds`` times,
pauses long enough for the pool to refill. Run alone on a quiet machine:
``.venv/bin/python benchmarks/page_load.py [--rounds 4] [--heat 40]`` (not part of ``make test``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from playwright.async_api import async_playwright
from servers import CHROMIUM, TOKEN, start_server, stop_server  # benchmarks/ is on sys.path as a script

WIZARD = "/voila/render/elterngeld.ipynb"


async def measure(rounds: int, heat: float) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"first": [], "again": []}
    with tempfile.TemporaryDirectory() as data:
        proc, url = start_server(["workbench.serve", "notebooks/"], Path(data))
        try:
            await asyncio.sleep(heat)  # the pools heat
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=CHROMIUM)
                for _ in range(rounds):
                    context = await browser.new_context()
                    page = await context.new_page()
                    await page.goto(f"{url}/?token={TOKEN}")  # the login link: the start page
                    await page.wait_for_timeout(1000)
                    for kind in ("first", "again"):
                        await asyncio.sleep(8)  # the pool refills
                        began = time.perf_counter()
                        await page.goto(url + WIZARD, wait_until="commit")
                        await page.get_by_role("button", name="Weiter").first.wait_for(state="visible", timeout=60_000)
                        times[kind].append(time.perf_counter() - began)
                    await context.close()
                await browser.close()
        finally:
            stop_server(proc)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--heat", type=float, default=40.0, help="seconds for the pools to heat after the start")
    args = parser.parse_args()
    before = os.getloadavg()[0]
    times = asyncio.run(measure(args.rounds, args.heat))
    print(f"load average before {before:.1f}, after {os.getloadavg()[0]:.1f}")
    for kind, values in times.items():
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(f"{kind}: median {statistics.median(values):.2f} s ({shown}); target < 1.2 s")


if __name__ == "__main__":
    main()

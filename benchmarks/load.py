"""Load: N advisors at once on one workbench server — sessions held, memory per session, time to interactive.

For each N (default 1, 5, 10, 20) a fresh ``workbench serve notebooks/`` (what ``make run``
starts, the repository's voila.json: every page preheated, session limits) is started on a free
loopback port with an empty case store. One headless Chromium opens N browser contexts, all at
the same moment or spread evenly over ``--spread`` seconds (the issue's "20 wizards opened within
one minute"); each is an advisor of its own (it logs in through the link with the token, as a
browser does, then by cookie: the per-advisor share of ADR 0033 applies), opens the Elterngeld
wizard and goes through Familie → Kind → Einkommen → Arbeit → Monatsplaner, which saves the case
(every "Weiter" saves).

- **TTI**: ``goto`` until "Weiter" is visible (kernel started, notebook run, widgets drawn).
- **saved**: ``goto`` until the planner step reports "Gespeichert … Version" (4 steps later).
- **held**: sessions that became interactive *and* saved (the store is checked too).
- **Weiter**: each click until the progress names the next step (median over all sessions).
  The click comes ``--think`` seconds (0.5) after the last field was typed, as a person moves to
  the button; ``--think 0`` clicks at once and so waits for held-back field updates (ADR 0014).
- **CPU**: CPU seconds of the server with its kernels, of the browser (Chromium here, on the
  same two cores; in an office it runs on the advisors' machines), and of everything else on the
  machine (other users), from the start of the level until all pages are usable and saved.
- **kernels after close**: the pages are closed as a tab is (with the page's goodbye); 10 s later
  the kernels still running, beside the pools' size (issue 23: closed pages kept their kernels).
- **memory**, taken while all N pages are still open: RSS and USS of every kernel process
  under the server (N session kernels plus the preheat pools; USS: memory no other
  process shares), RSS of the server, PSS sum of server and kernels (the machine's real
  share) and its growth per session against the first level.

Bounded: loopback only, N ≤ 40, every level aborted after ``--level-timeout`` seconds (300).
The server logs go to ``test-artifacts/load-N.log``.
Run: ``.venv/bin/python benchmarks/load.py [--levels 1,5,10,20]`` (not part of ``make test``;
it loads the machine for several minutes — run it once, not in a loop).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import psutil
from playwright.async_api import Browser, async_playwright, expect
from protocol_client import ProtocolPage  # benchmarks/ is on sys.path when run as a script
from servers import CHROMIUM, ROOT, TOKEN, start_server, stop_server

WIZARD = "/voila/render/elterngeld.ipynb"
MAX_LEVEL = 40
MIB = 1024 * 1024


@dataclass
class Session:
    tti: float | None = None
    saved: float | None = None
    steps: list[float] = field(default_factory=list)
    error: str = ""


@dataclass
class Level:
    n: int
    sessions: list[Session] = field(default_factory=list)
    stored: int = 0
    kernel_rss: list[float] = field(default_factory=list)
    kernel_uss: list[float] = field(default_factory=list)
    server_rss: float = 0.0
    total_pss: float = 0.0
    wall: float = 0.0
    note: str = ""
    kernels_after: int = -1
    pools: int = 0
    spread: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)


async def one_session(browser: Browser, url: str, i: int, session: Session, delay: float, think: float) -> None:
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1200, "height": 900}, locale="de-DE")
    try:
        page = await context.new_page()
        began = time.perf_counter()
        await page.goto(url + WIZARD + f"?token={TOKEN}", timeout=300_000)  # the link: login, then the cookie
        weiter = page.get_by_role("button", name="Weiter")
        # a cell that fails (e.g. Voilà's executor timeout) or the session limit's 503 page end the session early
        failed = (page.get_by_text("There was an error when executing cell").or_(page.get_by_text("timed out"))
                  .or_(page.get_by_text("ausgelastet")))
        await expect(weiter.or_(failed).first).to_be_visible(timeout=300_000)
        if not await weiter.is_visible():
            raise RuntimeError("page shows: " + (await failed.first.inner_text())[:80])
        session.tti = time.perf_counter() - began
        await page.get_by_label("Vorname").fill(f"Lastprobe{i}")
        steps = ((2, None), (3, ("Geburtstag oder errechneter Termin", "15.06.2026")),
                 (4, ("Bruttolohn pro Monat vor der Geburt (€)", f"{2500 + 10 * i}")), (5, None))
        for step, fill in steps:
            if fill:
                await page.get_by_label(fill[0]).fill(fill[1])
            if think > 0:
                await asyncio.sleep(think)
            clicked = time.perf_counter()
            await page.get_by_role("button", name="Weiter").click()
            await expect(page.locator(".wb-progress-text")).to_contain_text(f"Schritt {step} von 6", timeout=300_000)
            session.steps.append(time.perf_counter() - clicked)
        await expect(page.locator(".wb-status")).to_contain_text(re.compile(r"Gespeichert.*Version"), timeout=300_000)
        session.saved = time.perf_counter() - began
        await hold.wait()  # keep the page (and its kernel) open until memory is measured
        await page.close(run_before_unload=True)  # as a tab is closed: the page says goodbye
    except Exception as exc:  # noqa: BLE001 - a failed session is a result, not a crash
        session.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}"
    finally:
        await context.close()


async def one_protocol_session(url: str, i: int, session: Session, delay: float, think: float) -> None:
    """The same walk as :func:`one_session` without a browser (``--client protocol``, benchmarks/protocol_client.py):
    TTI is the server's part, until the page's filled widget state has arrived."""
    await asyncio.sleep(delay)
    page = ProtocolPage(url)
    try:
        began = time.perf_counter()
        await page.open(WIZARD + f"?token={TOKEN}")
        session.tti = time.perf_counter() - began
        await page.type(page.find("TextModel", description="Vorname"), f"Lastprobe{i}")
        steps = ((2, None), (3, ("Geburtstag oder errechneter Termin", "15.06.2026")),
                 (4, ("Bruttolohn pro Monat vor der Geburt (€)", f"{2500 + 10 * i}")), (5, None))
        for step, fill in steps:
            if fill:
                await page.wait_for(lambda name=fill[0]: _has_field(page, name), 300)
                await page.type(page.find("TextModel", description=fill[0]), fill[1])
            if think > 0:
                await asyncio.sleep(think)
            clicked = time.perf_counter()
            await page.click(page.find("ButtonModel", description="Weiter"))
            await page.wait_for(lambda step=step: page.shows(f"Schritt {step} von 6"), 300)
            session.steps.append(time.perf_counter() - clicked)
        await page.wait_for(lambda: page.shows(r"Gespeichert.*Version"), 300)
        session.saved = time.perf_counter() - began
        await hold.wait()
    except Exception as exc:  # noqa: BLE001 - a failed session is a result, not a crash
        session.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''}"
    finally:
        await page.close()


def _has_field(page: ProtocolPage, description: str) -> bool:
    try:
        page.find("TextModel", description=description)
    except LookupError:
        return False
    return True


hold: asyncio.Event


def kernel_count(proc: subprocess.Popen[bytes]) -> int:
    count = 0
    for child in psutil.Process(proc.pid).children(recursive=True):
        with suppress(psutil.NoSuchProcess):
            count += "ipykernel" in " ".join(child.cmdline())
    return count


def pool_total(options: Sequence[str] = ()) -> int:
    """Kernels the server keeps heated (workbench.serve.pools for voila.json's advisors; the name voila.py
    in this folder hides the voila package, so the rule is read here from voila.json and the pools module's file)."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("pools", ROOT / "workbench" / "serve" / "pools.py")
    assert spec is not None and spec.loader is not None
    pools = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pools)
    advisors = json.loads((ROOT / "voila.json").read_text())["WorkbenchVoila"]["advisors"]
    for option in options:  # --WorkbenchVoila.advisors=N given to the server
        if option.startswith("--WorkbenchVoila.advisors="):
            advisors = int(option.split("=", 1)[1])
    config = pools.pool_sizes(advisors, pools.served_notebooks(ROOT / "notebooks"))
    return sum(entry["pool_size"] for name, entry in config.items() if name != "default")


def measure(proc: subprocess.Popen[bytes], level: Level) -> None:
    server = psutil.Process(proc.pid)
    level.server_rss = server.memory_info().rss / MIB
    pss = server.memory_full_info().pss
    for child in server.children(recursive=True):
        with suppress(psutil.NoSuchProcess):
            if "ipykernel" not in " ".join(child.cmdline()):
                continue
            info = child.memory_full_info()
            level.kernel_rss.append(info.rss / MIB)
            level.kernel_uss.append(info.uss / MIB)
            pss += info.pss
    level.total_pss = pss / MIB


def cpu_seconds(proc: subprocess.Popen[bytes]) -> dict[str, float]:
    """CPU seconds so far of the server with its kernels (``voila``: the server's own process, without its
    kernels), of this script's other children (the browser), and of the whole machine."""
    def tree(root: psutil.Process) -> list[psutil.Process]:
        with suppress(psutil.NoSuchProcess):
            return [root, *root.children(recursive=True)]
        return []

    def busy(times: object) -> float:
        return sum(getattr(times, name, 0.0) for name in ("user", "system", "nice", "irq", "softirq", "steal"))

    server_pids = {p.pid for p in tree(psutil.Process(proc.pid))}
    totals = {"server": 0.0, "browser": 0.0, "voila": 0.0}
    for process in tree(psutil.Process())[1:]:
        with suppress(psutil.NoSuchProcess):
            times = process.cpu_times()
            totals["server" if process.pid in server_pids else "browser"] += times.user + times.system
            if process.pid == proc.pid:
                totals["voila"] += times.user + times.system
    totals["machine"] = busy(psutil.cpu_times())
    return totals


async def _run_sessions(level: Level, proc: subprocess.Popen[bytes], timeout: float,
                        start: Callable[[int, Session, float], Awaitable[None]]) -> None:
    """Start the level's sessions (spread over ``level.spread`` s), wait until all are saved or failed, measure."""
    global hold
    hold = asyncio.Event()
    n = level.n
    cpu_before = cpu_seconds(proc)
    began = time.perf_counter()
    tasks = [asyncio.create_task(start(i, s, level.spread * i / n)) for i, s in enumerate(level.sessions)]
    deadline = began + timeout
    while time.perf_counter() < deadline and not all(s.saved is not None or s.error for s in level.sessions):
        await asyncio.sleep(0.5)
    level.wall = time.perf_counter() - began
    if time.perf_counter() >= deadline:
        level.note = f"aborted after {timeout:.0f} s"
    cpu_after = cpu_seconds(proc)
    level.cpu = {key: cpu_after[key] - cpu_before[key] for key in cpu_after}
    level.cpu["others"] = max(0.0, level.cpu["machine"] - level.cpu["server"] - level.cpu["browser"])
    measure(proc, level)
    hold.set()
    if level.note:  # aborted: stop the sessions still waiting
        for task in tasks:
            task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def run_level(n: int, timeout: float, heat: float, spread: float = 0.0, think: float = 0.5,
                    client: str = "chromium", options: Sequence[str] = ()) -> Level:
    from workbench.store import CaseStore

    level = Level(n, [Session() for _ in range(n)], spread=spread)
    with tempfile.TemporaryDirectory() as tmp:
        log = ROOT / "test-artifacts" / f"load-{n}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("wb") as out:  # the server keeps its own handle
            # all sessions come from this one machine: the per-client rate limit (issue 25) is off here,
            # the benchmark measures how many pages the server holds, not how fast one client may open them
            proc, url = start_server(["workbench.serve", "notebooks/", "--WorkbenchVoila.page_burst=0", *options],
                                     Path(tmp), out)
        try:
            level.pools = pool_total(options)
            await asyncio.sleep(heat)  # the pools' kernels start and run their notebooks up to the request
            if client == "protocol":
                await _run_sessions(level, proc, timeout, lambda i, s, delay: one_protocol_session(url, i, s, delay, think))
            else:
                async with async_playwright() as p:
                    browser = await p.chromium.launch(executable_path=CHROMIUM,
                                                      args=["--no-sandbox", "--disable-gpu", "--headless",
                                                            "--disable-dev-shm-usage"])
                    await _run_sessions(level, proc, timeout,
                                        lambda i, s, delay: one_session(browser, url, i, s, delay, think))
                    await browser.close()
            await asyncio.sleep(10)  # the goodbyes arrive; pools taken from refill
            level.kernels_after = kernel_count(proc)
            level.stored = len(CaseStore(Path(tmp) / "cases.sqlite").list(limit=1000))
        finally:
            stop_server(proc)
    logged = log.read_text(errors="replace")
    cell_errors = logged.count("Error at server while executing cell")
    if cell_errors:
        level.note = "; ".join(filter(None, [level.note, f"{cell_errors} cell errors in the server log"]))
    return level


def _s(values: list[float], fn: object) -> str:
    return f"{fn(values):.1f}" if values else "–"  # type: ignore[operator]


def table(levels: list[Level]) -> str:
    lines = ["| sessions | opened over s | held (interactive + saved) | in store | TTI median s | TTI max s "
             "| saved median s | Weiter median ms | kernels | kernels after close (pools) "
             "| USS/kernel MiB (median) | total PSS MiB | PSS per added session MiB "
             "| CPU s server (Voilà process) / browser / others | note |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    first = levels[0]
    for lv in levels:
        added = f"{(lv.total_pss - first.total_pss) / (lv.n - first.n):.0f}" if lv.n > first.n else "–"
        tti = [s.tti for s in lv.sessions if s.tti is not None]
        saved = [s.saved for s in lv.sessions if s.saved is not None]
        steps = [1000 * t for s in lv.sessions for t in s.steps]
        held = sum(1 for s in lv.sessions if s.tti is not None and s.saved is not None)
        errors = sorted({s.error for s in lv.sessions if s.error})
        note = "; ".join(filter(None, [lv.note, *errors]))[:160]
        cpu = (f"{lv.cpu.get('server', 0.0):.0f} ({lv.cpu.get('voila', 0.0):.0f}) / "
               f"{lv.cpu.get('browser', 0.0):.0f} / {lv.cpu.get('others', 0.0):.0f}")
        lines.append(f"| {lv.n} | {lv.spread:.0f} | {held}/{lv.n} | {lv.stored} | {_s(tti, statistics.median)} "
                     f"| {_s(tti, max)} | {_s(saved, statistics.median)} | {_s(steps, statistics.median)} "
                     f"| {len(lv.kernel_rss)} | {lv.kernels_after} ({lv.pools}) "
                     f"| {_s(lv.kernel_uss, statistics.median)} | {lv.total_pss:.0f} | {added} | {cpu} | {note} |")
    return "\n".join(lines)


def steps_table(levels: list[Level]) -> str:
    """Each "Weiter" of the wizard on its own (median ms): the step shown first builds its widgets then."""
    names = ["Familie → Kind", "Kind → Einkommen", "Einkommen → Arbeit", "Arbeit → Monatsplaner"]
    lines = ["| sessions | opened over s | " + " | ".join(names) + " |", "|---:|---:|" + "---:|" * len(names)]
    for lv in levels:
        cells = []
        for k in range(len(names)):
            values = [1000 * s.steps[k] for s in lv.sessions if len(s.steps) > k]
            cells.append(_s(values, statistics.median))
        lines.append(f"| {lv.n} | {lv.spread:.0f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def parse_levels(text: str) -> list[tuple[int, float]]:
    """``1,5,10,20,20@60``: N sessions at once, or N opened evenly within S seconds (``N@S``)."""
    levels = []
    for item in text.split(","):
        count, _, spread = item.strip().partition("@")
        levels.append((int(count), float(spread or 0)))
    return levels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,5,10,20,20@60",
                        help="comma-separated session counts (each ≤ 40); N@S opens N pages evenly within S seconds")
    parser.add_argument("--level-timeout", type=float, default=300.0, help="abort a level after this many seconds")
    parser.add_argument("--heat", type=float, default=60.0, help="seconds for the pools to heat after the start")
    parser.add_argument("--client", choices=["chromium", "protocol"], default="chromium",
                        help="chromium: N headless browsers on this machine; protocol: the pages' requests and kernel "
                             "messages without a browser (the server's capacity; benchmarks/protocol_client.py)")
    parser.add_argument("--server-option", action="append", default=[], metavar="--Class.trait=VALUE",
                        help="passed to workbench.serve, e.g. --server-option=--WorkbenchVoila.advisors=20 "
                             "(an office of 20: its pools) or --server-option=--WorkbenchVoila.max_sessions=30")
    parser.add_argument("--think", type=float, default=0.5,
                        help="seconds between typing into the last field and clicking Weiter (0: at once)")
    args = parser.parse_args()
    levels = parse_levels(args.levels)
    if any(n < 1 or n > MAX_LEVEL for n, _ in levels):
        raise SystemExit(f"load.py: session counts must lie between 1 and {MAX_LEVEL}")
    load_before = os.getloadavg()
    results = []
    for n, spread in levels:
        results.append(asyncio.run(run_level(n, args.level_timeout, args.heat, spread, args.think, args.client,
                                         args.server_option)))
        print(f"level {n}@{spread:.0f}: done in {results[-1].wall:.0f} s, load average {os.getloadavg()[0]:.1f}",
              file=sys.stderr, flush=True)
        print(table(results[-1:]).splitlines()[-1], file=sys.stderr, flush=True)  # as it goes: a run may be cut short
    memory = psutil.virtual_memory()
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
          f"{memory.total / 1024**3:.0f} GiB, load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f}; "
          f"think {args.think} s; client {args.client}; server options {' '.join(args.server_option) or '–'}")
    print()
    print(table(results))
    print()
    print(steps_table(results))


if __name__ == "__main__":
    main()

"""What one waiting page costs: memory and start-up CPU of every preheated kernel of ``workbench serve``.

Starts ``workbench serve notebooks/`` (the repository's ``voila.json``: every page preheated, pools
from ``advisors``) with an empty case store, waits ``--heat`` seconds for the pools to run their
notebooks, and prints per kernel its USS (memory no other process shares), PSS (its share of the
machine) and the CPU seconds it used to start, import and build its page; then the median, the
largest and the sums. No browser: this is the server's cost of a page before anybody opens it,
which is also what a page opened beyond the pools costs before the browser draws it.

Run: ``.venv/bin/python benchmarks/kernels.py [--heat 90]`` (about two minutes; not in ``make bench``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from contextlib import suppress
from pathlib import Path

import psutil
from servers import start_server, stop_server  # benchmarks/ is on sys.path when run as a script

MIB = 1024 * 1024


def kernel_costs(server_pid: int) -> list[tuple[float, float, float]]:
    """(USS MiB, PSS MiB, CPU s) of every kernel process under the server, smallest first."""
    rows = []
    for child in psutil.Process(server_pid).children(recursive=True):
        with suppress(psutil.NoSuchProcess):
            if "ipykernel" not in " ".join(child.cmdline()):
                continue
            info, cpu = child.memory_full_info(), child.cpu_times()
            rows.append((info.uss / MIB, info.pss / MIB, cpu.user + cpu.system))
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heat", type=float, default=90.0, help="seconds for the pools to heat after the start")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        proc, _ = start_server(["workbench.serve", "notebooks/"], Path(tmp))
        try:
            time.sleep(args.heat)
            rows = kernel_costs(proc.pid)
        finally:
            stop_server(proc)
    if not rows:
        raise SystemExit("kernels.py: no kernel was running after the heat time")
    print(f"load average before {load_before:.1f}, after {os.getloadavg()[0]:.1f}; {len(rows)} preheated kernels")
    print("| USS MiB | PSS MiB | CPU s |")
    print("|---:|---:|---:|")
    for uss, pss, cpu in rows:
        print(f"| {uss:.1f} | {pss:.1f} | {cpu:.2f} |")
    uss, pss, cpu = zip(*rows)
    print(f"median USS {statistics.median(uss):.1f} MiB (largest {max(uss):.1f}), PSS of all kernels "
          f"{sum(pss):.0f} MiB, median CPU to start and build a page {statistics.median(cpu):.2f} s "
          f"(all kernels {sum(cpu):.1f} s)")


if __name__ == "__main__":
    main()

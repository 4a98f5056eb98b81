"""Timing for the benchmarks: one core, CPU and wall-clock seconds per repetition.

Standard library only: the GETTSIM runners import it in their own venv (benchmarks/.venv-gettsim)
as well as the workbench's benchmarks.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable


def pin_to_one_core() -> str:
    """Run on one core, so that the figure does not depend on how many the machine has."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (os.sched_setaffinity not available)"


def cpu_and_wall(fn: Callable[[], object], repetitions: int) -> tuple[list[float], list[float]]:
    """``repetitions`` calls of ``fn`` (after the caller's warm-up): CPU seconds of this process (all its
    threads) and wall-clock seconds, per call.

    The CPU time (``time.process_time``) is the headline: on a shared machine the wall
    clock also counts the time other processes hold the core, which is not ours.
    """
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(repetitions):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return cpu, wall

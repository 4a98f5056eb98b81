"""The kernel reaper of ``workbench serve`` (ADR 0031): which kernels it frees, which pools it refills.

A fake kernel manager with the attributes the reaper reads (jupyter_server's connection count
and ``last_activity``, Voilà's pools); the browser test (tests/browser/test_kernel_lifecycle.py)
runs it against the real server.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Any

from workbench.serve.lifecycle import KernelReaper
from workbench.serve.limits import KernelState, orphans

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)


class _Kernel:
    def __init__(self, quiet_s: float) -> None:
        self.last_activity = NOW - timedelta(seconds=quiet_s)


class _Done:
    """A finished pool task of Voilà (its result names the kernel)."""

    def __init__(self, kernel_id: str) -> None:
        self.kernel_id = kernel_id

    def done(self) -> bool:
        return True

    def cancelled(self) -> bool:
        return False

    def exception(self) -> None:
        return None

    def result(self) -> dict[str, str]:
        return {"kernel_id": self.kernel_id}


class FakeManager:
    def __init__(self, kernels: dict[str, tuple[int, float]], pools: dict[str, list[str]],
                 sizes: dict[str, int]) -> None:
        self.kernels = {kid: _Kernel(quiet) for kid, (_, quiet) in kernels.items()}
        self._kernel_connections = {kid: conns for kid, (conns, _) in kernels.items()}
        self._pools: dict[str, list[Any]] = {nb: [_Done(k) for k in ids] for nb, ids in pools.items()}
        self.kernel_pools_config = {"default": {"pool_size": 0}, **{nb: {"pool_size": n} for nb, n in sizes.items()}}
        self.shut: list[str] = []
        self.filled: list[str] = []

    def list_kernel_ids(self) -> list[str]:
        return list(self.kernels)

    def get_kernel(self, kernel_id: str) -> _Kernel:
        return self.kernels[kernel_id]

    async def shutdown_kernel(self, kernel_id: str) -> None:
        self.shut.append(kernel_id)
        del self.kernels[kernel_id]

    def fill_if_needed(self, notebook_name: str) -> None:
        self.filled.append(notebook_name)



def _run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine in a thread of its own: in the main thread the browser tests' Playwright loop is still
    running for the session, and asyncio refuses to start a second loop there."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()

def _reaper(manager: FakeManager, clock: list[datetime]) -> KernelReaper:
    return KernelReaper(manager, grace_s=60, log=logging.getLogger("test"), clock=lambda: clock[0])


def test_a_page_kernel_without_connection_is_freed_after_the_grace_period_but_never_a_connected_or_pooled_one() -> None:
    manager = FakeManager({"closed": (0, 3600), "open-but-idle": (1, 3600), "pooled": (0, 3600), "closing": (0, 10)},
                          pools={"start.ipynb": ["pooled"]}, sizes={"start.ipynb": 1})
    clock = [NOW]
    reaper = _reaper(manager, clock)
    assert _run(reaper.sweep()) == []  # first seen now: every page gets its grace from here
    clock[0] = NOW + timedelta(seconds=61)
    assert _run(reaper.sweep()) == ["closed", "closing"]
    assert set(manager.kernels) == {"open-but-idle", "pooled"}


def test_a_kernel_just_handed_out_of_the_pool_gets_its_grace_although_it_was_heated_an_hour_ago() -> None:
    states = [KernelState("handed-out", 0, NOW - timedelta(hours=1), pooled=False)]
    assert orphans(states, NOW, 15) == ["handed-out"]  # by last activity alone it would go at once
    assert orphans(states, NOW, 15, first_seen={"handed-out": NOW - timedelta(seconds=2)}) == []
    assert orphans(states, NOW, 15, first_seen={"handed-out": NOW - timedelta(seconds=20)}) == ["handed-out"]


def test_a_pool_that_lost_a_kernel_is_refilled_and_a_full_one_is_left_alone() -> None:
    manager = FakeManager({"warm": (0, 5)}, pools={"start.ipynb": ["warm"], "kita.ipynb": []},
                          sizes={"start.ipynb": 1, "kita.ipynb": 1})
    _run(_reaper(manager, [NOW]).sweep())
    assert manager.filled == ["kita.ipynb"]

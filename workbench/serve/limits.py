"""How many pages may hold a kernel at once: the session limit of ``workbench serve``.

Every open workbench page holds one Python kernel (about 50 MiB, ADR 0033). A closed page's kernel is
shut down by the page's goodbye or, without one, by the reaper after a minute without
connection (:mod:`workbench.serve.lifecycle`, ADR 0031); jupyter_server has no limit on
kernels, so the server bounds them itself. Before a page starts a kernel:

1. Count the *sessions*: running kernels that are not waiting in Voilà's preheated pool.
2. Below ``max_sessions``: go on.
3. Otherwise shut down *orphans* – kernels with no open connection and no activity for
   ``grace`` seconds (:data:`GRACE_AT_LIMIT_S`: a closed tab whose goodbye was lost, a browser
   that went away), so the limit counts only pages that are really open; their case is saved
   as a draft anyway.
4. Still full: answer 503 with a page that says, in German and English, to close a window
   and retry. Nothing already open is touched.

:func:`orphans` is the pure choice; :func:`make_room` applies it to Voilà's kernel manager.
:class:`RateLimit` bounds how fast one client may start pages (issue 25). The render
handler that applies both: :mod:`workbench.serve.handler`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from workbench.serve.pages import busy_page

__all__ = ["KernelState", "RateLimit", "busy_page", "kernel_states", "make_room", "orphans", "pooled_ids", "sessions", "GRACE_AT_LIMIT_S"]


@dataclass(frozen=True)
class KernelState:
    """What the limit needs to know of one running kernel."""

    kernel_id: str
    connections: int
    last_activity: datetime
    pooled: bool


def orphans(kernels: Iterable[KernelState], now: datetime, grace_s: float,
            first_seen: Mapping[str, datetime] | None = None) -> list[str]:
    """Kernels of closed tabs, oldest first: not pooled, no connection, quiet for ``grace_s``.

    Quiet means no activity *and*, when ``first_seen`` knows the kernel, serving a page for at
    least ``grace_s``: a kernel just handed out from the preheat pool has a ``last_activity``
    from when it was heated, maybe an hour ago, while its browser is still connecting.
    """
    seen = first_seen or {}

    def since(k: KernelState) -> datetime:
        return max(k.last_activity, seen.get(k.kernel_id, k.last_activity))

    quiet = [k for k in kernels
             if not k.pooled and k.connections == 0 and (now - since(k)).total_seconds() >= grace_s]
    return [k.kernel_id for k in sorted(quiet, key=since)]


def sessions(kernels: Iterable[KernelState]) -> int:
    """Kernels that serve (or served) a page: every running kernel not waiting in the pool."""
    return sum(1 for k in kernels if not k.pooled)


def pooled_ids(manager: Any) -> set[str]:
    """Kernel ids waiting in Voilà's preheat pools (finished pool tasks only)."""
    ids: set[str] = set()
    for pool in getattr(manager, "_pools", {}).values():
        for task in pool:
            if task.done() and not task.cancelled() and task.exception() is None:
                ids.add(task.result()["kernel_id"])
    return ids


def kernel_states(manager: Any) -> list[KernelState]:
    """The running kernels of a jupyter_server MappingKernelManager (with Voilà's pools)."""
    pooled = pooled_ids(manager)
    connections = getattr(manager, "_kernel_connections", {})
    states = []
    for kernel_id in manager.list_kernel_ids():
        states.append(KernelState(kernel_id, int(connections.get(kernel_id, 0)),
                                  _last_activity(manager, kernel_id), kernel_id in pooled))
    return states


def _last_activity(manager: Any, kernel_id: str) -> datetime:
    """When the kernel last did something; *now* for a kernel still starting.

    A kernel that is starting has no ``last_activity`` yet, and reading the unset trait
    raises a TraitError, not an AttributeError (seen with ten pages opened at once).
    """
    try:
        last = manager.get_kernel(kernel_id).last_activity
    except Exception:  # noqa: BLE001 - starting, or shut down meanwhile: not an orphan
        last = None
    return last if isinstance(last, datetime) else datetime.now(timezone.utc)


GRACE_AT_LIMIT_S = 15.0
"""At the session limit, a kernel without connection and activity for this long is no open page.

A page's browser connects within a few seconds of getting the page; a working page keeps its
websocket. The reaper frees such kernels after ``orphan_grace_s`` anyway; at the limit a new
page should not wait for that."""


async def make_room(manager: Any, limit: int, grace: float, log: Any,
                    first_seen: Mapping[str, datetime] | None = None,
                    among: Callable[[str], bool] | None = None, whose: str = "server", waiting: int = 0) -> bool:
    """True when a page may start a kernel: below ``limit``, or after shutting down orphans.

    ``among`` restricts counting and freeing to some kernels (one advisor's pages,
    :mod:`workbench.serve.advisors`); ``whose`` names them in the log; ``waiting`` pages being
    served whose kernel is still starting count as well.
    """
    def states() -> list[KernelState]:
        return [k for k in kernel_states(manager) if among is None or among(k.kernel_id)]

    current = states()
    if sessions(current) + waiting < limit:
        return True
    now = datetime.now(timezone.utc)
    for kernel_id in orphans(current, now, grace, first_seen):
        log.info("session limit %s (%s) reached: shutting down kernel %s of a closed page", limit, whose, kernel_id)
        await manager.shutdown_kernel(kernel_id)
        if sessions(states()) + waiting < limit:
            return True
    log.warning("session limit %s (%s) reached: page refused with 503", limit, whose)
    return False


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimit:
    """Page starts per client: a token bucket of ``burst`` starts, refilled by ``per_minute``.

    Issue 25: twenty GETs in five minutes filled the whole server's session limit. A
    consultation opens the start page and a few wizards, then works inside them, so
    ``burst`` starts at once and then ``per_minute`` more are plenty for an advisor,
    while one client alone cannot use up the machine's pages. ``burst`` 0 switches it off.
    """

    MAX_CLIENTS = 4096  # forget full buckets beyond this many clients (they start full anyway)

    def __init__(self, burst: int, per_minute: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.per_minute, self.clock = burst, per_minute, clock
        self._buckets: dict[str, _Bucket] = {}

    def take(self, client: str) -> float:
        """0 when ``client`` may start a page now (one start is counted), else the seconds to wait."""
        if self.burst <= 0:
            return 0.0
        now, rate = self.clock(), self.per_minute / 60.0
        bucket = self._buckets.get(client)
        tokens = float(self.burst) if bucket is None else min(self.burst, bucket.tokens + (now - bucket.stamp) * rate)
        if tokens >= 1.0:
            self._store(client, _Bucket(tokens - 1.0, now))
            return 0.0
        self._store(client, _Bucket(tokens, now))
        return (1.0 - tokens) / rate if rate > 0 else float("inf")

    def _store(self, client: str, bucket: _Bucket) -> None:
        self._buckets[client] = bucket
        if len(self._buckets) > self.MAX_CLIENTS:
            now, rate = self.clock(), self.per_minute / 60.0
            for key in [k for k, b in self._buckets.items() if b.tokens + (now - b.stamp) * rate >= self.burst]:
                del self._buckets[key]

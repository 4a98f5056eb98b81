"""How many pages may hold a kernel at once: the session limit of ``workbench serve``.

Every open workbench page holds one Python kernel (about 100–150 MiB). Voilà cannot shut a
kernel down when its tab closes (voila issue #1458), and jupyter_server has no limit on
kernels, so N forgotten tabs could fill the machine's memory. Before a page starts a kernel:

1. Count the *sessions*: running kernels that are not waiting in Voilà's preheated pool.
2. Below ``max_sessions``: go on.
3. Otherwise shut down *orphans* – kernels with no open connection for ``orphan_grace_s``
   seconds (a closed tab, a browser that went away); their case is saved as a draft anyway.
4. Still full: answer 503 with a page that says, in German and English, to close a window
   and retry. Nothing already open is touched.

:func:`orphans` is the pure choice; :class:`LimitedVoilaHandler` applies it to Voilà's
kernel manager.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from typing import Any

from voila.tornado.handler import TornadoVoilaHandler

from workbench.i18n import text


@dataclass(frozen=True)
class KernelState:
    """What the limit needs to know of one running kernel."""

    kernel_id: str
    connections: int
    last_activity: datetime
    pooled: bool


def orphans(kernels: Iterable[KernelState], now: datetime, grace_s: float) -> list[str]:
    """Kernels of closed tabs, oldest first: not pooled, no connection, quiet for ``grace_s``."""
    quiet = [k for k in kernels
             if not k.pooled and k.connections == 0 and (now - k.last_activity).total_seconds() >= grace_s]
    return [k.kernel_id for k in sorted(quiet, key=lambda k: k.last_activity)]


def sessions(kernels: Iterable[KernelState]) -> int:
    """Kernels that serve (or served) a page: every running kernel not waiting in the pool."""
    return sum(1 for k in kernels if not k.pooled)


def _pooled_ids(manager: Any) -> set[str]:
    """Kernel ids waiting in Voilà's preheat pools (finished pool tasks only)."""
    ids: set[str] = set()
    for pool in getattr(manager, "_pools", {}).values():
        for task in pool:
            if task.done() and not task.cancelled() and task.exception() is None:
                ids.add(task.result()["kernel_id"])
    return ids


def kernel_states(manager: Any) -> list[KernelState]:
    """The running kernels of a jupyter_server MappingKernelManager (with Voilà's pools)."""
    pooled = _pooled_ids(manager)
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


def busy_page(limit: int) -> str:
    """The 503 page: German first, English below; no technical details."""
    de, en = text("serve.full", "de", limit=limit), text("serve.full", "en", limit=limit)
    title = escape(text("serve.full_title", "de"))
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><main><h1>{title}</h1><p role="alert">{escape(de)}</p>'
            f'<p lang="en">{escape(en)}</p></main></body></html>')


class LimitedVoilaHandler(TornadoVoilaHandler):  # type: ignore[misc]  # voila is untyped
    """Voilà's render route with the session limit in front."""

    async def get(self, path: str | None = None) -> None:
        limit, grace = self.settings.get("workbench_limits", (0, 0.0))
        try:
            room = limit <= 0 or await self._room(limit, grace)
        except Exception:  # noqa: BLE001 - a fault in the limit must not cost the advisor the page
            self.log.exception("session limit check failed; page served without it")
            room = True
        if not room:
            self.set_status(503)
            self.set_header("Retry-After", "60")
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(busy_page(limit))
            return
        await super().get(path)

    async def _room(self, limit: int, grace: float) -> bool:
        manager = self.kernel_manager
        states = kernel_states(manager)
        if sessions(states) < limit:
            return True
        now = datetime.now(timezone.utc)
        for kernel_id in orphans(states, now, grace):
            self.log.info("session limit %s reached: shutting down kernel %s of a closed page", limit, kernel_id)
            await manager.shutdown_kernel(kernel_id)
            states = kernel_states(manager)
            if sessions(states) < limit:
                return True
        self.log.warning("session limit %s reached: page refused with 503", limit)
        return False

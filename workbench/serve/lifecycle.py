"""The life of a page's kernel: shut down when its page closes, culled when its page is gone (ADR 0031).

Every page holds one Python kernel. Two ways free it, both measured (issue 23, ADR 0031):

1. **The page says goodbye.** Voilà's page sends ``POST /voila/api/shutdown/<kernel>`` as a
   beacon when it unloads (tab closed, reload, another address), with the XSRF token read from
   the ``_xsrf`` cookie. Voilà never set that cookie, so every goodbye was refused with 403
   "'_xsrf' argument missing" and the kernel stayed. The render handler now sets the cookie
   (:mod:`workbench.serve.handler`) and :class:`ShutdownHandler` answers the goodbye: the
   kernel is gone within a second of the tab closing.
2. **The server notices.** A browser that crashed, a laptop closed in the middle, a network that
   went away send no goodbye. :class:`KernelReaper` looks every ``interval_s`` seconds for
   kernels of a page (not waiting in a preheat pool) that have had no connection and no
   activity for ``grace_s`` seconds and shuts them down. A tab only asleep keeps its websocket;
   one whose connection broke gets, once it wakes, the notice of the page template that it
   was closed and a "neu laden" link that reopens its case (``templates/voila/…/index.html.j2``).

The reaper also keeps Voilà's preheat pools full: Voilà refills a pool only when a visitor
takes a kernel from it, so a pooled kernel that died (killed for memory, crashed) left its
page cold until the next restart.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from jupyter_server.base.handlers import APIHandler
from tornado.web import HTTPError, authenticated

from workbench.serve.limits import KernelState, kernel_states, orphans, pooled_ids

__all__ = ["KernelReaper", "ShutdownHandler"]


class KernelReaper:
    """Shuts down the kernels of pages that are gone and refills preheat pools that lost a kernel."""

    def __init__(self, manager: Any, grace_s: float, log: Any,
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.manager, self.grace_s, self.log, self.clock = manager, grace_s, log, clock
        self.first_seen: dict[str, datetime] = {}
        """When each page's kernel was first seen serving a page (not pooled): its grace counts from then."""

    def note(self, states: list[KernelState]) -> None:
        """Remember when each page's kernel was first seen; forget kernels that are gone."""
        now = self.clock()
        alive = {k.kernel_id for k in states if not k.pooled}
        for kernel_id in alive - self.first_seen.keys():
            self.first_seen[kernel_id] = now
        for kernel_id in self.first_seen.keys() - alive:
            del self.first_seen[kernel_id]

    async def sweep(self) -> list[str]:
        """One round: the kernels shut down (ids). Never raises: a fault is logged, the next round tries again."""
        try:
            states = kernel_states(self.manager)
            self.note(states)
            gone = orphans(states, self.clock(), self.grace_s, self.first_seen)
            for kernel_id in gone:
                self.log.info("kernel %s: its page has had no connection for %.0f s, shut down", kernel_id, self.grace_s)
                await self.manager.shutdown_kernel(kernel_id)
                self.first_seen.pop(kernel_id, None)
            self.refill_pools()
            return gone
        except Exception:  # noqa: BLE001 - the server must go on serving pages
            self.log.exception("kernel reaper: round failed")
            return []

    def refill_pools(self) -> None:
        """Start kernels for every preheat pool below its configured size (Voilà refills only on a visit)."""
        pools = getattr(self.manager, "_pools", None)
        if pools is None:
            return
        config = getattr(self.manager, "kernel_pools_config", {})
        default = config.get("default", {}).get("pool_size", 0)
        for notebook, pool in list(pools.items()):
            wanted = config.get(notebook, {}).get("pool_size", default)
            if len(pool) < wanted:
                self.log.info("preheat pool of %s has %s of %s kernels: refilling", notebook, len(pool), wanted)
                self.manager.fill_if_needed(notebook_name=notebook)


class ShutdownHandler(APIHandler):
    """``POST /voila/api/shutdown/<kernel>``: the closing page's goodbye (login and XSRF token checked).

    Only a kernel serving a page is shut down; a kernel waiting in a preheat pool or an unknown
    id answers 404, so the route cannot empty the pools. Kernel ids are random UUIDs that only
    the page holding the kernel knows.
    """

    @authenticated
    async def post(self, kernel_id: str) -> None:
        manager = self.kernel_manager
        if kernel_id not in manager.list_kernel_ids() or kernel_id in pooled_ids(manager):
            raise HTTPError(404)
        self.log.info("kernel %s: its page was closed, shut down", kernel_id)
        await manager.shutdown_kernel(kernel_id)  # type: ignore[no-untyped-call]  # untyped manager
        self.set_status(204)
        self.finish()

"""Whose page holds which kernel: every advisor's share of the server's pages (issue 23, ADR 0033).

The session limit (:mod:`workbench.serve.limits`) bounds the pages of the whole server. Alone
it let one advisor — or a stray script with the office's token — open every page the machine
holds, and everybody else got the 503. So every page's kernel is noted with its *advisor*, and
an advisor may hold at most ``pages_per_advisor`` pages at once:

- behind JupyterHub: the hub's user (``hub:eva``);
- with the office's token: the browser's login — the token link once, then the login cookie,
  which carries an identity of its own per browser (``login:<id>``);
- a request that brings the token itself (``Authorization: token …``, a script): the address it
  comes from (``token:10.0.0.5``), because every such request would otherwise be a new identity.

A script that logs in afresh for every page gets a new identity each time; the rate limit per
address (:class:`~workbench.serve.limits.RateLimit`) bounds it. Kernels started for the preheat
pools belong to nobody until the request that takes one.

:class:`KernelOwners` learns the owner where Voilà hands a kernel to a request: it wraps the
kernel manager's ``get_rendered_notebook`` (a preheated kernel) and ``start_kernel`` (a kernel
started for the request) and reads the advisor of the request from a context variable that the
render handler sets while it serves the page (:meth:`KernelOwners.serving`). A request whose
kernel is still starting counts for its advisor as well, so ten pages opened at the same moment
cannot all pass the check before the first kernel is there. (Only for the advisor's share: the
server's count sees a starting kernel in the manager's list already, the advisor's only once it is
noted, so adding the waiting pages there would count them twice — 3 of 20 pages opened at once
were refused that way at ``max_sessions`` 20.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

__all__ = ["KernelOwners", "advisor_identity", "shown_name"]


@dataclass(eq=False)
class _Request:
    """A page being served for ``advisor``; ``has_kernel`` once its kernel is noted."""

    advisor: str
    has_kernel: bool = False


_SERVING: ContextVar[_Request | None] = ContextVar("workbench_page_request", default=None)


def advisor_identity(*, hub_user: str | None, cookie_user: str | None, token_in_request: bool, address: str) -> str:
    """Who a page request counts for (see the module's text): hub user, browser login, else the address."""
    if hub_user:
        return f"hub:{hub_user}"
    if cookie_user and not token_in_request:
        return f"login:{cookie_user}"
    return f"token:{address}"


def shown_name(advisor: str, language: str = "de") -> str:
    """How the 503 page names the advisor whose share is used up (never the login cookie's id)."""
    kind, _, value = advisor.partition(":")
    if kind == "hub":
        return {"de": f"angemeldet als {value}", "en": f"logged in as {value}"}[language]
    if kind == "token":
        return {"de": f"Zugang per Token von {value}", "en": f"access by token from {value}"}[language]
    return {"de": "in diesem Browser", "en": "in this browser"}[language]


class KernelOwners:
    """Kernel id → advisor, for the kernels handed to page requests."""

    def __init__(self) -> None:
        self._owner: dict[str, str] = {}
        self._requests: list[_Request] = []

    @contextmanager
    def serving(self, advisor: str) -> Iterator[None]:
        """While the page of ``advisor`` is served, the kernel handed to it is noted as theirs."""
        request = _Request(advisor)
        self._requests.append(request)
        token = _SERVING.set(request)
        try:
            yield
        finally:
            _SERVING.reset(token)
            self._requests.remove(request)

    def waiting(self, advisor: str | None = None) -> int:
        """Pages being served that have no kernel yet (of ``advisor``; of everybody with None)."""
        return sum(1 for r in self._requests if not r.has_kernel and advisor in (None, r.advisor))

    def note(self, kernel_id: Any) -> None:
        """Note ``kernel_id`` as the kernel of the advisor whose page is being served (if any)."""
        request = _SERVING.get()
        if request is not None and isinstance(kernel_id, str):
            self._owner[kernel_id] = request.advisor
            request.has_kernel = True

    def owner(self, kernel_id: str) -> str | None:
        return self._owner.get(kernel_id)

    def owned_by(self, advisor: str) -> Callable[[str], bool]:
        """A test for kernel ids: True for the kernels of ``advisor``."""
        return lambda kernel_id: self._owner.get(kernel_id) == advisor

    def forget_all_but(self, running: set[str]) -> None:
        """Drop the owners of kernels that are gone (shut down by goodbye, reaper or limit)."""
        for kernel_id in self._owner.keys() - running:
            del self._owner[kernel_id]

    def install(self, manager: Any) -> None:
        """Wrap ``manager``'s two ways of handing a kernel to a request so that each notes its owner.

        Voilà's pools start their kernels through the class's own ``start_kernel`` (``super()``),
        which the instance attribute does not reach: a pool kernel is noted only when a request
        takes it (``get_rendered_notebook``).
        """
        started = manager.start_kernel

        @functools.wraps(started)
        async def start_kernel(*args: Any, **kwargs: Any) -> Any:
            result = started(*args, **kwargs)
            kernel_id = await result if hasattr(result, "__await__") else result
            self.note(kernel_id)
            return kernel_id

        manager.start_kernel = start_kernel
        rendered = getattr(manager, "get_rendered_notebook", None)  # only with preheating
        if rendered is None:
            return

        @functools.wraps(rendered)
        async def get_rendered_notebook(*args: Any, **kwargs: Any) -> Any:
            result = await rendered(*args, **kwargs)
            self.note(result[2])  # (render_task, rendered_cache, kernel_id)
            return result

        manager.get_rendered_notebook = get_rendered_notebook

"""Every advisor's share of the server's pages (issue 23, ADR 0033): who a page counts for, whose kernel is whose.

A fake kernel manager that hands out kernels as Voilà's does (``start_kernel`` for a page without a
preheated kernel, ``get_rendered_notebook`` for a preheated one, the pools' own starts behind
``super()``); the served test with real requests is in tests/deploy/test_voila_routes.py.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from tests.test_serve_lifecycle import NOW, FakeManager, _run
from workbench.serve.advisors import KernelOwners, advisor_identity, shown_name
from workbench.serve.limits import make_room
from workbench.serve.pages import advisor_busy_page

LOG = logging.getLogger("test")


def test_a_page_counts_for_the_hub_user_else_the_browser_login_else_the_token_clients_address() -> None:
    assert advisor_identity(hub_user="eva", cookie_user="eva", token_in_request=False, address="10.0.0.5") == "hub:eva"
    # one office token, one login cookie per browser: each browser is an advisor of its own
    assert advisor_identity(hub_user=None, cookie_user="4f2a", token_in_request=False, address="10.0.0.5") \
        == "login:4f2a"
    # the token in the request itself (a script): every request would be a new login, so the address counts
    assert advisor_identity(hub_user=None, cookie_user="77c1", token_in_request=True, address="10.0.0.5") \
        == "token:10.0.0.5"
    assert advisor_identity(hub_user=None, cookie_user=None, token_in_request=False, address="10.0.0.9") \
        == "token:10.0.0.9"


class VoilaLikeManager(FakeManager):
    """Hands out kernels like Voilà's manager: a new one per ``start_kernel``, a pooled one per render."""

    def __init__(self) -> None:
        super().__init__({}, {"elterngeld.ipynb": []}, {"elterngeld.ipynb": 1})
        self.started = 0

    def _new(self, connections: int = 1) -> str:
        self.started += 1
        kernel_id = f"k{self.started}"
        self.kernels[kernel_id] = type("K", (), {"last_activity": NOW})()
        self._kernel_connections[kernel_id] = connections
        return kernel_id

    async def start_kernel(self, **kwargs: Any) -> str:
        await asyncio.sleep(0)  # a real start takes a while: other requests run meanwhile
        return self._new()

    async def get_rendered_notebook(self, notebook_name: str, **kwargs: Any) -> tuple[None, list[str], str]:
        return None, [], self._new()

    def heat_pool(self) -> str:
        """A pool's own start (Voilà calls its class's ``start_kernel`` through ``super()``)."""
        return self._new(connections=0)


def test_kernels_handed_to_a_page_belong_to_its_advisor_pool_kernels_to_nobody() -> None:
    manager, owners = VoilaLikeManager(), KernelOwners()
    owners.install(manager)

    async def scenario() -> None:
        pooled = manager.heat_pool()
        with owners.serving("login:eva"):
            assert owners.waiting("login:eva") == 1 and owners.waiting() == 1
            started = await manager.start_kernel(kernel_name="python3")
            assert owners.waiting("login:eva") == 0  # its kernel is there: it counts as a kernel now
        with owners.serving("hub:jonas"):
            _, _, rendered = await manager.get_rendered_notebook("elterngeld.ipynb")
        assert owners.owner(started) == "login:eva" and owners.owner(rendered) == "hub:jonas"
        assert owners.owner(pooled) is None
        await manager.start_kernel()  # outside a page request (nobody's)
        assert owners.owner("k4") is None
        assert owners.waiting() == 0
        owners.forget_all_but({rendered})
        assert owners.owner(started) is None and owners.owner(rendered) == "hub:jonas"

    _run(scenario())


def test_one_advisor_at_their_share_is_refused_while_another_still_gets_a_page() -> None:
    manager, owners = VoilaLikeManager(), KernelOwners()
    owners.install(manager)

    async def open_page(advisor: str, limit: int = 2) -> bool:
        if not await make_room(manager, limit, 15, LOG, among=owners.owned_by(advisor), whose=advisor,
                               waiting=owners.waiting(advisor)):
            return False
        with owners.serving(advisor):
            await manager.start_kernel()
        return True

    async def scenario() -> list[bool]:
        return [await open_page("login:eva"), await open_page("login:eva"), await open_page("login:eva"),
                await open_page("token:10.0.0.9"), await open_page("login:eva", limit=3)]

    assert _run(scenario()) == [True, True, False, True, True]
    assert manager.shut == []  # the refusal closed nobody's open page


def test_pages_opened_at_the_same_moment_cannot_all_slip_through_before_their_kernels_exist() -> None:
    """Ten pages of one script at once: each check sees the others still starting."""
    manager, owners = VoilaLikeManager(), KernelOwners()
    owners.install(manager)

    async def open_page() -> bool:
        if not await make_room(manager, 3, 15, LOG, among=owners.owned_by("token:10.0.0.9"),
                               waiting=owners.waiting("token:10.0.0.9")):
            return False
        with owners.serving("token:10.0.0.9"):
            await manager.start_kernel()
        return True

    async def scenario() -> list[bool]:
        return list(await asyncio.gather(*(open_page() for _ in range(10))))

    assert sum(_run(scenario())) == 3
    assert manager.started == 3


def test_at_their_share_an_advisors_closed_page_makes_room_but_never_another_advisors() -> None:
    manager, owners = VoilaLikeManager(), KernelOwners()
    owners.install(manager)

    async def scenario() -> tuple[bool, bool]:
        with owners.serving("login:eva"):
            eva = await manager.start_kernel()
        with owners.serving("login:jonas"):
            jonas = await manager.start_kernel()
        for kernel_id in (eva, jonas):  # both tabs closed long ago without goodbye
            manager._kernel_connections[kernel_id] = 0
            manager.kernels[kernel_id].last_activity = NOW.replace(year=2025)
        first = await make_room(manager, 1, 15, LOG, among=owners.owned_by("login:eva"), whose="login:eva")
        return first, jonas in manager.kernels

    assert _run(scenario()) == (True, True)
    assert manager.shut == ["k1"]  # Eva's own orphan, not Jonas's


def test_the_advisors_503_page_names_their_limit_in_german_and_english_without_the_login_id() -> None:
    page = advisor_busy_page(6, "login:4f2a9c")
    assert "Sie haben schon 6 Seiten der Workbench geöffnet (in diesem Browser)" in page
    assert "eine Ihrer Seiten der Workbench schließen" in page
    assert "You have 6 pages of the workbench open already (in this browser)" in page
    assert "4f2a9c" not in page
    assert "angemeldet als eva" in advisor_busy_page(4, "hub:eva")
    assert shown_name("token:10.0.0.9") == "Zugang per Token von 10.0.0.9"

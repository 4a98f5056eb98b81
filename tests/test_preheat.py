"""A preheated wizard kernel must not wait for its visitor inside the cell.

Voila executes a pooled kernel's notebook before any request, with a timeout per cell
(``VoilaExecutor.timeout`` in voila.json, 60 s). A cell that waits for the request fails with
"Cell execution timed out" for every visitor who comes later than that (seen in the browser
tests and with a probe: a request 100 s after the server started got that page). The page is
shown at once and the request is awaited in a thread.
"""

from __future__ import annotations

import re
import threading
import time
from datetime import date
from typing import Any

import ipywidgets as w
import pytest

from tests.memory_store import MemoryStore
from workbench.ui.pages.elterngeld import wizard as ew
from workbench.ui.kit import preheat


def test_the_preheated_cell_ends_before_the_request_and_the_page_follows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    arrived = threading.Event()
    query: dict[str, str] = {}
    shown: list[Any] = []

    def wait_for_request() -> dict[str, str]:
        assert arrived.wait(30)
        return dict(query)

    monkeypatch.setattr(ew, "is_preheated", lambda: True)
    monkeypatch.setattr(preheat, "request_parameters", wait_for_request)
    monkeypatch.setattr(ew, "default_store", MemoryStore)
    monkeypatch.setattr(ew, "display", shown.append)
    started = time.monotonic()
    ew.show_elterngeld_wizard()  # returns although no request has come
    assert time.monotonic() - started < 20 and len(shown) == 1
    page: w.VBox = shown[0]
    ready = page.children[1]
    assert ready.layout.display == "none"  # not shown before the request says it is the page asked for
    query["lang"] = "en"
    arrived.set()
    deadline = time.monotonic() + 20
    while page.children[1] is ready and time.monotonic() < deadline:
        time.sleep(0.05)
    wizard_widget = page.children[1]
    assert wizard_widget is not ready and wizard_widget.layout.display != "none"
    assert "Plan Elterngeld" in wizard_widget.children[0].children[0].value  # the English wizard


class _Loop:
    """Stands in for the kernel's tornado IOLoop: collects what is handed to it."""

    def __init__(self) -> None:
        self.callbacks: list[Any] = []
        self.handed = threading.Event()
        self.later: list[tuple[float, Any]] = []

    def add_callback(self, callback: Any) -> None:
        self.callbacks.append(callback)
        self.handed.set()


class _LaterLoop(_Loop):
    """A loop that also collects what is handed to it for later (``call_later``)."""

    def call_later(self, delay: float, callback: Any) -> None:
        self.later.append((delay, callback))


def test_the_page_is_changed_on_the_kernels_loop_not_in_the_waiting_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser's request for all widget states is answered on the kernel's main loop; a change
    from another thread during that answer was lost (the wizard stayed hidden: an empty page)."""
    import IPython

    loop = _Loop()
    kernel = type("Kernel", (), {"io_loop": loop})()
    monkeypatch.setattr(IPython, "get_ipython", lambda: type("Shell", (), {"kernel": kernel})())
    monkeypatch.setattr(ew, "is_preheated", lambda: True)
    monkeypatch.setattr(preheat, "request_parameters", lambda: {})
    monkeypatch.setattr(ew, "default_store", MemoryStore)
    shown: list[Any] = []
    monkeypatch.setattr(ew, "display", shown.append)
    ew.show_elterngeld_wizard()
    assert loop.handed.wait(20)
    ready = shown[0].children[1]
    assert ready.layout.display == "none"  # the thread itself changed nothing
    assert len(loop.callbacks) == 1
    loop.callbacks[0]()  # what the kernel's loop runs
    assert ready.layout.display != "none"


def test_a_failed_request_channel_still_gives_a_working_page(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> dict[str, str]:
        raise OSError("websocket refused")

    monkeypatch.setattr(ew, "is_preheated", lambda: True)
    monkeypatch.setattr(preheat, "request_parameters", broken)
    monkeypatch.setattr(ew, "default_store", MemoryStore)
    shown: list[Any] = []
    monkeypatch.setattr(ew, "display", shown.append)
    ew.show_elterngeld_wizard()
    page: w.VBox = shown[0]
    deadline = time.monotonic() + 20
    while page.children[1].layout.display == "none" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert page.children[1].layout.display != "none"  # a new German case, not an empty page


def _preheated_kita(monkeypatch: pytest.MonkeyPatch, query: dict[str, str]) -> tuple[w.VBox, threading.Event]:
    """show_kita_wizard in a pooled kernel; the request (``query``) arrives when the event is set."""
    from workbench.ui.kit import page as kit_page
    from workbench.ui.kit import topic

    arrived = threading.Event()

    def wait_for_request() -> dict[str, str]:
        assert arrived.wait(30)
        return dict(query)

    shown: list[Any] = []
    monkeypatch.setattr(kit_page, "is_preheated", lambda: True)
    monkeypatch.setattr(preheat, "request_parameters", wait_for_request)
    monkeypatch.setattr(topic, "default_store", MemoryStore)
    monkeypatch.setattr(kit_page, "display", shown.append)
    from workbench.ui.pages.kita import show_kita_wizard

    started = time.monotonic()
    show_kita_wizard()  # returns although no request has come (issue 23: every wizard is preheated)
    assert time.monotonic() - started < 20 and len(shown) == 1
    holder: w.VBox = shown[0]
    assert holder.children == ()  # nothing shown before the request says which page is asked for
    return holder, arrived


def _filled(holder: w.VBox) -> w.Widget:
    deadline = time.monotonic() + 20
    while not holder.children and time.monotonic() < deadline:
        time.sleep(0.05)
    assert holder.children
    return holder.children[0]


def test_every_wizard_page_is_built_before_its_request_and_a_new_case_gets_a_fresh_id(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.ui.kit import page as kit_page

    renewed: list[tuple[str, str]] = []
    renew = kit_page.renew_case_id

    def spy(wizard: Any) -> None:
        before = wizard.case_id
        renew(wizard)
        renewed.append((before, wizard.case_id))

    monkeypatch.setattr(kit_page, "renew_case_id", spy)
    monkeypatch.setattr("workbench.clock.today", lambda: date(2026, 12, 8))  # the visitor comes the next day
    holder, arrived = _preheated_kita(monkeypatch, {})
    arrived.set()
    page = _filled(holder)
    title = page.children[1].children[0].children[0].value
    assert "Kita" in title and 'lang="de"' in title
    [(before, after)] = renewed  # the page built ahead was shown, with a new id of the visit's day
    assert re.fullmatch(r"KI-20261208-[0-9A-F]{4}", after) and after != before


def test_a_preheated_wizard_page_asked_for_in_english_is_built_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    holder, arrived = _preheated_kita(monkeypatch, {"lang": "en"})
    arrived.set()
    page = _filled(holder)
    title = page.children[1].children[0].children[0].value
    assert 'lang="en"' in title


class _TimedLoop:
    """A kernel loop whose ``call_later`` runs on a fake clock the test advances."""

    def __init__(self, clock: list[float]) -> None:
        self.clock, self.later = clock, []  # type: ignore[var-annotated]

    def call_later(self, delay: float, callback: Any) -> None:
        self.later.append((self.clock[0] + delay, callback))

    def run_until(self, moment: float) -> None:
        while self.later and min(t for t, _ in self.later) <= moment:
            self.later.sort(key=lambda item: item[0])
            when, callback = self.later.pop(0)
            self.clock[0] = when
            callback()
        self.clock[0] = moment


def _settling(monkeypatch: pytest.MonkeyPatch, clock: list[float]) -> _TimedLoop:
    loop = _TimedLoop(clock)
    monkeypatch.setattr(preheat, "_kernel_loop", lambda: loop)
    return loop


def test_a_click_after_a_pause_in_typing_moves_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    _settling(monkeypatch, clock)
    ran: list[float] = []
    preheat.after_field_updates(lambda: ran.append(clock[0]), last_entry=lambda: 99.0, clock=lambda: clock[0])
    assert ran == [100.0]  # the last entry was a second ago: nothing can be held back any more


def test_a_click_right_after_typing_waits_until_the_fields_were_quiet_long_enough(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """ADR 0014: the year of a date typed part by part (2, 20, 202, 2026) follows the click."""
    clock = [100.0]
    loop = _settling(monkeypatch, clock)
    last = [99.95]  # "202" came 50 ms before the click
    ran: list[float] = []
    preheat.after_field_updates(lambda: ran.append(clock[0]), last_entry=lambda: last[0], clock=lambda: clock[0])
    assert ran == []
    loop.run_until(100.1)
    last[0] = 100.1  # the held-back "2026" arrives after the click
    loop.run_until(100.3)
    assert ran == []  # its quiet period starts again
    loop.run_until(100.5)
    assert ran == [pytest.approx(100.4)]


def test_a_field_that_never_settles_does_not_block_the_click_for_more_than_a_second(
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    loop = _settling(monkeypatch, clock)
    ran: list[float] = []
    preheat.after_field_updates(lambda: ran.append(clock[0]), last_entry=lambda: clock[0], clock=lambda: clock[0])
    loop.run_until(102.0)
    assert ran == [pytest.approx(100 + preheat.MAX_WAIT_S)]


class _Comm:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def send(self, data: dict[str, Any], buffers: Any = None) -> None:
        self.sent.append(data)


def _preheated_elterngeld(monkeypatch: pytest.MonkeyPatch) -> tuple[_LaterLoop, threading.Event, _Comm, list[Any]]:
    """The Elterngeld page shown by a preheated kernel whose request comes when ``arrived`` is set."""
    import IPython

    loop = _LaterLoop()
    kernel = type("Kernel", (), {"io_loop": loop})()
    monkeypatch.setattr(IPython, "get_ipython", lambda: type("Shell", (), {"kernel": kernel})())
    monkeypatch.setattr(ew, "is_preheated", lambda: True)
    arrived = threading.Event()
    monkeypatch.setattr(preheat, "request_parameters", lambda: arrived.wait(20) and {})
    monkeypatch.setattr(ew, "default_store", MemoryStore)
    shown: list[Any] = []
    monkeypatch.setattr(ew, "display", shown.append)
    comm = _Comm()
    monkeypatch.setattr(w.Widget, "_control_comm", comm)
    ew.show_elterngeld_wizard()
    return loop, arrived, comm, shown


def test_the_browser_gets_the_widget_states_only_once_the_page_is_filled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser builds its widgets from the answer to ``request_states`` asynchronously and drops an
    update for a widget it has not built yet: the wizard shown just after the answer stayed hidden (an
    empty page for three minutes in a loaded CI run). So the answer waits for the filled page."""
    loop, arrived, comm, shown = _preheated_elterngeld(monkeypatch)
    ready = shown[0].children[1]

    w.Widget._handle_control_comm_msg({"content": {"data": {"method": "request_states"}}})
    assert comm.sent == []  # the browser came before the request reached the kernel: held
    for callback in list(loop.callbacks):  # the wizard's work ahead and the limit of the hold
        callback()
    [limit] = [c for delay, c in loop.later if delay == preheat.HOLD_LIMIT_S]
    assert preheat.HOLD_LIMIT_S < 4  # answered before the browser gives up waiting (4 s)
    handed = len(loop.callbacks)
    arrived.set()
    assert _wait_for(lambda: len(loop.callbacks) == handed + 1)
    loop.callbacks[-1]()  # the page is filled on the kernel's loop, then the held request answered
    assert ready.layout.display != "none"
    [answer] = comm.sent
    states = answer["states"]
    assert states[ready.layout.model_id]["state"]["display"] is None  # the browser builds the shown wizard

    limit()  # the limit comes later: nothing held any more, nothing sent twice
    assert len(comm.sent) == 1
    w.Widget._handle_control_comm_msg({"content": {"data": {"method": "request_states"}}})
    assert len(comm.sent) == 2  # a reload of the page is answered at once


def test_the_next_step_is_built_only_after_the_browser_has_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """A preheated kernel waits for its request; the next step built ahead 0.5 s after the page was shown
    put its widgets into the state the browser builds before it shows anything (240 widget models for the
    Elterngeld page's first answer instead of about 140: issue 23, the page's first load)."""
    from ipywidgets.widgets.widget import _instances

    from workbench.ui.kit.wizard import BUILD_AHEAD_S

    monkeypatch.setattr(preheat._GATE, "answered", False)
    monkeypatch.setattr(preheat._GATE, "waiting", [])
    loop, arrived, comm, _ = _preheated_elterngeld(monkeypatch)
    for callback in list(loop.callbacks):
        callback()
    assert [d for d, _ in loop.later if d == BUILD_AHEAD_S] == []  # nobody has the page yet: nothing ahead

    handed = len(loop.callbacks)
    arrived.set()
    assert _wait_for(lambda: len(loop.callbacks) == handed + 1)
    loop.callbacks[-1]()  # the request: the page is filled
    w.Widget._handle_control_comm_msg({"content": {"data": {"method": "request_states"}}})
    [answer] = comm.sent
    wizard_models = set(answer["states"])
    for callback in list(loop.callbacks[handed + 1:]):
        callback()
    [build] = [c for d, c in loop.later if d == BUILD_AHEAD_S]  # now the next step is built ahead
    before = set(_instances)
    build()
    assert set(_instances) - before - wizard_models  # its widgets come after the answer


def _wait_for(condition: Any, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return bool(condition())


WAIT_PROBE = r'''
import asyncio, json, os, sys, threading
import websockets

paths = []

async def handler(socket):
    paths.append(socket.request.path)
    await asyncio.sleep(0.2)  # the visitor comes a little later
    await socket.send(json.dumps({"QUERY_STRING": "case=EG-7&lang=en", "SERVER_NAME": "127.0.0.1"}))

ready, port = threading.Event(), []

def serve():
    async def main():
        async with websockets.serve(handler, "127.0.0.1", 0) as server:
            port.append(server.sockets[0].getsockname()[1])
            ready.set()
            await asyncio.sleep(30)
    asyncio.run(main())

threading.Thread(target=serve, daemon=True).start()
ready.wait(10)
os.environ.update({"VOILA_PREHEAT": "True", "VOILA_KERNEL_ID": "4711-kernel", "VOILA_APP_PORT": str(port[0]),
                   "VOILA_SERVER_URL": "/user/eva/"})
from workbench.ui.kit.preheat import request_parameters
params = request_parameters()
print(json.dumps({"params": params, "paths": paths, "server_name": os.environ.get("SERVER_NAME"),
                  "loaded": sorted(m for m in ("voila", "jupyter_server", "nbconvert", "fpdf") if m in sys.modules)}))
'''


def test_a_preheated_kernel_reads_its_request_from_voilas_websocket_without_loading_voila() -> None:
    """Issue 23: ``voila.utils`` loaded jupyter_server, nbconvert … into every kernel (+45 MiB, ~2 s) for this."""
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", WAIT_PROBE], capture_output=True, text=True, timeout=60, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["params"] == {"case": "EG-7", "lang": "en"}
    assert result["paths"] == ["/user/eva/voila/query/4711-kernel"]  # Voilà's route under the server's base URL
    assert result["server_name"] == "127.0.0.1"  # the request's details land in the environment, as with Voilà
    assert result["loaded"] == []


WARM_PROBE = r'''
import os, sys, time
os.environ["VOILA_PREHEAT"] = "True"
from workbench.ui.kit import preheat
preheat.request_parameters = lambda: time.sleep(30) or {}  # the visitor has not come yet
from workbench.ui.pages import kita
before = sorted(m for m in ("workbench.report.kita", "fpdf") if m in sys.modules)
kita.show_kita_wizard()
after = sorted(m for m in ("workbench.report.kita", "fpdf") if m in sys.modules)
print(before, after)
'''


def test_a_preheated_topic_page_has_its_results_code_imported_before_the_request(tmp_path: Any) -> None:
    """The first Kita/Pflege/Zuzug result in a kernel waited about a second for the family sheet's PDF code
    (walk10 F8); a pooled kernel imports it while it waits for its visitor."""
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", WARM_PROBE], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "WORKBENCH_DATA": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = done.stdout.strip().splitlines()[-1].split("] [")
    assert "workbench.report.kita" not in before  # the page itself does not need it to show its first step
    assert "workbench.report.kita" in after and "fpdf" in after

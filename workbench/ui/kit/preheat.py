"""Pages built by a preheated Voila kernel before anybody asked for them.

Voila (``preheat_kernel`` in ``voila.json``) runs a notebook before the request arrives and
sends the request's query string later, through a websocket the kernel waits on. Our pages
wait for it in a thread, so that the notebook's cell ends at once (a cell that waited would
hit ``VoilaExecutor.timeout`` when the visitor comes later).

What the page does *after* the request must not run in that thread. The browser asks the
kernel for the state of every widget when it connects (ipywidgets' ``request_states``); the
kernel's main thread answers it. A widget changed by another thread at that moment sent its
update before the browser had the widget, the update was dropped, and the browser kept the
older state from the answer — in one CI run the wizard stayed hidden and the page was empty
for three minutes. :func:`after_request` therefore hands the work to the kernel's own event
loop, where it runs before or after the answer, never in the middle of it.

"After the answer" was not safe either: the browser builds its widgets from the answer
asynchronously, and an update that arrives for a widget it has not built yet is dropped (a
later CI run, under load, again showed an empty page for three minutes). So the kernel holds
the browser's ``request_states`` until the page is filled (:func:`hold_widget_states`): the
answer is then the filled page, and nothing the page does after the request can be lost.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from workbench.ui.kit.callbacks import log_failure


def is_preheated() -> bool:
    """True in a kernel that Voila started for its pool (the request is not known yet)."""
    return os.environ.get("VOILA_PREHEAT") == "True"


def request_parameters() -> dict[str, str]:
    """The page's query parameters; in a preheated kernel this waits for the request."""
    if is_preheated():
        wait_for_request()
    query = os.environ.get("QUERY_STRING", "")
    return {k: v[-1] for k, v in parse_qs(query).items()}


def query_url() -> str:
    """The server's websocket on which a preheated kernel waits for its request (set by Voilà's kernel manager)."""
    env = os.environ
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    return (f"{env.get('VOILA_WS_PROTOCOL', 'ws')}://{env.get('VOILA_APP_IP', '127.0.0.1')}:"
            f"{env.get('VOILA_APP_PORT', '8866')}{base}voila/query/{env.get('VOILA_KERNEL_ID', '')}")


def wait_for_request() -> None:
    """Wait for the page's request and put its details (``QUERY_STRING`` …) into ``os.environ``.

    What Voilà's ``voila.utils.get_query_string`` does, without importing ``voila``: its package
    loads the server's libraries (jupyter_server, nbconvert, jupyterlab_server) into the kernel,
    about 45 MiB and two seconds of start-up in every page's kernel, to read one websocket message
    (issue 23, ADR 0033). Runs in the calling thread with an event loop of its own.
    """
    import asyncio
    import json

    import websockets

    async def receive() -> str | bytes | None:
        try:
            async with websockets.connect(query_url(), open_timeout=5) as socket:
                return await socket.recv()
        except (OSError, TimeoutError, websockets.WebSocketException) as error:
            log_failure("request (websocket)", error)
            return None

    message = asyncio.run(receive())
    if message is not None:
        for key, value in json.loads(message).items():
            os.environ[key] = str(value)


def _kernel_loop() -> Any:
    """The running kernel's main event loop (a tornado IOLoop), or None outside a kernel."""
    from IPython import get_ipython

    return getattr(getattr(get_ipython(), "kernel", None), "io_loop", None)


def on_kernel_loop(action: Callable[[], None]) -> None:
    """Run ``action`` on the kernel's main event loop (thread-safe); at once outside a kernel."""
    loop = _kernel_loop()
    if loop is None:
        action()
    else:
        loop.add_callback(action)


HOLD_LIMIT_S = 3.5
"""The longest the kernel holds the browser's ``request_states``: the browser waits 4 s for the answer
(ipywidgets' control comm timeout) and then asks widget by widget, where a late change is lost as well."""


class _StatesGate:
    """Holds the browser's ``request_states`` messages while the page is still being filled, and runs the
    work nobody waits for once the browser has its widgets (:func:`when_page_ready`).

    ipywidgets registers ``Widget._handle_control_comm_msg`` when the browser opens its control
    comm, that is after the notebook's cell ran; :meth:`install` replaces it before that, :meth:`close`
    holds the requests, and :meth:`open` answers every held message (on the kernel's loop, after the
    page was filled).
    """

    def __init__(self) -> None:
        self.held: list[Any] | None = None  # None: open
        self.original: Any = None
        self.answered = False  # the browser has been sent the widgets' states
        self.waiting: list[tuple[Callable[[], None], float]] = []

    def install(self) -> None:
        from ipywidgets import Widget

        if self.original is not None:
            return
        self.original = Widget.__dict__["_handle_control_comm_msg"]
        gate = self

        def handle(cls: type, msg: Any) -> None:
            if gate.held is None:
                gate.original.__func__(cls, msg)
                gate.sent()
                return
            gate.held.append(msg)
            if len(gate.held) == 1:  # the page may never be filled: answer anyway after a while
                when_idle(gate.open, HOLD_LIMIT_S)

        Widget._handle_control_comm_msg = classmethod(handle)

    def close(self) -> None:
        self.install()
        if self.held is None:
            self.held = []

    def open(self) -> None:
        from ipywidgets import Widget

        held, self.held = self.held or [], None
        for msg in held:
            try:
                self.original.__func__(Widget, msg)
            except Exception as error:  # noqa: BLE001 - as ipywidgets' own handler would: logged
                log_failure("request_states", error)
        if held:
            self.sent()

    def sent(self) -> None:
        """The browser has the widgets' states: start what waited for that."""
        self.answered = True
        waiting, self.waiting = self.waiting, []
        for action, delay in waiting:
            when_idle(action, delay)


_GATE = _StatesGate()


def hold_widget_states() -> None:
    """Answer the browser's request for the widgets' states only after :func:`release_widget_states`."""
    _GATE.close()


def release_widget_states() -> None:
    """Answer the held requests for the widgets' states now (and every later one at once)."""
    _GATE.open()


def when_page_ready(action: Callable[[], None], delay: float) -> None:
    """Run ``action`` ``delay`` seconds after the browser got the page's widgets (work nobody waits for).

    Widgets made before that are part of the state the browser builds before it shows the page: the
    next step built ahead (``BUILD_AHEAD_S``) in a preheated kernel, which waits for its request, made
    240 widget models of the Elterngeld page's first answer instead of about 140 (issue 23: the page's
    first load). Outside a kernel nothing runs, as for :func:`when_idle`.
    """
    if _kernel_loop() is None:
        return
    _GATE.install()
    if _GATE.answered:
        when_idle(action, delay)
    else:
        _GATE.waiting.append((action, delay))


def warm_parameters() -> None:
    """Read every benefit's dated parameters now, while the kernel waits for its request.

    The rules read their ``params.yaml`` the first time they are asked (cached after), which was a
    wizard's first "Weiter": the Elterngeld wizard's second step waited for ``elterngeld/params.yaml``
    (issue 23). A file that cannot be read is the rule's to report when it is asked, not the page's.
    """
    from workbench.parameters import parameter_files, parameters

    for benefit in parameter_files():
        try:
            parameters(benefit)
        except Exception as error:  # noqa: BLE001 - the rule that needs it reports it with its step
            log_failure(f"warm_parameters ({benefit})", error)


def after_request(action: Callable[[dict[str, str]], None], name: str) -> None:
    """Wait for the page's request in a thread, then run ``action(parameters)`` on the kernel's loop.

    Until ``action`` has run, the browser's request for the widgets' states is held
    (:func:`hold_widget_states`), so the browser builds the filled page, not the empty one.
    If the parameters cannot be read (the websocket failed), the failure is logged and the page
    goes on as for a request without parameters: a new German case, never an empty page.
    """
    hold_widget_states()
    warm_parameters()

    def fill(params: dict[str, str]) -> None:
        try:
            action(params)
        finally:
            release_widget_states()

    def wait() -> None:
        try:
            params = request_parameters()
        except Exception as error:  # noqa: BLE001 - logged with a reference; the page still comes
            log_failure(f"{name} (request)", error)
            params = {}
        on_kernel_loop(lambda: fill(params))

    threading.Thread(target=wait, daemon=True, name=f"wb-request-{name}").start()


SETTLE_S = 0.3
"""How long after the last field update a click on "Weiter"/"Zurück" may still be followed by a held-back one."""
MAX_WAIT_S = 1.0
"""A click waits at most this long for the fields to settle (a field changing without end must not block it)."""


def after_field_updates(action: Callable[[], None], last_entry: Callable[[], float],
                        quiet: float = SETTLE_S, clock: Callable[[], float] | None = None) -> None:
    """Run ``action`` once no held-back field update can still come; at once when the fields are quiet.

    ipywidgets sends one update per widget and holds the next until the kernel has answered; a
    click is sent at once. A date typed with the keyboard changes the field once per part
    (year 2, 20, 202, 2026), so "Weiter" right after it reached the kernel before the last part:
    the step was checked with 01.03.0202 and refused (ADR 0014). A held update leaves the browser
    as soon as it reads the kernel's answer to the one before, a few milliseconds after the kernel
    handled that one. So only a click that comes within ``quiet`` seconds of the last field update
    (``last_entry``, monotonic) waits, until the fields have been quiet that long (at most
    :data:`MAX_WAIT_S`); a click after a pause, the usual case, runs at once (issue 23: every
    "Weiter" used to wait 0.3 s).
    """
    loop = _kernel_loop()
    clock = clock or time.monotonic  # looked up now, like the wizard's notes of entries
    clicked = clock()

    def attempt() -> None:
        now = clock()
        remaining = quiet - (now - last_entry())
        if remaining <= 0.001 or loop is None or now - clicked >= MAX_WAIT_S:  # a millisecond: float rounding
            action()
        else:
            loop.call_later(min(remaining, MAX_WAIT_S - (now - clicked)), attempt)

    attempt()


def when_idle(action: Callable[[], None], delay: float) -> None:
    """Run ``action`` on the kernel's loop after ``delay`` seconds (work nobody waits for); not outside a kernel."""
    loop = _kernel_loop()
    if loop is not None and hasattr(loop, "call_later"):
        loop.add_callback(lambda: loop.call_later(delay, action))  # add_callback: safe from any thread

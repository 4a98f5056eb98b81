"""A preheated wizard kernel must not wait for its visitor inside the cell.

Voila executes a pooled kernel's notebook before any request, with a timeout per cell
(``VoilaExecutor.timeout`` in voila.json, 60 s). A cell that waits for the request fails with
"Cell execution timed out" for every visitor who comes later than that (seen in the browser
tests and with a probe: a request 100 s after the server started got that page). The page is
shown at once and the request is awaited in a thread.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import ipywidgets as w
import pytest

from tests.memory_store import MemoryStore
from workbench.ui import elterngeld_wizard as ew


def test_the_preheated_cell_ends_before_the_request_and_the_page_follows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    arrived = threading.Event()
    query: dict[str, str] = {}
    shown: list[Any] = []

    def wait_for_request() -> dict[str, str]:
        assert arrived.wait(30)
        return dict(query)

    monkeypatch.setattr(ew, "preheated", lambda: True)
    monkeypatch.setattr(ew, "request_parameters", wait_for_request)
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

"""Work around a known problem of the preheated Elterngeld page in the browser tests.

The Elterngeld notebook's preheated kernel waits for its request inside a cell, and Voila's cell
timeout (``VoilaExecutor.timeout`` = 60 s in voila.json) also runs while it waits: a preheated
Elterngeld page that nobody opens within 60 s shows "Cell execution timed out" to its next visitor
(reproduced on main, reported to the lead). The Mutterschutz and Elternzeit tests take longer than
that and run between the Elterngeld tests and the navigation test, so after them this fixture
opens the Elterngeld page once and discards it: Voila then preheats a fresh kernel for the next test.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from contextlib import suppress

import pytest


@pytest.fixture(scope="module", autouse=True)
def fresh_elterngeld_kernel_afterwards(voila_url: str) -> Iterator[None]:
    yield
    with suppress(OSError):
        urllib.request.urlopen(voila_url + "/voila/render/elterngeld.ipynb", timeout=180).read()

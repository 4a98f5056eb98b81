"""The page as ``benchmarks/load.py --client protocol`` opens it: the browser's messages against a real server.

What the benchmark's figures for 20 advisors rest on must be what a browser does, so this walks the
Elterngeld wizard's first step with the benchmark's client (benchmarks/protocol_client.py) against
``workbench.serve`` with the repository's voila.json (preheated pools), and checks what issue 23
asks of a page: its first answer is the filled first step and nothing of the steps after it (the next
step is built once the browser has the page), "Weiter" saves, and a closed page frees its kernel.
"""

from __future__ import annotations

import asyncio
import importlib.util
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.deploy.servers import ROOT, TOKEN, Server, free_port, get, start


def _load_client() -> Any:
    """benchmarks/ is a folder of scripts, not a package, and its voila.py would hide the voila package
    from every later import if the folder were put on ``sys.path``: the client is loaded from its file."""
    spec = importlib.util.spec_from_file_location("protocol_client", ROOT / "benchmarks" / "protocol_client.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ProtocolPage


ProtocolPage = _load_client()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = free_port()
    server = start(["-m", "workbench.serve", "notebooks/", f"--port={port}"], ready="/voila/static/voila.js",
                   env={"WORKBENCH_DATA": str(tmp_path_factory.mktemp("daten")), "WORKBENCH_TOKEN": TOKEN},
                   name="protocol-client", port=port)
    yield server
    server.stop()


async def _first_step(url: str) -> tuple[set[str], int, bool]:
    page = ProtocolPage(url, timeout=120)
    try:
        await page.open(f"/voila/render/elterngeld.ipynb?token={TOKEN}")
        first = {str(s.get("description")) for s in page.models.values() if s.get("_model_name") == "TextModel"}
        models = len(page.models)
        await page.type(page.find("TextModel", description="Vorname"), "Protokollprobe")
        await asyncio.sleep(0.5)  # as a person moves from the field to the button
        await page.click(page.find("ButtonModel", description="Weiter"))
        await page.wait_for(lambda: page.shows("Schritt 2 von 6"), 120)
        await page.wait_for(lambda: page.shows(r"Gespeichert.*Version"), 120)
        kernel = page.kernel
    finally:
        await page.close()
    await asyncio.sleep(2)
    return first, models, get(f"{url}/api/kernels/{kernel}").status == 404


def test_a_page_without_browser_walks_the_first_step_and_its_kernel_ends_with_the_page(served: Server) -> None:
    # in a thread with its own event loop: the browser tests' Playwright (sync API) keeps one running in this
    # thread for the whole session, and asyncio.run() refuses to start inside it
    with ThreadPoolExecutor(1) as thread:
        first, models, ended = thread.submit(lambda: asyncio.run(_first_step(served.url))).result(timeout=600)
    assert "Vorname" in first
    assert "Geburtstag oder errechneter Termin" not in first  # the child's step comes after the page
    assert models < 200  # the first step and the wizard's frame (about 140), not the next step as well
    assert ended  # the page's goodbye shut its kernel down


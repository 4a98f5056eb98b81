"""Browser fixtures: the repository's Voila on a free port, Debian's chromium via Playwright.

Voila runs from the repository root so that it reads the real ``voila.json`` (sources
stripped, tracebacks hidden, preheated start page); only the port is overridden.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.deploy.servers import ARTIFACTS, ROOT, free_port, start
from tests.shared import BLANKS

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# how Playwright launches Debian's chromium (the deploy tests use the same)
LAUNCH_ARGS: dict[str, Any] = {"executable_path": CHROMIUM,
                               "args": ["--no-sandbox", "--disable-gpu", "--headless", "--disable-dev-shm-usage"]}


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Voila server's WORKBENCH_DATA: a fresh case store, never the advisor's."""
    return tmp_path_factory.mktemp("workbench-data")


@pytest.fixture(scope="session")
def voila_url(data_dir: Path) -> Iterator[str]:
    """Base URL of a Voila server serving ``notebooks/`` with the repository's voila.json."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium not found at {CHROMIUM}: apt-get install chromium (see .ci/run)")
    port = free_port()
    server = start(
        # the cell timeout of voila.json (60 s) is raised for tests only: on a loaded machine (eight
        # developers on two cores) running a notebook took longer, and the page showed the timeout
        ["-m", "voila", "notebooks/", "--no-browser", f"--port={port}", "--VoilaExecutor.timeout=300"],
        # a static file starts no kernel, unlike /voila/render/...
        ready="/voila/static/voila.js", name="voila", port=port, timeout=60,
        env={"WORKBENCH_DATA": str(data_dir),
             "WORKBENCH_FORMS_DIR": os.environ.get("WORKBENCH_FORMS_DIR", str(BLANKS))},
    )
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots, the axe report and the voila log."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# --- pytest-playwright overrides --------------------------------------------------------
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, **LAUNCH_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1200, "height": 900}, "locale": "de-DE"}


NAVIGATION_TIMEOUT_MS = 120_000
"""Voila answers a page only after running its notebook; on a loaded machine that takes longer than
Playwright's default 30 s for ``page.goto`` (seen with eight developers on two cores)."""


EXPECT_TIMEOUT_MS = 20_000
"""Default wait of ``expect(...)`` (Playwright's 5 s is too short for a kernel answering under that load)."""


@pytest.fixture(autouse=True)
def _patient_navigation(request: pytest.FixtureRequest) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    if "page" in request.fixturenames:
        request.getfixturevalue("page").set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)

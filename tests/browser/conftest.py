"""Browser fixtures: the repository's Voila on a free port, Debian's chromium via Playwright.

Voila runs from the repository root so that it reads the real ``voila.json`` (sources
stripped, tracebacks hidden, preheated start page); only the port is overridden.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("WORKBENCH_TEST_ARTIFACTS", ROOT / "test-artifacts"))
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_served(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        with suppress(OSError):
            # a static file starts no kernel, unlike /voila/render/...
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        time.sleep(0.1)
    raise TimeoutError(f"voila did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


def _stop(proc: subprocess.Popen[bytes], log_file: IO[Any]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # voila shuts its kernels down on SIGTERM
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    with suppress(ProcessLookupError):  # kernels left in voila's own process group
        os.killpg(proc.pid, signal.SIGKILL)
    log_file.close()


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Voila server's WORKBENCH_DATA: a fresh case store, never the advisor's."""
    return tmp_path_factory.mktemp("workbench-data")


@pytest.fixture(scope="session")
def voila_url(data_dir: Path) -> Iterator[str]:
    """Base URL of a Voila server serving ``notebooks/`` with the repository's voila.json."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium not found at {CHROMIUM}: apt-get install chromium (see .ci/run)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log = ARTIFACTS / "voila.log"
    log_file = log.open("w")
    proc = subprocess.Popen(
        # the cell timeout of voila.json (60 s) is raised for tests only: on a loaded machine (eight
        # developers on two cores) running a notebook took longer, and the page showed the timeout
        [sys.executable, "-m", "voila", "notebooks/", "--no-browser", f"--port={port}", "--VoilaExecutor.timeout=300"],
        cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "WORKBENCH_DATA": str(data_dir),
             "WORKBENCH_FORMS_DIR": os.environ.get("WORKBENCH_FORMS_DIR", str(ROOT.parent / "shared" / "forms"))},
        start_new_session=True,  # own process group: teardown reaches the kernels too
    )
    try:
        _wait_until_served(f"http://127.0.0.1:{port}/voila/static/voila.js", proc, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(proc, log_file)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots, the axe report and the voila log."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# --- pytest-playwright overrides --------------------------------------------------------
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--headless", "--disable-dev-shm-usage"],
    }


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

"""A closed page frees its kernel; a page whose kernel is gone says so (issue 23, ADR 0031).

Against ``workbench serve`` (what ``make run`` starts) with room for only four pages at once,
so that kernels left behind by closed pages would refuse the fifth page with 503: one browser
opens and closes 50 pages in a row (closing the tab, and navigating away), the 51st is served,
and afterwards the server holds no more kernels than its preheat pools.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import NAVIGATION_TIMEOUT_MS
from tests.browser.test_start_page import KERNEL_READY_MS, START
from tests.deploy.servers import AUTH, ROOT, TOKEN, Server, free_port, start
from tests.shared import BLANKS
from workbench.serve.pools import pool_sizes, served_notebooks

ROOM = 4
"""max_sessions of the test server: a fifth kernel left behind would refuse the next page."""
GRACE_S = 30
"""orphan_grace_s of the test server: a page gone without a goodbye is freed after this (voila.json: 60 s).
Not shorter: on the loaded CI machine a page's browser took more than 8 s to connect to its kernel."""


def pool_size(notebooks: Path = ROOT / "notebooks") -> int:
    """Kernels the server keeps heated: the pools it sizes from voila.json's number of advisors."""
    advisors = json.loads((ROOT / "voila.json").read_text())["WorkbenchVoila"]["advisors"]
    config = pool_sizes(advisors, served_notebooks(notebooks))
    return sum(entry["pool_size"] for name, entry in config.items() if name != "default")


def kernels(server: Server) -> int:
    """Kernel processes the server runs now."""
    count = 0
    for child in psutil.Process(server.proc.pid).children(recursive=True):
        try:
            count += "ipykernel" in " ".join(child.cmdline())
        except psutil.NoSuchProcess:
            pass
    return count


def wait_for_kernels(server: Server, wanted: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while (now := kernels(server)) != wanted and time.monotonic() < deadline:
        time.sleep(0.5)
    return now


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("lifecycle-data")
    port = free_port()
    served = start(["-m", "workbench.serve", "notebooks/", f"--port={port}", "--VoilaExecutor.timeout=300",
                    f"--WorkbenchVoila.max_sessions={ROOM}", f"--WorkbenchVoila.orphan_grace_s={GRACE_S}",
                    "--WorkbenchVoila.reap_interval_s=2",
                    # one browser opens 51 pages in a few minutes: this test is about kernels, not the rate limit
                    "--WorkbenchVoila.page_burst=0"],
                   ready="/voila/static/voila.js", name="voila-lifecycle", port=port, timeout=90,
                   env={"WORKBENCH_DATA": str(data), "WORKBENCH_TOKEN": TOKEN, "WORKBENCH_FORMS_DIR": str(BLANKS)})
    try:
        wait_for_kernels(served, pool_size(), timeout=240)  # the pools heat (13 kernels) before the advisor comes
        time.sleep(5)  # and their notebooks run
        yield served
    finally:
        served.stop()


@pytest.fixture()
def advisor(browser: Browser, server: Server) -> Iterator[BrowserContext]:
    """A browser logged in as an advisor is: through the link with the token, then by cookie."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="de-DE")
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    page = context.new_page()
    page.goto(f"{server.url}{START}?token={TOKEN}")
    expect(page.get_by_role("button", name="Berechnen")).to_be_visible(timeout=KERNEL_READY_MS)
    page.close(run_before_unload=True)
    try:
        yield context
    finally:
        context.close()


def open_start_page(context: BrowserContext, server: Server) -> Page:
    page = context.new_page()
    reply = page.goto(server.url + START)
    assert reply is not None and reply.status == 200, page.content()[:300]
    expect(page.get_by_role("button", name="Berechnen")).to_be_visible(timeout=KERNEL_READY_MS)
    return page


def test_fifty_pages_opened_and_closed_in_a_row_free_their_kernels_and_the_51st_is_served(
        advisor: BrowserContext, server: Server) -> None:
    for i in range(50):
        page = open_start_page(advisor, server)
        if i % 2:  # the advisor goes elsewhere in the same tab …
            page.goto("about:blank")
            page.close()
        else:  # … or closes the tab
            page.close(run_before_unload=True)
    last = open_start_page(advisor, server)
    last.close(run_before_unload=True)
    log = server.log_text()
    assert "_xsrf' argument missing" not in log
    goodbyes = log.count("its page was closed, shut down")
    assert goodbyes >= 45, f"only {goodbyes} of 51 pages said goodbye"  # the reaper may beat a slow beacon
    assert wait_for_kernels(server, pool_size(), timeout=60) == pool_size()


def test_a_page_gone_without_goodbye_frees_its_kernel_after_the_grace_period(
        advisor: BrowserContext, server: Server) -> None:
    wait_for_kernels(server, pool_size(), timeout=60)
    pages = [open_start_page(advisor, server) for _ in range(3)]
    for page in pages:
        page.close()  # no beforeunload: as when the browser crashes or the laptop goes away
    time.sleep(1)
    assert kernels(server) == pool_size() + 3  # no goodbye: the kernels are still there
    assert wait_for_kernels(server, pool_size(), timeout=GRACE_S + 30) == pool_size()
    assert "its page has had no connection" in server.log_text()


def test_a_page_whose_kernel_is_gone_says_so_and_reloads_its_case(advisor: BrowserContext, server: Server) -> None:
    page = advisor.new_page()
    page.goto(server.url + "/voila/render/elterngeld.ipynb")
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=KERNEL_READY_MS)
    page.get_by_label("Vorname").first.fill("Mia")
    page.get_by_role("button", name="Weiter").click()
    expect(page.locator(".wb-progress-text")).to_contain_text("Schritt 2")
    status = page.locator(".wb-status")
    expect(status).to_contain_text(re.compile("Gespeichert"))
    case = status.get_attribute("data-wb-case")
    assert case
    kernel = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    # the server shuts the kernel down as its reaper would while the tab slept
    request = urllib.request.Request(f"{server.url}/voila/api/shutdown/{kernel}", data=b"", headers=AUTH, method="POST")
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.status == 204
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # the advisor looks at the tab again
    notice = page.locator(".wb-gone")
    expect(notice).to_contain_text("Diese Seite wurde geschlossen")
    reload = notice.get_by_role("link", name="Seite neu laden")
    assert f"case={case}" in (reload.get_attribute("href") or "")
    reload.click()
    # the case reopens where it was left (issue 24), its entries kept
    expect(page.locator(".wb-progress-text")).to_contain_text("Schritt 2", timeout=KERNEL_READY_MS)
    page.get_by_role("button", name="1. Familie").click()
    expect(page.get_by_label("Vorname").first).to_have_value("Mia")
    page.close(run_before_unload=True)


def test_the_goodbye_route_shuts_down_no_unknown_kernel(server: Server) -> None:
    request = urllib.request.Request(f"{server.url}/voila/api/shutdown/00000000-0000-0000-0000-000000000000",
                                     data=b"", headers=AUTH, method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    refused.value.close()
    assert refused.value.code == 404

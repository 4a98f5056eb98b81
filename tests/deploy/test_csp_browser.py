"""The served workbench in Chromium: login link, Content-Security-Policy, and another site's ``<img>`` tags.

``workbench serve`` (what ``make run`` starts, with the tests' token) on a free loopback port:

- the printed kind of link (``…/start.ipynb?token=…``) logs the browser in and leaves the address
  without the token; the start page and the Elterngeld wizard render and work under the policy
  (no violation but the template's CDN stylesheets, which the policy is meant to block);
- a page of another origin with five ``<img src=…/voila/render/…>`` starts no kernel
  (issue 25), though Chromium sends the login cookie along (same site: another port of 127.0.0.1).
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import Browser, ConsoleMessage, expect

from tests.deploy.servers import ARTIFACTS, TOKEN, Server, free_port, start

READY_MS = 180_000
REFUSED = "page start.ipynb asked for by another site (same-site): no kernel"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("csp-daten")
    port = free_port()
    server = start(["-m", "workbench.serve", "notebooks/", f"--port={port}", "--VoilaExecutor.timeout=300"],
                   ready="/voila/static/voila.js", env={"WORKBENCH_DATA": str(data), "WORKBENCH_TOKEN": TOKEN},
                   name="voila-csp", port=port)
    yield server
    server.stop()


def _kernels(server: Server) -> int:
    """Running kernel processes; one that just died (a zombie until the server reaps it) does not count."""
    count = 0
    for child in psutil.Process(server.proc.pid).children(recursive=True):
        try:
            count += "ipykernel" in " ".join(child.cmdline())
        except psutil.NoSuchProcess:  # ZombieProcess too: seen when a kernel's port was taken meanwhile
            continue
    return count


def _steady_kernels(server: Server) -> int:
    """The kernel count once the preheat pools have stopped refilling (same count 3 s apart)."""
    count = -1
    for _ in range(40):
        now = _kernels(server)
        if now == count:
            return now
        count = now
        time.sleep(3)
    return count


def test_the_start_page_and_a_wizard_work_under_the_content_security_policy(served: Server, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.set_default_navigation_timeout(READY_MS)
    violations: list[str] = []
    console: list[str] = []

    def note(message: ConsoleMessage) -> None:
        console.append(f"{message.type}: {message.text}")
        if "Content Security Policy" in message.text and "cdn.jsdelivr.net" not in message.text:
            violations.append(message.text)

    page.on("console", note)
    page.goto(f"{served.url}/voila/render/start.ipynb?token={TOKEN}")
    expect(page.get_by_role("button", name="Berechnen")).to_be_visible(timeout=READY_MS)
    assert page.url == f"{served.url}/voila/render/start.ipynb"  # the token left the address
    assert any(c["sameSite"] == "Strict" and c["httpOnly"] for c in context.cookies())

    page.goto(f"{served.url}/voila/render/elterngeld.ipynb")  # the cookie, no token
    try:
        expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=READY_MS)
    except AssertionError:  # what the browser saw, for the next look (an empty page once in CI)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "csp-elterngeld-leer.png"), full_page=True)
        (ARTIFACTS / "csp-elterngeld-console.txt").write_text("\n".join(console), encoding="utf-8")
        raise
    page.get_by_label("Vorname").fill("Anna")
    page.get_by_role("button", name="Weiter").click()
    expect(page.locator(".wb-progress-text")).to_contain_text("Schritt 2 von 6", timeout=60_000)
    expect(page.locator(".wb-status")).to_contain_text("Gespeichert", timeout=60_000)  # the kernel's websocket works
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "csp-elterngeld-schritt-2.png"), full_page=True)
    assert not violations, violations
    context.close()


@pytest.fixture()
def foreign_site(tmp_path: Path, served: Server) -> Iterator[str]:
    """Another origin (another port) whose page embeds five workbench pages as images."""
    imgs = "".join(f'<img src="{served.url}/voila/render/start.ipynb?i={i}" alt="">' for i in range(5))
    (tmp_path / "index.html").write_text(f"<!DOCTYPE html><html><body><p>Fremde Seite</p>{imgs}</body></html>",
                                         encoding="utf-8")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/index.html"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


def test_img_tags_of_another_site_start_no_kernel_even_with_the_login_cookie(
        served: Server, browser: Browser, foreign_site: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served.url}/voila/render/missing.ipynb?token={TOKEN}")  # logs in (then 404, no kernel)
    assert any(c["name"].startswith("username-") for c in context.cookies())
    before = _steady_kernels(served)
    refused = served.log_text().count(REFUSED)
    page.goto(foreign_site)  # Chromium sends Sec-Fetch-Site: same-site, Sec-Fetch-Dest: image, and the cookie
    for _ in range(30):  # the refusal is logged before the access line of its answer: wait for both
        log = served.log_text()
        if log.count(REFUSED) >= refused + 5 and log.count("403 GET /voila/render/start.ipynb?i=") >= 5:
            break
        page.wait_for_timeout(1_000)
    log = served.log_text()
    assert log.count(REFUSED) == refused + 5
    assert log.count("403 GET /voila/render/start.ipynb?i=") == 5
    page.wait_for_timeout(3_000)
    assert _kernels(served) == before
    context.close()

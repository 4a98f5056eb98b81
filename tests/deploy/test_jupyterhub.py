"""Several advisors: JupyterHub with deploy/jupyterhub_config.py, two advisors, one shared case store.

The real hub (``python -m jupyterhub``) with the repository's configuration, its proxy
(configurable-http-proxy from ``node_modules``) and one ``workbench serve --hub`` per advisor,
all on free loopback ports. Only the login is swapped for a shared password. Eva and Jonas
log in in their own browser contexts, each saves a case through the Elterngeld wizard, and
each then finds both cases on the start page.

Run alone: ``pytest -m hub`` (about a minute on a quiet machine).
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.deploy.servers import ARTIFACTS, ROOT, Server, free_port, start
from workbench.serve import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.hub

PASSWORD = "Beratung-im-Test-2026"  # the shared test password; the office uses PAM, LDAP or OAuth
ADVISORS = {"eva": "Anna", "jonas": "Berta"}  # login → first name of the invented family they enter
READY_MS = 180_000  # login, spawn, kernel start and notebook run on a busy machine


def _chp() -> Path:
    chp = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
    if not chp.exists():
        pytest.fail("configurable-http-proxy is missing: run `make axe` (npm install, see package.json)")
    return chp


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    _chp()
    base = tmp_path_factory.mktemp("hub")
    data, state = base / "daten", base / "hub-state"
    port, hub_port, api_port = free_port(), free_port(), free_port()
    overlay = base / "jupyterhub_test_config.py"
    overlay.write_text(
        "c = get_config()  # noqa: F821\n"
        f"load_subconfig({str(ROOT / 'deploy' / 'jupyterhub_config.py')!r})  # noqa: F821\n"
        f"c.JupyterHub.hub_bind_url = 'http://127.0.0.1:{hub_port}'\n"
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{api_port}'\n"
        "c.JupyterHub.authenticator_class = 'shared-password'\n"
        f"c.SharedPasswordAuthenticator.user_password = {PASSWORD!r}\n",
        encoding="utf-8")
    env = {"WORKBENCH_HUB_BIND": f"http://127.0.0.1:{port}", "WORKBENCH_HUB_STATE": str(state),
           "WORKBENCH_DATA": str(data), "WORKBENCH_ADVISORS": ",".join(ADVISORS)}
    server = start(["-m", "jupyterhub", "-f", str(overlay)], ready="/hub/api", env=env, name="jupyterhub",
                   port=port, timeout=120)
    try:
        yield server, data
    finally:
        # the advisors' servers run in sessions of their own: find them before the hub goes
        with suppress(psutil.NoSuchProcess):
            children = psutil.Process(server.proc.pid).children(recursive=True)
        server.stop()
        for child in children:
            with suppress(ProcessLookupError, PermissionError):
                os.killpg(child.pid, signal.SIGKILL)


def _login(browser: Browser, url: str, login: str) -> Page:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(url + "/hub/login")
    page.locator("#username_input").fill(login)
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()
    # hub → spawn → /user/<login>/ → the start page (after the OAuth round trip with the hub)
    expect(page.get_by_role("button", name="Berechnen")).to_be_visible(timeout=READY_MS)
    assert f"/user/{login}/voila/render/start.ipynb" in page.url
    # the advisor's server sends its Content-Security-Policy through the hub's proxy (a 404 starts no kernel)
    reply = page.request.get(f"{url}/user/{login}/voila/render/keine-seite.ipynb")
    assert reply.status == 404
    assert reply.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    return page


def _save_a_case(page: Page, url: str, login: str, first_name: str) -> str:
    page.goto(f"{url}/user/{login}/voila/render/elterngeld.ipynb")
    expect(page.get_by_role("button", name="Weiter")).to_be_visible(timeout=READY_MS)
    page.get_by_label("Vorname").fill(first_name)
    for step, fill in ((2, None), (3, ("Geburtstag oder errechneter Termin", "2026-06-15")),
                       (4, ("Bruttolohn pro Monat vor der Geburt (€)", "3.000")), (5, None)):
        if fill:
            page.get_by_label(fill[0]).fill(fill[1])
        if step == 4:  # she gives birth (ADR 0039): Mutterschaftsgeld is then ticked for the employed parent
            page.get_by_label("Bringt das Kind zur Welt").check()
        page.get_by_role("button", name="Weiter").click()
        expect(page.locator(".wb-progress-text")).to_contain_text(f"Schritt {step} von 6", timeout=60_000)
    # 3.000 € Steuerklasse 1, birth 15.06.2026: 1.274,65 € Basiselterngeld (as on the start page); the employed
    # parent who gives birth gets Mutterschaftsgeld by default (issue 24), so Lebensmonate 1–2 are Mutterschutz:
    # 10 × 1.274,65 €
    expect(page.locator(".wb-planner")).to_contain_text("12.746,50 €", timeout=60_000)
    status = page.locator(".wb-status")
    expect(status).to_contain_text("Gespeichert", timeout=60_000)
    match = re.search(r"Fall (\S+), [Vv]ersion", status.inner_text())
    assert match, status.inner_text()
    page.screenshot(path=str(ARTIFACTS / f"hub-{login}-planer.png"))
    return match.group(1)


def test_two_advisors_log_in_each_saves_a_case_and_each_sees_both_in_the_shared_store(
        hub: tuple[Server, Path], browser: Browser) -> None:
    server, data = hub
    pages = {login: _login(browser, server.url, login) for login in ADVISORS}
    saved = {login: _save_a_case(pages[login], server.url, login, name) for login, name in ADVISORS.items()}
    assert saved["eva"] != saved["jonas"]

    for login, page in pages.items():
        page.goto(f"{server.url}/user/{login}/voila/render/start.ipynb")
        expect(page.get_by_label("Fall suchen")).to_be_visible(timeout=READY_MS)
        for other, name in ADVISORS.items():
            link = page.get_by_role("link", name=f"Fall {name} öffnen (Elterngeld)")
            expect(link).to_be_visible(timeout=30_000)
            assert f"case={saved[other]}" in (link.get_attribute("href") or "")
        page.screenshot(path=str(ARTIFACTS / f"hub-{login}-start.png"), full_page=True)

    # one store, and every version says which advisor saved it (the hub's login)
    with sqlite3.connect(f"file:{data / 'cases.sqlite'}?mode=ro", uri=True) as conn:
        savers = dict(conn.execute("SELECT case_id, group_concat(DISTINCT saved_by) FROM versions GROUP BY case_id"))
    assert savers == {saved["eva"]: "eva", saved["jonas"]: "jonas"}

    # issue 25: the advisors' kernels must not hold the hub's API token (their servers do)
    # a kernel can end while it is looked at (the page that left the wizard says goodbye): only live ones count
    alive = {}
    for process in psutil.Process(server.proc.pid).children(recursive=True):
        with suppress(psutil.NoSuchProcess, psutil.ZombieProcess):
            alive[process.pid] = (" ".join(process.cmdline()), process.environ())
    kernels = {pid: env for pid, (cmd, env) in alive.items() if "ipykernel" in cmd}
    servers = {pid: env for pid, (cmd, env) in alive.items() if "workbench.serve" in cmd}
    assert len(kernels) >= 2 and len(servers) == 2
    assert all("JUPYTERHUB_API_TOKEN" in env for env in servers.values())  # the hub gave it to them
    leaked = [pid for pid, env in kernels.items() if {"JUPYTERHUB_API_TOKEN", "JPY_API_TOKEN"} & set(env)]
    assert not leaked, f"kernels with the hub's API token: {leaked}"
    assert all(env.get("JUPYTERHUB_USER") in ADVISORS for env in kernels.values())  # saved_by still works


def test_an_advisor_cannot_open_another_advisors_server(hub: tuple[Server, Path], browser: Browser) -> None:
    server, _ = hub
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "/hub/login")
    page.locator("#username_input").fill("eva")
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()
    page.wait_for_url(re.compile(r"/user/eva/|/hub/"), timeout=READY_MS)
    reply = page.request.get(f"{server.url}/user/jonas/voila/render/start.ipynb", max_redirects=10)
    assert reply.status in (403, 404) or "Berechnen" not in reply.text()
    assert "Familienbüro" not in reply.text()
    context.close()


def test_nobody_outside_the_advisors_list_gets_in(hub: tuple[Server, Path], browser: Browser) -> None:
    server, _ = hub
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "/hub/login")
    page.locator("#username_input").fill("mallory")
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()
    expect(page.locator("body")).to_contain_text(re.compile("Invalid username or password|Ungültig"))
    context.close()

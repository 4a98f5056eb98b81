"""The hardened Voilà application of the workbench: ``make run`` and ``workbench serve`` start it.

    python -m workbench.serve notebooks/ [--port=8866] [--ip=ADDR] [--behind-proxy --allowed-origin=URL] [--hub]

It is Voilà itself (a subclass of its application, in this process), reading ``voila.json``
from the working directory as ``voila`` does, with these refusals and additions
(docs/deploy.md, docs/adr/0013-betrieb.md, docs/adr/0017-login-und-seitenstarts.md):

- **Login by token** (:mod:`workbench.serve.login`): ``WORKBENCH_TOKEN`` (or ``--token``),
  at least 32 characters, else a random one per start; the server prints the start page's
  link with it. Every page needs it (once in the link, then a cookie).
- **Listening**: on an address other machines reach only with a configured token or
  ``--hub``; ``--behind-proxy`` only with ``--allowed-origin`` and a configured token.
  Otherwise it refuses to start with a German message (exit status 2).
- **No code, no tracebacks**: refuses ``strip_sources=False``, ``show_tracebacks=True``
  and ``--debug``.
- **Folders**: refuses to serve a folder that contains the case store's folder or the
  maintainers' notebooks (:func:`workbench.maintenance.paths.maintainers_dir`).
- **Routes**: only ``/voila/render/<notebook>`` of notebooks lying directly in the served
  folder, checked on the decoded and normalised path (:mod:`workbench.serve.handler`); the
  folder tree and the contents API answer 404; on loopback, requests for a foreign ``Host``
  (DNS rebinding) are refused; security headers and a Content-Security-Policy on every page.
- **Kernels**: only for page requests of this browser window's own origin, at most a burst
  and then a steady rate per client (429), at most ``pages_per_advisor`` per advisor and
  ``max_sessions`` in all at once (503; :mod:`workbench.serve.advisors`) — see
  :mod:`workbench.serve.handler`. A closed page's kernel is shut down by the page's goodbye
  or, after ``orphan_grace_s`` without connection, by the reaper (:mod:`workbench.serve.lifecycle`).
- **JupyterHub** (``--hub``): address and base URL from the spawner's environment, login
  through the hub (OAuth), see :mod:`workbench.serve.hub`.
- **Page template**: Voilà's template ``workbench`` is package data
  (``workbench/templates/voila/templates/workbench``); when no Jupyter data folder has it (an
  installed wheel; ``make install`` links it into the venv), :func:`find_voila_template` adds the
  package's folder to ``JUPYTER_PATH`` (ADR 0024).
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado.web import HTTPError
from traitlets import Bool, Float, Integer, Unicode
from voila.app import Voila
from tornado.ioloop import PeriodicCallback
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler

from workbench.errors import ServeRefused
from workbench.i18n import text
from workbench.maintenance.paths import maintainers_dir
from workbench.resources import VOILA_TEMPLATE, jupyter_data_dir
from workbench.serve.assets import LabExtensionsHandler
from workbench.serve.handler import PageRules, WorkbenchPageHandler
from workbench.serve.lifecycle import KernelReaper, ShutdownHandler
from workbench.serve.limits import RateLimit
from workbench.serve.pools import pool_sizes, served_notebooks
from workbench.serve.templates import install as compile_templates_once
from workbench.serve.login import TokenIdentityProvider, check_token, cookie_secret_for, new_token

__all__ = ["CONTENT_SECURITY_POLICY", "WorkbenchVoila", "check_listen", "find_voila_template", "is_loopback", "main"]

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
SECURITY_HEADERS = {
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "same-origin",  # case ids in URLs never go to other sites
    "X-Content-Type-Options": "nosniff",
}
# Measured in Chromium with the start page and the Elterngeld wizard (tests/browser/test_start_page.py,
# test_wizard_navigation.py run against workbench.serve): Voilà's lab template needs its inline
# scripts (without 'unsafe-inline' no widget renders), ipywidgets set inline styles; no eval is
# needed. Everything else only from this server: the CDN stylesheets of the template are blocked
# (the button icons come with Voilà's own bundle), nothing may frame the page but itself.
KERNEL_HIDDEN_VARIABLES = ("JUPYTERHUB_API_TOKEN", "JPY_API_TOKEN", "JUPYTER_TOKEN", "WORKBENCH_TOKEN",
                           "CONFIGPROXY_AUTH_TOKEN", "JUPYTERHUB_CRYPT_KEY")
"""Secrets of the login that a page's kernel must not inherit (issue 25: kernels inherited the hub's
API token, with which code in a kernel could act as the advisor towards the hub). Voilà starts
kernels with a copy of the server's environment, so the server drops them once its login has read
them. The store's own settings (``WORKBENCH_DATA``, ``WORKBENCH_KEY``…) stay: the kernels save cases."""

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",  # the kernel's websocket (ws: of the same host and port)
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])


def is_loopback(ip: str) -> bool:
    """True for an address or name that only this machine can reach."""
    host = ip.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_listen(ip: str, *, token: bool, behind_proxy: bool, hub: bool, allowed_origin: str = "") -> None:
    """Refuse an address other machines can reach unless a configured token or the hub checks who connects.

    ``token`` means a token the operator configured (``WORKBENCH_TOKEN``): a token made up
    at each start is fine on loopback but useless for colleagues on other machines. A proxy
    in front no longer replaces the token (issue 25: ``--behind-proxy --ip=0.0.0.0`` served
    the network without any check); it needs the address it serves (``allowed_origin``) too.
    """
    if hub:
        return
    if behind_proxy and not (token and allowed_origin):
        raise ServeRefused(text("serve.refused_proxy", "de"))
    if is_loopback(ip) or token:
        return
    shown = ip or "0.0.0.0"
    raise ServeRefused(text("serve.refused_ip", "de", ip=shown))


def check_hidden_code(strip_sources: bool, show_tracebacks: bool) -> None:
    """Refuse settings that would show notebook code or Python tracebacks to advisors."""
    if not strip_sources:
        raise ServeRefused(text("serve.refused_sources", "de"))
    if show_tracebacks:
        raise ServeRefused(text("serve.refused_tracebacks", "de"))


def check_maintainers_outside(root: Path, maintainers: Path) -> None:
    """Refuse to serve a folder that holds the maintainers' notebooks (they write ``params.yaml``)."""
    root, maintainers = root.resolve(), maintainers.resolve()
    if maintainers == root or root in maintainers.parents:
        raise ServeRefused(text("serve.refused_maintainers_in_tree", "de", maintainers=maintainers, root=root))


def check_data_outside(root: Path, data: Path) -> None:
    """Refuse to serve a folder that holds the case store (defence in depth: Voilà serves no
    such file today, but a later allowlist change must not expose it)."""
    root, data = root.resolve(), data.resolve()
    if data == root or root in data.parents:
        raise ServeRefused(text("serve.refused_data_in_tree", "de", data=data, root=root))


def find_voila_template() -> Path:
    """The Jupyter data folder Voilà finds the ``workbench`` template in; the package's own if no other has it.

    Voilà looks for templates only in Jupyter's data folders (``<folder>/voila/templates/<name>``).
    The checkout's venv has a link to the package's template (``make install``); an installed
    wheel has not, so the package's folder is added to ``JUPYTER_PATH`` (read by Voilà at the start
    and on every page; the kernels inherit it, which changes nothing for them).
    """
    from jupyter_core.paths import jupyter_path

    for folder in jupyter_path():
        if (Path(folder) / "voila" / "templates" / VOILA_TEMPLATE).is_dir():
            return Path(folder)
    package = jupyter_data_dir()
    current = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join([current, str(package)]) if current else str(package)
    return package


class WorkbenchVoila(Voila):  # type: ignore[misc]  # voila is untyped
    """Voilà with the workbench's refusals, routes, headers and session limit."""

    behind_proxy = Bool(False, config=True, help="A reverse proxy stands in front (needs allowed_origin and a token).")
    allowed_origin = Unicode("", config=True,
                             help="The address the proxy serves, e.g. https://workbench.example (with --behind-proxy).")
    hub = Bool(False, config=True, help="Spawned by JupyterHub: address, base URL and login from the hub.")
    max_sessions = Integer(20, config=True, help="Pages holding a kernel at once (0: no limit).")
    pages_per_advisor = Integer(6, config=True,
                                help="Pages one advisor (login, hub user, or token client's address) may hold at once "
                                     "(0: no limit of their own).")
    advisors = Integer(0, config=True,
                       help="Advisors of the office: sizes the preheat pool of every page (0: voila.json's pools).")
    orphan_grace_s = Float(60.0, config=True,
                           help="A page's kernel without connection and activity for this long is shut down (s).")
    reap_interval_s = Float(15.0, config=True, help="How often the server looks for kernels of closed pages (s).")
    page_burst = Integer(10, config=True, help="Pages one client may start at once (0: no rate limit).")
    pages_per_minute = Float(2.0, config=True, help="Further page starts per client and minute after the burst.")

    flags = {
        **Voila.flags,
        "behind-proxy": ({"WorkbenchVoila": {"behind_proxy": True}}, "A reverse proxy stands in front."),
        "hub": ({"WorkbenchVoila": {"hub": True}}, "Started by JupyterHub's spawner."),
    }
    aliases = {**Voila.aliases, "ip": "Voila.ip", "allowed-origin": "WorkbenchVoila.allowed_origin"}

    token_generated = False

    def initialize(self, argv: Any = None) -> None:
        find_voila_template()  # before Voilà collects its template folders
        compile_templates_once()  # before the first page (the preheated ones) is rendered
        super().initialize(argv)
        configured: str | None = getattr(self, "token") or os.environ.get("WORKBENCH_TOKEN") or None
        if configured is not None:
            check_token(configured)
        if self.hub:
            self._configure_hub()
        check_listen(self.ip, token=configured is not None, behind_proxy=self.behind_proxy, hub=self.hub,
                     allowed_origin=self.allowed_origin)
        if not self.hub:  # the hub logs advisors in; everyone else needs the token (issue 25)
            self.token = configured or new_token()  # not on the command line: ps shows it
            self.token_generated = configured is None
            if configured is not None:
                self.cookie_secret = cookie_secret_for(configured)
            self.identity_provider_class = TokenIdentityProvider
            if self.allowed_origin.lower().startswith("https://"):
                self.config.TokenIdentityProvider.secure_cookie = True
        check_hidden_code(self.voila_configuration.strip_sources, self.voila_configuration.show_tracebacks)
        if not self.notebook_path:
            from workbench.store import default_store_path

            check_data_outside(Path(self.root_dir), default_store_path().parent)
            maintainers = maintainers_dir()
            if maintainers is not None:  # an installed package without WORKBENCH_MAINTAINERS_DIR has none
                check_maintainers_outside(Path(self.root_dir), maintainers)
        if self.advisors > 0 and not self.notebook_path:  # every page preheated (issue 23, workbench.serve.pools)
            advisors = 1 if self.hub else self.advisors  # under the hub every advisor has a server of their own
            pools = pool_sizes(advisors, served_notebooks(Path(self.root_dir or ".")))
            self.config.VoilaKernelManager.kernel_pools_config = pools
        settings: dict[str, Any] = dict(getattr(self, "tornado_settings"))
        headers = {**SECURITY_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY, **settings.get("headers", {})}
        # jupyter_server refuses foreign Host headers only when remote access is off
        local_only = is_loopback(self.ip) and not (self.behind_proxy or self.hub)
        rules = PageRules(root=Path(self.root_dir or "."), max_sessions=self.max_sessions,
                          orphan_grace_s=self.orphan_grace_s, rate=RateLimit(self.page_burst, self.pages_per_minute),
                          allowed_origins=(self.allowed_origin,) if self.allowed_origin else (),
                          behind_proxy=self.behind_proxy, hub=self.hub, pages_per_advisor=self.pages_per_advisor)
        self.tornado_settings = {**settings, "headers": headers, "allow_remote_access": not local_only,
                                 "workbench_rules": rules}

    @property
    def display_url(self) -> str:
        """The start page's link, with the token when this start made it up (like JupyterLab)."""
        if self.hub:
            return str(super().display_url)
        token = self.token if self.token_generated else "$WORKBENCH_TOKEN"
        link = f"{self.connection_url}voila/render/start.ipynb?token={token}"
        return text("serve.started", "de", link=link)

    def init_settings(self) -> dict[str, Any]:
        """Voilà's settings, built after the login secrets have left the environment kernels inherit.

        Voilà copies ``os.environ`` for every kernel, the preheated ones already while it builds
        its kernel manager here, so the secrets go first; the hub's OAuth client gets its API
        token through the configuration instead of the environment.
        """
        if self.hub and os.environ.get("JUPYTERHUB_API_TOKEN"):
            self.config.HubOAuth.api_token = os.environ["JUPYTERHUB_API_TOKEN"]
        for name in KERNEL_HIDDEN_VARIABLES:
            os.environ.pop(name, None)
        settings: dict[str, Any] = super().init_settings()
        return settings

    def listen(self) -> None:
        """Note whose page holds which kernel (ADR 0033), start the kernel reaper (ADR 0031), then serve
        (Voilà's ``listen`` runs the event loop)."""
        self.app.settings["workbench_rules"].owners.install(self.kernel_manager)
        if self.orphan_grace_s > 0:
            reaper = KernelReaper(self.kernel_manager, self.orphan_grace_s, self.log)
            self.app.settings["workbench_reaper"] = reaper
            self._reaping = PeriodicCallback(reaper.sweep, self.reap_interval_s * 1000)
            self._reaping.start()
        super().listen()

    def _configure_hub(self) -> None:
        from workbench.serve.hub import HubAuthorizer, HubIdentityProvider

        url = os.environ.get("JUPYTERHUB_SERVICE_URL")
        prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX")
        if not url or not prefix:
            raise ServeRefused(text("serve.refused_hub_env", "de"))
        parsed = urlparse(url)
        self.ip = parsed.hostname or "127.0.0.1"
        self.port = parsed.port or 8866
        self.base_url = prefix if prefix.endswith("/") else prefix + "/"
        self.identity_provider_class = HubIdentityProvider
        self.authorizer_class = HubAuthorizer
        self.open_browser = False

    def init_handlers(self) -> list[Any]:
        handlers: list[Any] = []
        for handler in super().init_handlers():
            if handler[1] is TornadoVoilaHandler:  # the render route: login, path, origin and limits first
                handler = (handler[0], WorkbenchPageHandler, *handler[2:])
            elif handler[1] is VoilaShutdownKernelHandler:  # the page's goodbye: never a pooled kernel
                handler = (handler[0], ShutdownHandler, *handler[2:])
            elif handler[0].endswith("/voila/labextensions/(.*)"):  # hashed files kept by the browser
                handler = (handler[0], LabExtensionsHandler, *handler[2:])
            handlers.append(handler)
        not_served = [
            url_path_join(self.server_url, r"/voila/tree(?:/.*)?"),
            url_path_join(self.server_url, r"/voila/api/contents(?:/.*)?"),
            url_path_join(self.server_url, r"/voila/files/(.*)"),
        ]
        return [(pattern, NotServedHandler) for pattern in not_served] + handlers


class NotServedHandler(JupyterHandler):
    """404 for the folder tree, the contents API and files: a page with the server's headers (and CSP)."""

    def get(self, *args: Any) -> None:
        raise HTTPError(404)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the server; exit status 2 with one German line when a setting is refused."""
    args = list(sys.argv[1:] if argv is None else argv)
    from workbench.store.trouble import store_notice

    notice = store_notice()  # e.g. the key of an encrypted store is missing: say so now, not page by page
    if notice:
        print(f"workbench serve: {notice}", file=sys.stderr)
    try:
        WorkbenchVoila.launch_instance(argv=args)
    except ServeRefused as exc:
        print(f"workbench serve: {exc}", file=sys.stderr)
        return 2
    return 0


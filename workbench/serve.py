"""Serve the workbench with Voilà, hardened: ``make run`` and ``workbench serve`` start this.

    python -m workbench.serve notebooks/ [--port=8866] [--ip=ADDR] [--behind-proxy] [--hub]

It is Voilà itself (a subclass of its application, in this process), reading ``voila.json``
from the working directory as ``voila`` does, with these refusals and additions
(docs/deploy.md, docs/adr/0013-betrieb.md):

- **Listening**: only on a loopback address (127.0.0.1, ::1, localhost) unless a token is
  set (``WORKBENCH_TOKEN`` in the environment, or ``--token``), ``--behind-proxy`` says
  that an authenticating reverse proxy stands in front, or ``--hub`` (JupyterHub logs in).
  Otherwise it refuses to start with a German message (exit status 2).
- **No code, no tracebacks**: refuses ``strip_sources=False``, ``show_tracebacks=True``
  and ``--debug``.
- **Data folder**: refuses to serve a folder that contains the case store's folder.
- **Routes**: only ``/voila/render/…`` of the advisor notebooks; the maintainers' notebooks,
  the folder tree and the contents API answer 404; on loopback, requests for a foreign
  ``Host`` (DNS rebinding) are refused; security headers on every page.
- **Kernels**: at most ``max_sessions`` pages hold a kernel at once (pooled kernels do not
  count); when full, kernels of closed tabs (no connection for ``orphan_grace_s``) are shut
  down first, otherwise the page says, with status 503, to close a window and retry.
- **JupyterHub** (``--hub``): address and base URL from the spawner's environment, login
  through the hub (OAuth), see :mod:`workbench.serve_hub`.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jupyter_server.utils import url_path_join
from tornado.web import ErrorHandler
from traitlets import Bool, Float, Integer, List, Unicode
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from workbench.errors import ServeRefused
from workbench.i18n import text
from workbench.serve_limits import LimitedVoilaHandler

__all__ = ["WorkbenchVoila", "check_listen", "is_loopback", "main"]

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
SECURITY_HEADERS = {
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "same-origin",  # case ids in URLs never go to other sites
    "X-Content-Type-Options": "nosniff",
}


def is_loopback(ip: str) -> bool:
    """True for an address or name that only this machine can reach."""
    host = ip.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_listen(ip: str, *, token: bool, behind_proxy: bool, hub: bool) -> None:
    """Refuse an address other machines can reach unless someone checks who connects."""
    if is_loopback(ip) or token or behind_proxy or hub:
        return
    shown = ip or "0.0.0.0"
    raise ServeRefused(text("serve.refused_ip", "de", ip=shown))


def check_hidden_code(strip_sources: bool, show_tracebacks: bool) -> None:
    """Refuse settings that would show notebook code or Python tracebacks to advisors."""
    if not strip_sources:
        raise ServeRefused(text("serve.refused_sources", "de"))
    if show_tracebacks:
        raise ServeRefused(text("serve.refused_tracebacks", "de"))


def check_data_outside(root: Path, data: Path) -> None:
    """Refuse to serve a folder that holds the case store (defence in depth: Voilà serves no
    such file today, but a later allowlist change must not expose it)."""
    root, data = root.resolve(), data.resolve()
    if data == root or root in data.parents:
        raise ServeRefused(text("serve.refused_data_in_tree", "de", data=data, root=root))


class WorkbenchVoila(Voila):  # type: ignore[misc]  # voila is untyped
    """Voilà with the workbench's refusals, routes, headers and session limit."""

    behind_proxy = Bool(False, config=True, help="An authenticating reverse proxy stands in front.")
    hub = Bool(False, config=True, help="Spawned by JupyterHub: address, base URL and login from the hub.")
    max_sessions = Integer(20, config=True, help="Pages holding a kernel at once (0: no limit).")
    orphan_grace_s = Float(300.0, config=True,
                           help="A kernel without connection for this long counts as a closed tab.")
    hidden_folders = List(Unicode(), ["maintainers"], config=True,
                          help="Folders under the notebook root that are not served (maintainers use JupyterLab).")

    flags = {
        **Voila.flags,
        "behind-proxy": ({"WorkbenchVoila": {"behind_proxy": True}}, "An authenticating proxy stands in front."),
        "hub": ({"WorkbenchVoila": {"hub": True}}, "Started by JupyterHub's spawner."),
    }
    aliases = {**Voila.aliases, "ip": "Voila.ip"}

    def initialize(self, argv: Any = None) -> None:
        super().initialize(argv)
        token: str | None = getattr(self, "token") or os.environ.get("WORKBENCH_TOKEN")  # not on the command line: ps shows it
        self.token = token
        if self.hub:
            self._configure_hub()
        check_listen(self.ip, token=bool(token) or bool(self.auto_token),
                     behind_proxy=self.behind_proxy, hub=self.hub)
        check_hidden_code(self.voila_configuration.strip_sources, self.voila_configuration.show_tracebacks)
        if not self.notebook_path:
            from workbench.store import default_store_path

            check_data_outside(Path(self.root_dir), default_store_path().parent)
        settings: dict[str, Any] = dict(getattr(self, "tornado_settings"))
        headers = {**SECURITY_HEADERS, **settings.get("headers", {})}
        # jupyter_server refuses foreign Host headers only when remote access is off
        local_only = is_loopback(self.ip) and not (self.behind_proxy or self.hub)
        self.tornado_settings = {**settings, "headers": headers,
                                 "allow_remote_access": not local_only,
                                 "workbench_limits": (self.max_sessions, self.orphan_grace_s)}

    def _configure_hub(self) -> None:
        from workbench.serve_hub import HubAuthorizer, HubIdentityProvider

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
            if handler[1] is TornadoVoilaHandler:  # the render route: with the session limit
                handler = (handler[0], LimitedVoilaHandler, *handler[2:])
            handlers.append(handler)
        hidden = "|".join(self.hidden_folders) or "(?!)"
        not_served = [
            url_path_join(self.server_url, rf"/voila/render/(?:{hidden})(?:/.*)?"),
            url_path_join(self.server_url, r"/voila/tree(?:/.*)?"),
            url_path_join(self.server_url, r"/voila/api/contents(?:/.*)?"),
            url_path_join(self.server_url, r"/voila/files/(.*)"),
        ]
        return [(pattern, ErrorHandler, {"status_code": 404}) for pattern in not_served] + handlers


def main(argv: Sequence[str] | None = None) -> int:
    """Start the server; exit status 2 with one German line when a setting is refused."""
    args = list(sys.argv[1:] if argv is None else argv)
    from workbench.store_maintenance import store_notice

    notice = store_notice()  # e.g. the key of an encrypted store is missing: say so now, not page by page
    if notice:
        print(f"workbench serve: {notice}", file=sys.stderr)
    try:
        WorkbenchVoila.launch_instance(argv=args)
    except ServeRefused as exc:
        print(f"workbench serve: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

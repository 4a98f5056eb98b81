"""The render route of ``workbench serve``: which page requests get a kernel (issue 25, ADR 0017).

Voilà starts a kernel for every GET of ``/voila/render/<notebook>``. Before that, in order:

1. **Login** (``tornado.web.authenticated``): without a valid token or hub login the
   visitor is sent to ``/login``, which answers the German page (:mod:`workbench.serve.login`)
   or, under JupyterHub, the hub's login. A token given in the link is swapped for the login
   cookie and the browser sent on to the same page without it.
2. **Which notebook**: the decoded, normalised path must name a notebook lying directly in
   the served folder (:func:`~workbench.serve.page_requests.served_notebook`), else 404; another
   spelling of a served page is redirected to its one canonical address, which is all Voilà
   ever renders.
3. **Asked by whom**: only a page opened in this browser's own window (address bar,
   bookmark, a link of the workbench) starts a kernel
   (:func:`~workbench.serve.page_requests.page_request_origin`), else 403.
4. **How often**: per client at most a burst and then a steady rate of page starts
   (:class:`~workbench.serve.limits.RateLimit`), else 429.
5. **How many at once**: first the advisor's share (``pages_per_advisor`` pages per advisor,
   :mod:`workbench.serve.advisors`), then the server's session limit
   (:func:`~workbench.serve.limits.make_room`); else 503 naming the limit that was reached.

Every page it serves gets the ``_xsrf`` cookie: the page's goodbye when it closes (Voilà's beacon
to ``/voila/api/shutdown/<kernel>``) carries the token from it; without the cookie jupyter_server
refused every goodbye with 403 and the kernel stayed (issue 23, ADR 0031).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import tornado.web
from jupyter_server.utils import url_path_join
from voila.tornado.handler import TornadoVoilaHandler

from workbench.serve.advisors import KernelOwners, advisor_identity
from workbench.serve.limits import GRACE_AT_LIMIT_S, RateLimit, kernel_states, make_room
from workbench.serve.page_requests import Origin, page_request_origin, served_notebook
from workbench.serve.pages import advisor_busy_page, busy_page, foreign_page, not_a_page, too_many_page

__all__ = ["PageRules", "WorkbenchPageHandler"]


@dataclass
class PageRules:
    """The settings the render handler applies, built once by :class:`workbench.serve.WorkbenchVoila`."""

    root: Path
    max_sessions: int = 0
    orphan_grace_s: float = 300.0
    rate: RateLimit = field(default_factory=lambda: RateLimit(0, 0.0))
    allowed_origins: tuple[str, ...] = ()
    behind_proxy: bool = False
    hub: bool = False
    pages_per_advisor: int = 0
    owners: KernelOwners = field(default_factory=KernelOwners)


class WorkbenchPageHandler(TornadoVoilaHandler):  # type: ignore[misc]  # voila is untyped
    """Voilà's render route with login, path allowlist, origin check, rate and session limits in front."""

    @property
    def rules(self) -> PageRules:
        rules: PageRules = self.settings["workbench_rules"]
        return rules

    @tornado.web.authenticated
    async def get(self, path: str | None = None) -> None:
        if getattr(self, "_token_authenticated", False) and self.get_query_argument("token", None):
            self.redirect(self._address(self.request.path, without=("token",)))  # cookie is set
            return
        name = served_notebook(path, self.rules.root)
        if name is None:
            raise tornado.web.HTTPError(404)
        if name != path:
            self.redirect(self._address(url_path_join(self.settings.get("server_url") or self.base_url,
                                                      "voila/render", name)))
            return
        origin = page_request_origin(self.request.headers, self.request.host, self.rules.allowed_origins)
        if origin is not Origin.TRUSTED:
            self.log.warning("page %s asked for by another site (%s): no kernel", name,
                             self.request.headers.get("Sec-Fetch-Site") or "Origin/Referer")
            page = foreign_page(self._address(self.request.path)) if origin is Origin.FOREIGN_PAGE else not_a_page()
            self._answer(403, page)
            return
        wait = self.rules.rate.take(self._client())
        if wait > 0:
            self.log.warning("page start rate of a client exceeded: %s refused with 429", name)
            seconds = 3600 if math.isinf(wait) else math.ceil(wait)
            self.set_header("Retry-After", str(seconds))
            self._answer(429, too_many_page(seconds))
            return
        advisor = self._advisor()
        full = await self._room(advisor)
        if full is not None:
            self.set_header("Retry-After", "60")
            page = (advisor_busy_page(self.rules.pages_per_advisor, advisor) if full == "advisor"
                    else busy_page(self.rules.max_sessions))
            self._answer(503, page)
            return
        self.xsrf_token  # noqa: B018 - reading it sets the _xsrf cookie the page's goodbye sends back
        with self.rules.owners.serving(advisor):  # the kernel handed to this page is noted as the advisor's
            await super().get(name)

    def _answer(self, status: int, page: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(page)

    def _address(self, path: str, without: tuple[str, ...] = ()) -> str:
        """``path`` with this request's query, less the arguments ``without`` (the token)."""
        query = [(k, v.decode("utf-8", "replace")) for k, values in self.request.query_arguments.items()
                 if k not in without for v in values]
        return path + ("?" + urlencode(query) if query else "")

    def _client(self) -> str:
        """Whose page starts count together: the hub login, else the address (the proxy's client's)."""
        if self.rules.hub and self.current_user is not None:
            return f"user:{getattr(self.current_user, 'username', '')}"
        return f"ip:{self._remote_address()}"

    def _remote_address(self) -> str:
        """The client's address; behind the proxy the one it forwards."""
        if self.rules.behind_proxy:
            forwarded = self.request.headers.get("X-Real-IP") or \
                self.request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
            if forwarded:
                return str(forwarded)
        return str(self.request.remote_ip)

    def _advisor(self) -> str:
        """Whose share this page counts against (:func:`~workbench.serve.advisors.advisor_identity`)."""
        user = self.current_user
        name = getattr(user, "username", None) or None
        return advisor_identity(hub_user=name if self.rules.hub else None, cookie_user=name,
                                token_in_request=bool(getattr(self, "_token_authenticated", False)),
                                address=self._remote_address())

    async def _room(self, advisor: str) -> str | None:
        """None when the page may start a kernel, else which limit is reached: "advisor" or "server"."""
        rules = self.rules
        if rules.max_sessions <= 0 and rules.pages_per_advisor <= 0:
            return None
        try:
            states = kernel_states(self.kernel_manager)
            rules.owners.forget_all_but({k.kernel_id for k in states})
            reaper = self.settings.get("workbench_reaper")
            first_seen = None
            if reaper is not None:
                reaper.note(states)  # a kernel handed out just now gets its grace
                first_seen = reaper.first_seen
            grace = min(rules.orphan_grace_s, GRACE_AT_LIMIT_S)
            if rules.pages_per_advisor > 0 and not await make_room(
                    self.kernel_manager, rules.pages_per_advisor, grace, self.log, first_seen,
                    among=rules.owners.owned_by(advisor), whose=advisor, waiting=rules.owners.waiting(advisor)):
                return "advisor"
            # the server's count has no ``waiting``: a kernel being started is in the manager's list already
            if rules.max_sessions > 0 and not await make_room(self.kernel_manager, rules.max_sessions, grace,
                                                              self.log, first_seen):
                return "server"
            return None
        except Exception:  # noqa: BLE001 - a fault in the limit must not cost the advisor the page
            self.log.exception("session limit check failed; page served without it")
            return None

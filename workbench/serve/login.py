"""Login by token for ``workbench serve`` on one machine (issue 25; docs/deploy.md, ADR 0017).

Every local account and process can reach 127.0.0.1, so loopback alone is no protection
for case data. Like JupyterLab, the server therefore always wants a token:

- ``WORKBENCH_TOKEN`` (or ``--token``) when the operator sets one — at least
  :data:`MIN_TOKEN_LENGTH` characters, a shorter one is refused at start;
- otherwise a new random one per start (:func:`new_token`, 256 bits), shown only in the
  link the server prints on start.

The browser brings the token once, in the link (``?token=…``); the server answers with a
login cookie (HttpOnly, ``SameSite=Strict``: a page of another site sending a request here
does not carry it) and sends the browser on to the same page without the token, so it
neither stays in the address bar nor reaches the page's kernel. Programs may send
``Authorization: token …`` instead. Without a valid token a page is refused with a German
page (:class:`LoginRequiredHandler`); there is no password form to guess at.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable
from typing import Any

from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.auth.identity import PasswordIdentityProvider, User
from jupyter_server.base.handlers import JupyterHandler
from traitlets import default

from workbench.errors import ServeRefused
from workbench.i18n import text
from workbench.serve.pages import login_page

__all__ = ["MIN_TOKEN_LENGTH", "LoginRequiredHandler", "TokenIdentityProvider", "check_token", "cookie_secret_for",
           "new_token"]

MIN_TOKEN_LENGTH = 32
"""Characters a configured token needs at least; ``secrets.token_urlsafe(32)`` gives 43 (256 bits)."""

COOKIE_OPTIONS = {"httponly": True, "samesite": "Strict"}


def new_token() -> str:
    """A fresh random token (256 bits, URL-safe) for a server started without one."""
    return secrets.token_urlsafe(32)


def cookie_secret_for(token: str) -> bytes:
    """The key that signs login cookies, derived from a configured token.

    With a fixed ``WORKBENCH_TOKEN`` a restart of the server keeps the browsers logged in (Voilà
    would pick a new random key per start), and a new token logs every browser out. A token
    made up at start keeps Voilà's random key: it changes with every start anyway.
    """
    return hmac.new(token.encode(), b"workbench login cookie", "sha256").digest()


def check_token(token: str) -> None:
    """Refuse a configured token that could be guessed (issue 25: a one-character token was accepted)."""
    if len(token) < MIN_TOKEN_LENGTH:
        raise ServeRefused(text("serve.refused_short_token", "de", length=len(token), minimum=MIN_TOKEN_LENGTH))


class TokenIdentityProvider(PasswordIdentityProvider):
    """jupyter_server's token login, compared in constant time, without the password form."""

    @default("cookie_options")
    def _strict_cookie(self) -> dict[str, Any]:
        return dict(COOKIE_OPTIONS)

    async def get_user_token(self, handler: Any) -> User | None:
        token = self.token
        if not token:
            return None
        given = self.get_token(handler) or ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            return None
        # a browser that opens the link again stays the same advisor: its share of the pages
        # (workbench.serve.advisors) must not start afresh with every click on the link
        cookie_user = self.get_user_cookie(handler)
        if isinstance(cookie_user, Awaitable):
            cookie_user = await cookie_user
        return cookie_user or self.generate_anonymous_user(handler)

    def process_login_form(self, handler: Any) -> User | None:  # no form: nothing to guess at
        return None

    def get_handlers(self) -> list[tuple[str, object]]:
        """``/login`` (where tornado sends visitors without login) answers the German page."""
        return [("/login", LoginRequiredHandler)]


class LoginRequiredHandler(JupyterHandler):
    """403 with the German page saying where the link with the token is."""

    @allow_unauthenticated
    def get(self, *args: Any) -> None:
        self.set_status(403)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(login_page())

    post = get

"""The short pages the workbench server answers instead of a wizard: German first, English below.

No technical details, no request data beyond a link back to the page asked for: every
text names what to do (close a window, open the link from the terminal, wait a minute).
"""

from __future__ import annotations

from html import escape

from workbench.i18n import text

__all__ = ["advisor_busy_page", "busy_page", "foreign_page", "login_page", "not_a_page", "simple_page", "too_many_page"]


def simple_page(title_key: str, body_key: str, link: str | None = None, link_key: str | None = None,
                **args: object) -> str:
    """A whole HTML page: title and message in German, the message again in English."""
    title = escape(text(title_key, "de"))
    de, en = escape(text(body_key, "de", **args)), escape(text(body_key, "en", **args))
    action = ""
    if link is not None and link_key is not None:
        action = f'<p><a href="{escape(link, quote=True)}">{escape(text(link_key, "de"))}</a></p>'
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><main><h1>{title}</h1><p role="alert">{de}</p>{action}'
            f'<p lang="en">{en}</p></main></body></html>')


def busy_page(limit: int) -> str:
    """503: every page the machine can hold is open."""
    return simple_page("serve.full_title", "serve.full", limit=limit)


def advisor_busy_page(limit: int, advisor: str) -> str:
    """503: this advisor holds their share of the pages already (ADR 0033); others may still open theirs."""
    from workbench.serve.advisors import shown_name

    title = escape(text("serve.advisor_full_title", "de"))
    de = escape(text("serve.advisor_full", "de", limit=limit, who=shown_name(advisor, "de")))
    en = escape(text("serve.advisor_full", "en", limit=limit, who=shown_name(advisor, "en")))
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><main><h1>{title}</h1><p role="alert">{de}</p><p lang="en">{en}</p></main></body></html>')


def too_many_page(wait_s: int) -> str:
    """429: this client opened more pages in a short time than a consultation needs."""
    return simple_page("serve.too_many_title", "serve.too_many", wait=max(1, wait_s))


def login_page() -> str:
    """403: no valid token; the link with the token is in the terminal that started the server."""
    return simple_page("serve.login_title", "serve.login")


def foreign_page(link: str) -> str:
    """403: another site linked here; a click from this page opens the workbench (same origin)."""
    return simple_page("serve.foreign_title", "serve.foreign", link=link, link_key="serve.foreign_link")


def not_a_page() -> str:
    """403: an image, script or frame of another site asked for a page."""
    return simple_page("serve.foreign_title", "serve.not_a_page")

"""Which page requests the workbench server answers with a kernel (docs/deploy.md, ADR 0017).

Two questions, answered before Voilà starts a kernel for ``/voila/render/<path>``:

- **Which notebook?** :func:`served_notebook` decodes the path completely (percent escapes
  in any case, repeatedly), normalises it (``//``, ``/./``, ``..``) and accepts only the name
  of a notebook lying directly in the served folder. Anything else — a sub-folder, a path
  leaving the folder, a backslash — is no page. The check is an allowlist on the final
  name, so no spelling of a path can reach a file that is not an advisor's wizard; the
  maintainers' notebooks are not in the served folder at all
  (:func:`workbench.maintenance.paths.maintainers_dir`).
- **Asked by whom?** :func:`page_request_origin` reads the browser's Fetch Metadata
  (``Sec-Fetch-Site``, ``Sec-Fetch-Dest``) and, from browsers without it, ``Origin`` and
  ``Referer``. A page typed into the address bar or opened from a bookmark (``none``) or a
  link of the workbench itself (``same-origin``) starts a kernel; an ``<img>``, a script or a
  fetch of another site starts none (issue 25: a foreign page started five kernels through
  ``<img>`` tags). A link on another site (the city's intranet) gets a short page with a
  link to open the workbench from there, still without a kernel.
"""

from __future__ import annotations

import enum
import posixpath
from collections.abc import Collection, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["Origin", "decoded_path", "page_request_origin", "same_origin", "served_notebook"]

MAX_DECODE_ROUNDS = 8
PAGE_DESTINATIONS = {"document", "iframe", "frame"}
TRUSTED_SITES = {"same-origin", "none"}


def decoded_path(path: str) -> str | None:
    """``path`` with every percent escape decoded and ``//``, ``/./``, ``..`` resolved; None if it leaves the root.

    Decoding repeats until nothing changes (``%252f`` → ``%2f`` → ``/``), so a path that
    looks harmless after one round cannot hide a separator for a later one.
    """
    current = path
    for _ in range(MAX_DECODE_ROUNDS):
        try:
            decoded = unquote(current, errors="strict") if "%" in current else current
        except UnicodeDecodeError:  # escapes that are no UTF-8 name no notebook has
            return None
        if decoded == current:
            break
        current = decoded
    else:
        return None  # still changing after eight rounds: nobody writes a notebook name like that
    if "\\" in current or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in current):
        return None
    relative = posixpath.normpath(current.lstrip("/"))  # relative, so '..' beyond the root stays visible
    if relative in ("", ".") or relative == ".." or relative.startswith("../"):
        return None
    return relative


def served_notebook(path: str | None, root: Path) -> str | None:
    """The name of the advisors' notebook ``path`` means, or None when it means no such page.

    Only ``*.ipynb`` files directly in ``root`` (not hidden, not in a sub-folder) are pages,
    compared with the folder's listing, so case tricks and symbolic links leading out of
    the folder do not work either.
    """
    relative = decoded_path(path or "")
    if relative is None or "/" in relative or relative.startswith(".") or not relative.endswith(".ipynb"):
        return None
    candidate = root / relative
    try:
        if candidate.is_symlink() or not candidate.is_file():
            return None
        names = {entry.name for entry in root.iterdir()}
    except OSError:
        return None
    return relative if relative in names else None


class Origin(enum.Enum):
    """Who asked for a page, as far as the request tells."""

    TRUSTED = "trusted"  # address bar, bookmark, a link or reload of the workbench itself
    FOREIGN_PAGE = "foreign_page"  # a link on another site: no kernel, a link to open it from here
    NOT_A_PAGE = "not_a_page"  # an image, script, fetch or frame of another site: refused


def same_origin(url: str, host: str, allowed_origins: Collection[str]) -> bool:
    """True when ``url`` (an ``Origin`` or ``Referer``) belongs to this server.

    Compared by host and port with the request's ``Host`` (the scheme may differ behind a
    TLS proxy), or by the full origin with a configured allowed origin.
    """
    if not url or url == "null":
        return False
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return False
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    allowed = {o.rstrip("/").lower() for o in allowed_origins}
    return origin in allowed or parts.netloc.lower() == host.lower()


def page_request_origin(headers: Mapping[str, str], host: str,
                        allowed_origins: Collection[str] = ()) -> Origin:
    """Whether a GET of a page may start a kernel: Fetch Metadata first, then Origin/Referer.

    - ``Sec-Fetch-Dest`` other than a document or frame (``image``, ``script``, ``empty`` …):
      not a page view → :attr:`Origin.NOT_A_PAGE`.
    - ``Sec-Fetch-Site: none`` (typed, bookmark) or ``same-origin`` → trusted; ``same-site``
      (another port of the same machine, another sub-domain) and ``cross-site`` are foreign.
    - Without Fetch Metadata (old browsers, command-line clients): an ``Origin`` or
      ``Referer`` of another site makes it foreign; none at all is trusted (nothing embeds a
      page without sending one of them).
    """
    lowered = {key.lower(): value for key, value in headers.items()}
    dest = lowered.get("sec-fetch-dest", "").strip().lower()
    site = lowered.get("sec-fetch-site", "").strip().lower()
    if dest and dest not in PAGE_DESTINATIONS:
        return Origin.NOT_A_PAGE
    if site:
        return Origin.TRUSTED if site in TRUSTED_SITES else _foreign(dest)
    for name in ("origin", "referer"):
        value = lowered.get(name)
        if value is not None and not same_origin(value, host, allowed_origins):
            return _foreign(dest)
    return Origin.TRUSTED


def _foreign(dest: str) -> Origin:
    """A foreign top-level navigation may be offered a link; a foreign frame may not."""
    return Origin.NOT_A_PAGE if dest in ("iframe", "frame") else Origin.FOREIGN_PAGE

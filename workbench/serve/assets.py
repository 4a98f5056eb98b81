"""Caching of the page's JavaScript: what the advisor's browser may keep without asking again.

Voilà serves the widget libraries (``/voila/labextensions/…``) with ``Cache-Control: no-cache``:
the browser asks the server again for every file on every page (HTTP 304), and because the
files load one another in waves (``remoteEntry`` → its chunks → the chunks they need), each wave
waits for its round trip before the next starts (issue 23: a wizard's first load is a waterfall).

These files are content-addressed: the chunks are requested with ``?v=<hash of the content>``
and each ``remoteEntry`` carries its hash in its name (the page's configuration names it). A
changed library is a new URL, so such a file can be kept for good (``immutable``); only files
without a hash keep ``no-cache``. ``/voila/static/…`` (Voilà's own bundle, no hash in its names)
is left to the browser's heuristics as before — keeping it for good would outlive an upgrade.
"""

from __future__ import annotations

import re

from jupyter_server.base.handlers import FileFindHandler

__all__ = ["LabExtensionsHandler", "is_content_addressed"]

IMMUTABLE = "public, max-age=31536000, immutable"
_HASHED_NAME = re.compile(r"\.[0-9a-f]{16,}\.js$")


def is_content_addressed(path: str, arguments: dict[str, list[bytes]]) -> bool:
    """True for a file whose URL changes with its content: ``?v=…`` or a hash in the file's name."""
    return "v" in arguments or bool(_HASHED_NAME.search(path))


class LabExtensionsHandler(FileFindHandler):
    """Voilà's route for the widget libraries, with content-addressed files cached for good."""

    def set_headers(self) -> None:
        super().set_headers()
        if is_content_addressed(self.request.path, self.request.arguments):
            self.set_header("Cache-Control", IMMUTABLE)

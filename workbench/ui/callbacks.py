"""Widget callbacks that never fail silently.

Voila (and ipywidgets) swallow exceptions raised inside ``on_click`` or ``observe``
handlers: nothing reaches the page, the browser console or the server log. Every
handler of the workbench is therefore wrapped with :func:`guarded`: the traceback goes
to the kernel's stderr (which Voila writes to its log) and the page shows a friendly
message instead.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

LOGGER_NAME = "workbench.ui"


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the process's real stderr, which Voila copies into its log."""

    def __init__(self) -> None:
        super().__init__(sys.__stderr__)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))


def ui_logger() -> logging.Logger:
    """The UI logger, writing to the process's real stderr (the Voila log)."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler())
        logger.setLevel(logging.INFO)
    return logger


def guarded(handler: Callable[..., Any], on_error: Callable[[], None]) -> Callable[..., None]:
    """Wrap a widget callback: log any exception with its traceback, then call ``on_error``.

    The log line names the handler but never the entered values (they are personal data).
    """
    name = getattr(handler, "__qualname__", repr(handler))

    def wrapper(*args: Any) -> None:
        try:
            handler(*args)
        except Exception:  # noqa: BLE001 - the whole point: nothing may vanish
            logger = ui_logger()
            logger.exception("UI callback %s failed", name)
            try:
                on_error()
            except Exception:  # noqa: BLE001
                logger.exception("error display of %s failed as well", name)

    wrapper.__qualname__ = f"guarded({name})"
    return wrapper

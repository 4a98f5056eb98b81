"""Widget callbacks that never fail silently.

Voila (and ipywidgets) swallow exceptions raised inside ``on_click`` or ``observe``
handlers: nothing reaches the page, the browser console or the server log. Every
handler of the workbench is therefore wrapped with :func:`guarded`: the failure is
logged under a short reference number (``W-7F3A``) and the page shows a friendly
message with the same number, so the IT staff can find the log line.

The log line holds the handler's name, the exception type and the code locations of the
traceback, but never the exception's text or local values: those may contain what a
family entered (names, amounts, dates), which is personal data.
"""

from __future__ import annotations

import logging
import secrets
import sys
import traceback
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


def new_reference() -> str:
    """A short reference number for one failure, e.g. ``W-7F3A``."""
    return "W-" + secrets.token_hex(2).upper()


def code_locations(error: BaseException) -> str:
    """Where the error happened (file, line, function per frame) without any values."""
    frames = traceback.extract_tb(error.__traceback__)
    return " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames))


def log_failure(name: str, error: BaseException) -> str:
    """Log a failed callback without personal data; return its reference number."""
    reference = new_reference()
    ui_logger().error("%s: UI callback %s failed with %s at %s", reference, name,
                      type(error).__name__, code_locations(error))
    return reference


def guarded(handler: Callable[..., Any], on_error: Callable[[str], None]) -> Callable[..., None]:
    """Wrap a widget callback: log any exception under a reference, then ``on_error(reference)``."""
    name = getattr(handler, "__qualname__", repr(handler))

    def wrapper(*args: Any) -> None:
        try:
            handler(*args)
        except Exception as error:  # noqa: BLE001 - the whole point: nothing may vanish
            reference = log_failure(name, error)
            try:
                on_error(reference)
            except Exception as again:  # noqa: BLE001
                log_failure(f"error display of {name}", again)

    wrapper.__qualname__ = f"guarded({name})"
    return wrapper

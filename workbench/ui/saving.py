"""Saving a wizard's case: a new version per completed step, debounced drafts, refused saves.

The store (:class:`workbench.store.CaseStore`) refuses a save that is not based on the
latest version (another tab or advisor saved meanwhile) with a StoreConflict, a
:class:`~workbench.errors.WorkbenchError` with a German message. :class:`CaseSaver`
then stops saving and reports the message; the wizard offers "Neu laden". Nothing is
ever overwritten silently.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from typing import Any, Protocol

from workbench.errors import WorkbenchError

AUTOSAVE_DELAY_S = 1.0


class Stored(Protocol):
    """What the wizard reads from a stored case."""

    data: dict[str, Any]
    version: int


class Store(Protocol):
    """The part of :class:`workbench.store.CaseStore` the wizards use."""

    def save(self, data: dict[str, Any], *, expected_version: int | None,
             complete: bool | None = None, language: str = "de") -> int: ...

    def open(self, case_id: str, version: int | None = None) -> Any: ...


class CaseSaver:
    """Saves one case with optimistic versioning; thread-safe (drafts come from a timer)."""

    def __init__(self, store: Store, version: int | None, on_saved: Callable[[int], None],
                 on_refused: Callable[[str], None]) -> None:
        self.store = store
        self.version = version
        self.refused = False
        self._on_saved = on_saved
        self._on_refused = on_refused
        self._lock = threading.Lock()

    def save(self, data: dict[str, Any], language: str = "de") -> bool:
        """Save ``data`` as the next version; False (and the message shown) when refused."""
        with self._lock:
            if self.refused:
                return False
            try:
                version = self.store.save(copy.deepcopy(data), expected_version=self.version, language=language)
            except WorkbenchError as error:  # StoreConflict and other refusals: never overwrite
                self.refused = True
                self._on_refused(str(error))
                return False
            self.version = version
        self._on_saved(version)
        return True

    def reopen(self, case_id: str) -> dict[str, Any]:
        """The latest stored data; saving resumes from its version."""
        with self._lock:
            stored = self.store.open(case_id)
            self.version = int(stored.version)
            self.refused = False
            return dict(stored.data)


class Debouncer:
    """Runs ``action`` once ``delay`` seconds after the last :meth:`poke` (at once if delay is 0)."""

    def __init__(self, action: Callable[[], None], delay: float = AUTOSAVE_DELAY_S) -> None:
        self.action = action
        self.delay = delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def poke(self) -> None:
        """Ask for the action; a later poke within the delay postpones it."""
        if self.delay <= 0:
            self.action()
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self.action)
            self._timer.daemon = True
            self._timer.start()

    def cancel(self) -> None:
        """Drop a pending action (a full save is about to happen)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

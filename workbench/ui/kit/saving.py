"""Saving a wizard's case: a new version per real change, debounced drafts, refused saves.

Reading never writes (docs/store.md, "Lesen schreibt nie"): :class:`CaseSaver` keeps the case
as it was opened or last saved and writes a new version only when the content differs from it.
Opening a case, switching the language, showing a step or clicking "Weiter" without changing
anything leaves the store as it was: no version, no draft, no newer ``saved_at`` (which the
retention period of ``purge`` counts from) and no conflict for the colleague's tab.

The store (:class:`workbench.store.CaseStore`) refuses a save that is not based on the
latest version (another tab or advisor saved meanwhile) with a StoreConflict, a
:class:`~workbench.errors.WorkbenchError` with a German message. :class:`CaseSaver`
then stops saving and reports the message; the wizard offers "Neu laden". Nothing is
ever overwritten silently.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from workbench.errors import StoreUnavailable, WorkbenchError

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


def _plain(value: object) -> object:
    """Widget values as the case file holds them: Decimal as a number, dates as ISO text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def content(data: dict[str, Any]) -> Any:
    """What counts as a change of the case: its data as plain JSON, normalised by the case model
    when it is a complete case (a default written out equals one left out), without ``language``.

    The language is how the page is shown, not what the family told the advisor: switching it
    alone is no change (it is stored with the next real change).
    """
    from workbench.case import dump_case, load_case
    from workbench.errors import CaseError

    try:
        plain: dict[str, Any] = json.loads(json.dumps(data, default=_plain, ensure_ascii=False))
    except (TypeError, ValueError):
        return None  # not comparable: saved (the store says what is wrong with it)
    try:
        plain = dump_case(load_case(plain))
    except CaseError:
        pass  # a draft: compared as entered
    plain.pop("language", None)
    return plain


class CaseSaver:
    """Saves one case with optimistic versioning, only when its content changed; thread-safe
    (drafts come from a timer).

    ``baseline`` is the case as opened (``version``) or, for a new case, as the page started it:
    :meth:`save` of data with the same :func:`content` writes nothing. ``None``: every save writes.
    """

    def __init__(self, store: Store, version: int | None, on_saved: Callable[[int], None],
                 on_refused: Callable[[str], None], *, baseline: dict[str, Any] | None,
                 on_unavailable: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.version = version
        self.refused = False
        self._on_saved = on_saved
        self._on_refused = on_refused
        self._on_unavailable = on_unavailable or on_refused
        self._lock = threading.Lock()
        self._baseline = content(baseline) if baseline is not None else None

    def rebase(self, data: dict[str, Any]) -> None:
        """``data`` is now the unchanged state (e.g. a new case that got a fresh id before anything was entered)."""
        with self._lock:
            self._baseline = content(data)

    def adopt(self, other: CaseSaver) -> None:
        """Continue where ``other`` stopped (the page was rebuilt in another language)."""
        with self._lock, other._lock:
            self.version, self.refused, self._baseline = other.version, other.refused, other._baseline

    def save(self, data: dict[str, Any], language: str = "de") -> bool:
        """Save ``data`` as the next version if its content changed; False (and the message shown) when refused.

        Unchanged data writes nothing and returns True; ``on_saved`` then reports the version
        the page shows (when there is one), so an explicit "Speichern" is still confirmed.
        """
        with self._lock:
            if self.refused:
                return False
            now = content(data)
            if self._baseline is not None and now is not None and now == self._baseline:
                version = self.version
                if version is None:
                    return True
            else:
                try:
                    version = self.store.save(copy.deepcopy(data), expected_version=self.version, language=language)
                except StoreUnavailable as error:  # full disk, read-only store, missing key: no conflict
                    self._on_unavailable(error.text(language))  # the entries stay; the next save tries again
                    return False
                except WorkbenchError as error:  # StoreConflict and other refusals: never overwrite
                    self.refused = True
                    self._on_refused(str(error))
                    return False
                self.version, self._baseline = version, now
        self._on_saved(version)
        return True

    def reopen(self, case_id: str) -> dict[str, Any]:
        """The latest stored data; saving resumes from its version."""
        with self._lock:
            stored = self.store.open(case_id)
            self.version = int(stored.version)
            self.refused = False
            self._baseline = content(stored.data)
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

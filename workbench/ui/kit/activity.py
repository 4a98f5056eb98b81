"""When the last field update that may have followers on the way reached the kernel (issue 23, ADR 0014).

A kernel serves one page, so the page's fields share one note: :func:`note_burst` is called by a field
whose updates can come in quick succession (:attr:`workbench.ui.kit.fields.Field.sends_in_bursts`), and
"Weiter"/"Zurück" wait (:func:`workbench.ui.kit.preheat.after_field_updates`) only when such an update
came just before the click. Updates of fields that send once on blur are not noted: they leave the
browser before the click and cannot have a held-back successor, so the step moves at once.
"""

from __future__ import annotations

import time

_LAST = [0.0]


def note_burst() -> None:
    """A field that may send several updates in a row has just sent one (monotonic time)."""
    _LAST[0] = time.monotonic()


def last_burst() -> float:
    """The monotonic time of the last noted update; 0.0 if none."""
    return _LAST[0]


def forget_bursts() -> None:
    """A new page starts with no update on its way (a wizard built in a kernel, or in a test on its own clock)."""
    _LAST[0] = 0.0

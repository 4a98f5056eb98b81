"""The switch between the family's view and the advisor's on the comparison page (ADR 0042, 0043).

A quiet, link-like button (class ``wb-view-switch`` in ``theme.css``) that names the *other* view:
"Ansicht für die Beratung" on the family's, "Ansicht für die Familie" on the advisor's. It is a button and
not a link to ``&ansicht=beratung``: the page redraws in place, so the case and the plans chosen stay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbench.i18n import text
from workbench.report.register import ADVISOR, FAMILY, Register
from workbench.ui.kit.callbacks import guarded


class ViewSwitch:
    """``widget``: the button; a click calls ``on_change(new register)``."""

    def __init__(self, language: str, register: Register, on_change: Callable[[Register], None],
                 on_error: Callable[[str], None]) -> None:
        self.language = language
        self.register = register
        self.on_change = on_change
        self.widget = w.Button(layout=w.Layout(width="auto"))
        self.widget.add_class("wb-view-switch")
        self.widget.on_click(guarded(self._click, on_error))
        self._label()

    def _label(self) -> None:
        other = "advisor" if self.register is FAMILY else "family"
        self.widget.description = text(f"vgl.view_{other}", self.language)
        self.widget.tooltip = text(f"vgl.view_{other}_tip", self.language)

    def _click(self, _button: Any = None) -> None:
        self.register = ADVISOR if self.register is FAMILY else FAMILY
        self._label()
        self.on_change(self.register)


__all__ = ["ViewSwitch"]

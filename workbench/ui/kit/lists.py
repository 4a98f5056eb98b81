"""Lists of rows with "add" and "remove" (parents, older siblings, periods of work).

A row is a few fields bound to paths relative to its list item (``name``,
``birth_date``); :meth:`RowList.fields` gives them the full path
``household.parents[1].name`` so validation problems find their field.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbench.i18n import text
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.fields import Field


class Row:
    """One item of a list: its fields by relative path and the widget showing them."""

    def __init__(self, fields: dict[str, Field], heading_key: str, level: int = 3) -> None:
        self.fields = fields
        self.heading_key = heading_key
        self.level = level
        self.heading = w.HTML()
        self.remove = w.Button()
        self.remove.add_class("wb-remove")
        self.widget = w.VBox([self.heading, *[f.widget for f in fields.values()], self.remove])
        self.widget.add_class("wb-row")


class RowList:
    """Rows made by ``make_row(index)``, between ``min_rows`` and ``max_rows`` of them."""

    def __init__(self, path: str, make_row: Callable[[int], Row], language: str, add_key: str, remove_key: str,
                 on_change: Callable[[], None], on_error: Callable[[str], None],
                 min_rows: int = 0, max_rows: int = 8) -> None:
        self.path = path
        self.make_row = make_row
        self.language = language
        self.add_key, self.remove_key = add_key, remove_key
        self.min_rows, self.max_rows = min_rows, max_rows
        self.on_change = on_change
        self.on_error = on_error
        self.rows: list[Row] = []
        self.add = w.Button(description=text(add_key, language), icon="plus")
        self.add.add_class("wb-add")
        self.add.on_click(guarded(lambda _b: self.append(), on_error))
        self.box = w.VBox([])
        self.widget = w.VBox([self.box, self.add])

    def fields(self) -> dict[str, Field]:
        return {f"{self.path}[{i}].{rel}": f for i, row in enumerate(self.rows) for rel, f in row.fields.items()}

    def resize(self, count: int) -> None:
        """Exactly ``count`` rows (new ones empty)."""
        while len(self.rows) < count:
            self._new_row()
        del self.rows[count:]
        self._render()

    def append(self) -> None:
        """Add an empty row and put the keyboard focus in its first field: the "add" button may hide at the
        last allowed row, and a focus left on a hidden button drops to the page body (issue 24)."""
        if len(self.rows) < self.max_rows:
            self._new_row()
            self._render()
            self.on_change()
            first = next(iter(self.rows[-1].fields.values()), None)
            if first is not None and hasattr(first.input, "focus"):
                first.input.focus()

    def remove(self, row: Row) -> None:
        """Remove the row; the focus goes to the "add" button (the removed row's button is gone)."""
        if len(self.rows) > self.min_rows and row in self.rows:
            self.rows.remove(row)
            self._render()
            self.on_change()
            self.add.focus()

    def resize_items(self, items: list[dict[str, Any]], make: Callable[[int], dict[str, Any]]) -> list[dict[str, Any]]:
        """``items`` cut or extended (with ``make(index)``) to the number of rows."""
        kept = items[: len(self.rows)]
        return kept + [make(i) for i in range(len(kept), len(self.rows))]

    def _new_row(self) -> None:
        row = self.make_row(len(self.rows))
        row.remove.on_click(guarded(lambda _b, r=row: self.remove(r), self.on_error))
        for field in row.fields.values():
            field.observe(guarded(lambda _c: self.on_change(), self.on_error))
        self.rows.append(row)

    def _render(self) -> None:
        for number, row in enumerate(self.rows, 1):
            row.remove.description = text(self.remove_key, self.language, number=number)
            heading = html.escape(text(row.heading_key, self.language, number=number))
            row.heading.value = f'<h{row.level} lang="{self.language}">{heading}</h{row.level}>'
            row.remove.layout.display = None if len(self.rows) > self.min_rows else "none"
        self.box.children = tuple(row.widget for row in self.rows)
        self.add.layout.display = None if len(self.rows) < self.max_rows else "none"

"""The result step of the Mutterschutz and the Elternzeit wizards and the table of a handout section they show."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any

import ipywidgets as w

from workbench.i18n import text
from workbench.ui.kit.step import WizardStep


class ResultStep(WizardStep):
    """A result step: one HTML block, judged on ``today`` (injectable for tests)."""

    def __init__(self, language: str, today: date | None = None) -> None:
        super().__init__(language)
        self.today = today

    def build(self) -> None:
        self.out = w.HTML()
        self.body.children = (self.out,)

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        return True  # shows, asks nothing


def section_table(rows: Sequence[Sequence[str]], caption: str, css_class: str, cell_class: str = "",
                  row_attribute: str = "") -> str:
    """A handout section's rows as a table: the first row heads the columns, each row's first cell the row.

    ``cell_class`` marks the other cells (``wb-num``: amounts), ``row_attribute`` numbers the rows
    after the head (``data-period="1"``, …) for the browser tests.
    """
    cell = f' class="{cell_class}"' if cell_class else ""
    body = ""
    for i, row in enumerate(rows):
        cells = "".join((f'<th scope="col">{html.escape(c)}</th>' if i == 0 else
                         f'<th scope="row">{html.escape(c)}</th>' if j == 0 else
                         f"<td{cell}>{html.escape(c)}</td>") for j, c in enumerate(row))
        numbered = f' {row_attribute}="{i}"' if row_attribute and i else ""
        body += f"<tr{numbered}>{cells}</tr>"
    return f'<table class="wb-table {css_class}"><caption>{html.escape(caption)}</caption>{body}</table>'


def result_html(lang: str, notes: str, results: str, timeline: str, after: str, links: Sequence[tuple[str, str]]) -> str:
    """The result block: notes on the values used, the results, the timeline, what follows it, and the
    links (address, catalog key) to the other pages of the case."""
    linked = " · ".join(f'<a href="{html.escape(href)}">{html.escape(text(key, lang))}</a>' for href, key in links)
    return (f'<div lang="{lang}">{notes}{results}<h3>{html.escape(text("ui.ls.timeline_title", lang))}</h3>{timeline}'
            f'{after}<p class="wb-links">{linked}</p></div>')

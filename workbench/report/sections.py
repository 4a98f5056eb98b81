"""A topic's block on the handout, as plain data: what the pages and the topics' reports share.

Kept apart from the drawing (:mod:`workbench.report.blocks`, fpdf2): a page that only shows a
topic's text must not import the PDF library — about 25 MiB and a second of start-up in every
page's kernel (issue 23, ADR 0033). ``workbench.report`` and :mod:`~workbench.report.blocks`
re-export it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["HandoutSection"]


@dataclass(frozen=True)
class HandoutSection:
    """A block another topic adds to the handout (Leistungscheck, Mutterschutz, Kita, Pflege …).

    ``rows`` is an optional table whose first row is the header; texts come already translated.
    """

    heading: str
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()

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
    """A result step: one HTML block, judged on ``today`` (injectable for tests), and the family's handout
    of the Mutterschutz and the Elternzeit in the language chosen for it (Deutsch, Leichte Sprache,
    Englisch; ADR 0040). The subclasses' ``shown`` keeps the case as ``self.data``."""

    def __init__(self, language: str, today: date | None = None) -> None:
        super().__init__(language)
        self.today = today
        self.data: dict[str, Any] | None = None

    def build(self) -> None:
        from workbench.ui.kit.callbacks import guarded
        from workbench.ui.pages.vergleich.merkblatt import handout_language_choice

        self.out = w.HTML()
        self.pdf_language = handout_language_choice(self.language)
        self.make_pdf = w.Button(description=text("ui.ls.handout", self.language), icon="file-pdf-o",
                                 layout=w.Layout(width="auto"))
        self.make_pdf.on_click(guarded(lambda _b: self.handout(), lambda r: self.on_error(r)))
        self.download = w.HTML()
        self.body.children = (self.out, self.pdf_language, self.make_pdf, self.download)

    def handout(self) -> None:
        """The family's handout of the Mutterschutz and the Elternzeit of the case as shown, as a download link."""
        import base64

        from workbench.report import handout_pdf
        from workbench.report.lebenslagen import elternzeit_sections, mutterschutz_sections
        from workbench.ui.pages.lebenslagen.page import load

        if self.data is None:
            return
        case = load(self.data)
        chosen = str(self.pdf_language.value)
        words = "en" if chosen == "en" else "de"
        sections = [*mutterschutz_sections(case, words, self.today), *elternzeit_sections(case, words, self.today)]
        pdf = handout_pdf(case, chosen, sections, plans=[])  # these topics alone, without the Elterngeld plans
        name = f"merkblatt-{case.case_id}{'-leichte-sprache' if chosen == 'de-LS' else ''}.pdf"
        data = base64.b64encode(pdf).decode("ascii")
        self.download.value = (f'<p lang="{self.language}"><a class="wb-download" download="{html.escape(name)}" '
                               f'href="data:application/pdf;base64,{data}">'
                               f'{html.escape(text("ui.ls.download", self.language))}</a></p>')

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

"""The start page's list of saved cases: search by family name or case id, newest first."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

import ipywidgets as w

from workbench.errors import StoreUnavailable
from workbench.i18n import format_date, text
from workbench.store import office_time
from workbench.store.trouble import read_only
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE

WIZARD_PAGE = "elterngeld.ipynb"
START_PAGE = "start.ipynb"
COMPARISON_PAGE = "vergleich.ipynb"


class Listing(Protocol):
    """The part of :class:`workbench.store.CaseStore` the list uses."""

    def list(self, search: str = "", limit: int = 50) -> list[Any]: ...


TOPIC_PREFIXES = {"KI-": "kita.ipynb", "PF-": "pflege.ipynb", "VO-": "vorsorge.ipynb"}  # ids the topic wizards give


def case_link(case_id: str) -> str:
    """The address that opens a case in its wizard (Kita/Pflege/Vorsorge by id prefix, else Elterngeld)."""
    page = next((p for prefix, p in TOPIC_PREFIXES.items() if case_id.startswith(prefix)), WIZARD_PAGE)
    return f"{page}?case={quote(case_id, safe='')}"


def comparison_link(case_id: str) -> str:
    """The address of a case's plan comparison (relative to the start page)."""
    return f"{COMPARISON_PAGE}?case={quote(case_id, safe='')}"


def cases_table(summaries: list[Any], language: str) -> str:
    """The cases as a table with a link per case (or a sentence when there is none)."""
    lang = language
    if not summaries:
        return f'<p lang="{lang}">{html.escape(text("ui.cases.none", lang))}</p>'
    head = "".join(f'<th scope="col">{html.escape(text(k, lang))}</th>'
                   for k in ("ui.cases.family", "ui.cases.case_id", "ui.cases.saved", "ui.cases.state", "ui.cases.actions"))
    rows = ""
    for s in summaries:
        label = html.escape(text("ui.cases.open", lang, family=s.family or s.case_id))
        compare = html.escape(text("ui.cases.compare_label", lang, family=s.family or s.case_id))
        state = text("ui.cases.complete" if s.complete else "ui.cases.draft", lang)
        local = office_time(s.saved_at)  # stored in UTC, shown on the office's clock
        saved = f"{format_date(local.date(), lang)} {local:%H:%M}"
        rows += (f'<tr><th scope="row"><a href="{html.escape(case_link(s.case_id))}" aria-label="{label}">'
                 f'{html.escape(s.family or "–")}</a></th><td>{html.escape(s.case_id)}</td>'
                 f"<td>{html.escape(saved)}</td><td>{html.escape(state)} (V{s.version})</td>"
                 f'<td><a href="{html.escape(comparison_link(s.case_id))}" aria-label="{compare}">'
                 f'{html.escape(text("ui.cases.compare", lang))}</a></td></tr>')
    return (f'<table class="wb-cases" lang="{lang}"><caption class="wb-hidden">{html.escape(text("ui.cases.heading", lang))}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def _alert(message: str, language: str) -> str:
    return f'<div class="wb-alert wb-alert-general" role="alert" lang="{language}"><p>{html.escape(message)}</p></div>'


class CaseList:
    """Search box and table of saved cases; ``store`` is opened lazily (None: the office's store)."""

    def __init__(self, language: str, store_factory: Callable[[], Listing], on_error: Callable[[str], None]) -> None:
        self.language = language
        self.store_factory = store_factory
        self.heading = w.HTML()
        # live: the table follows every key (see tests/test_ui_text_inputs.py)
        self.search = w.Text(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.search.observe(guarded(lambda _c: self.refresh(), on_error), names="value")
        self.table = w.HTML()
        self.widget = w.VBox([self.heading, self.search, self.table])
        self.widget.add_class("wb-case-list")
        self.set_language(language)

    def refresh(self) -> None:
        """Query the store with the search text and show the newest 50.

        A store that cannot be used (missing key, full disk) shows its message, which says what
        to do; a read-only store is listed with a note that saving is not possible.
        """
        try:
            store = self.store_factory()
            summaries = store.list(search=str(self.search.value).strip(), limit=50)
        except StoreUnavailable as error:
            self.table.value = _alert(error.text(self.language), self.language)
            return
        note = ""
        if getattr(store, "read_only", False):
            note = _alert(read_only(Path(getattr(store, "path")), self.language).text(self.language), self.language)
        self.table.value = note + cases_table(list(summaries), self.language)

    def set_language(self, language: str) -> None:
        self.language = language
        self.heading.value = f'<h2 lang="{language}">{html.escape(text("ui.cases.heading", language))}</h2>'
        self.search.description = text("ui.cases.search", language)
        self.search.placeholder = text("ui.cases.search_placeholder", language)

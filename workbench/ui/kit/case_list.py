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
    """The part of :class:`workbench.store.CaseStore` the list uses (``count`` optional: without it, no pages)."""

    def list(self, search: str = "", limit: int = 50, offset: int = 0) -> list[Any]: ...


TOPIC_PREFIXES = {"KI-": "kita.ipynb", "PF-": "pflege.ipynb", "VO-": "vorsorge.ipynb", "ZU-": "zuzug.ipynb"}  # ids the topic wizards give
TOPIC_PAGES = {"elterngeld": WIZARD_PAGE, "leistungscheck": "leistungscheck.ipynb", "mutterschutz": "mutterschutz.ipynb",
               "elternzeit": "elternzeit.ipynb", "kita": "kita.ipynb", "pflege": "pflege.ipynb", "vorsorge": "vorsorge.ipynb",
               "zuzug": "zuzug.ipynb"}
"""The wizard page of each topic of :func:`workbench.store.records.case_topic`."""
PERSON_TOPICS = ("pflege", "vorsorge")
"""Topics about one person, not a family: the list names the topic with the person (issue 24)."""
PAGE_SIZE = 10
"""Cases per page of the list: the quick calculation below stays on the first screen (issue 24)."""


def case_link(case_id: str, topic: str = "") -> str:
    """The address that opens a case in its wizard: by the topic the store noted, else by id prefix, else Elterngeld."""
    page = TOPIC_PAGES.get(topic) or next((p for prefix, p in TOPIC_PREFIXES.items() if case_id.startswith(prefix)),
                                          WIZARD_PAGE)
    return f"{page}?case={quote(case_id, safe='')}"


def comparison_link(case_id: str) -> str:
    """The address of a case's plan comparison (relative to the start page)."""
    return f"{COMPARISON_PAGE}?case={quote(case_id, safe='')}"


def cases_table(summaries: list[Any], language: str) -> str:
    """The cases as a table with a link per case (or a sentence when there is none).

    Columns: name, topic, case id, last save, state, and the comparison link — only for a case with an
    Elterngeld plan (the comparison of a case without one has nothing to compare, issue 24) — and the
    application folder's link (a complete family case; ADR 0037).
    """
    lang = language
    if not summaries:
        return f'<p lang="{lang}">{html.escape(text("ui.cases.none", lang))}</p>'
    head = "".join(f'<th scope="col">{html.escape(text(k, lang))}</th>'
                   for k in ("desk.cases.name", "desk.cases.topic", "ui.cases.case_id", "ui.cases.saved", "ui.cases.state",
                             "ui.cases.actions", "antragsmappe.ui.title"))
    rows = ""
    for s in summaries:
        topic = getattr(s, "topic", "") or ""
        topic_name = text(f"desk.topic.{topic}", lang) if topic else "–"
        name = s.family or ""
        if topic in PERSON_TOPICS:
            shown = text("desk.cases.person", lang, topic=topic_name, name=name) if name else topic_name
        else:
            shown = name or "–"
        label = html.escape(text("desk.cases.open", lang, name=name or s.case_id, topic=topic_name))
        state = text("ui.cases.complete" if s.complete else "ui.cases.draft", lang)
        local = office_time(s.saved_at)  # stored in UTC, shown on the office's clock
        saved = f"{format_date(local.date(), lang)} {local:%H:%M}"
        compare = ""
        if getattr(s, "has_plan", False):
            compare_label = html.escape(text("ui.cases.compare_label", lang, family=name or s.case_id))
            compare = (f'<a href="{html.escape(comparison_link(s.case_id))}" aria-label="{compare_label}">'
                       f'{html.escape(text("ui.cases.compare", lang))}</a>')
        rows += (f'<tr data-case="{html.escape(s.case_id)}"><th scope="row"><a href="{html.escape(case_link(s.case_id, topic))}" '
                 f'aria-label="{label}">{html.escape(shown)}</a></th><td data-topic="{html.escape(topic)}">'
                 f"{html.escape(topic_name)}</td><td>{html.escape(s.case_id)}</td>"
                 f"<td>{html.escape(saved)}</td><td>{html.escape(state)} (V{s.version})</td>"
                 f"<td>{compare}</td><td>{_folder_cell(s, name, topic, lang)}</td></tr>")
    return (f'<table class="wb-cases" lang="{lang}"><caption class="wb-hidden">{html.escape(text("ui.cases.heading", lang))}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def _folder_cell(summary: Any, name: str, topic: str, lang: str) -> str:
    """The link to a family case's application folder (issue 20, ADR 0037); none for a draft or a person's topic."""
    from workbench.evaluation.fristen import folder_link

    if not summary.complete or topic in PERSON_TOPICS:
        return ""
    label = html.escape(text("fristen.open", lang, case=name or summary.case_id))
    return (f'<a href="{html.escape(folder_link(summary.case_id))}" aria-label="{label}">'
            f'{html.escape(text("antragsmappe.ui.title", lang))}</a>')


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
        self.search.observe(guarded(lambda _c: self._first_page(), on_error), names="value")
        self.table = w.HTML()
        self.page = 0  # 0-based page of PAGE_SIZE cases
        self.total: int | None = None
        self.newer = w.Button(icon="chevron-left")
        self.older = w.Button(icon="chevron-right")
        self.newer.on_click(guarded(lambda _b: self._turn(-1), on_error))
        self.older.on_click(guarded(lambda _b: self._turn(1), on_error))
        self.position = w.HTML()
        self.pager = w.HBox([self.newer, self.position, self.older])
        self.pager.add_class("wb-pager")
        self.widget = w.VBox([self.heading, self.search, self.table, self.pager])
        self.widget.add_class("wb-case-list")
        self.set_language(language)

    def refresh(self) -> None:
        """Query the store with the search text and show one page (:data:`PAGE_SIZE`) of cases, newest first.

        A store that cannot be used (missing key, full disk) shows its message, which says what
        to do; a read-only store is listed with a note that saving is not possible.
        """
        search = str(self.search.value).strip()
        try:
            store = self.store_factory()
            counter = getattr(store, "count", None)
            self.total = int(counter(search)) if callable(counter) else None
            if self.total is not None:
                self.page = max(0, min(self.page, (self.total - 1) // PAGE_SIZE))
            summaries = store.list(search=search, limit=PAGE_SIZE, offset=self.page * PAGE_SIZE)
        except StoreUnavailable as error:
            self.table.value = _alert(error.text(self.language), self.language)
            self.pager.layout.display = "none"
            return
        self._render_pager(len(summaries))
        note = ""
        if getattr(store, "read_only", False):
            note = _alert(read_only(Path(getattr(store, "path")), self.language).text(self.language), self.language)
        self.table.value = note + cases_table(list(summaries), self.language)

    def _first_page(self) -> None:
        self.page = 0
        self.refresh()

    def _turn(self, by: int) -> None:
        """Show the next older (``by=1``) or newer (``-1``) page of cases."""
        self.page = max(0, self.page + by)
        self.refresh()

    def _render_pager(self, shown: int) -> None:
        """"Fälle 11–20 von 34" between the buttons; no buttons when everything fits on one page."""
        lang, first = self.language, self.page * PAGE_SIZE
        total = self.total if self.total is not None else first + shown
        self.pager.layout.display = None if total > PAGE_SIZE else "none"
        self.newer.disabled = self.page == 0
        self.older.disabled = first + shown >= total
        self.position.value = (f'<p class="wb-pager-text" aria-live="polite" lang="{lang}">'
                               f'{html.escape(text("desk.cases.position", lang, first=first + 1 if shown else 0, last=first + shown, total=total))}</p>')

    def set_language(self, language: str) -> None:
        self.language = language
        self.newer.description = text("desk.cases.newer", language)
        self.older.description = text("desk.cases.older", language)
        self.heading.value = f'<h2 lang="{language}">{html.escape(text("ui.cases.heading", language))}</h2>'
        self.search.description = text("ui.cases.search", language)
        self.search.placeholder = text("ui.cases.search_placeholder", language)

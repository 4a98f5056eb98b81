"""The start page's "Fristen": what is due this week and what is missed, across the cases with a folder.

Each line links into the case's Antragsmappe page. The store is read only (ADR 0016); the list is
computed by :func:`workbench.evaluation.fristen.office_fristen` like ``workbench fristen`` (ADR 0037).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as w

from workbench.clock import today as clock_today
from workbench.errors import StoreUnavailable
from workbench.evaluation.fristen import DEFAULT_DAYS, Frist, Fristen, folder_link, office_fristen, words
from workbench.i18n import text


def _item(f: Frist, lang: str) -> str:
    """One deadline as a list item: when (marked when missed), what, whose, a link into the case."""
    when, what = words(f, lang)
    label = f.family or f.case_id
    href = folder_link(f.case_id) + ("&lang=en" if lang == "en" else "")
    aria = text("fristen.open", lang, case=label)
    missing = (f'<br><span class="wb-fristen-missing">{html.escape(text("fristen.missing", lang, items="; ".join(f.missing)))}</span>'
               if f.missing else "")
    css = "wb-frist wb-frist-overdue" if f.overdue else "wb-frist"
    return (f'<li class="{css}" data-case="{html.escape(f.case_id)}" data-kind="{f.kind}">'
            f'<strong>{html.escape(when)}</strong>: {html.escape(what)} · '
            f'<a href="{html.escape(href)}" aria-label="{html.escape(aria)}">{html.escape(label)}</a>{missing}</li>')


def fristen_html(found: Fristen | None, lang: str) -> str:
    """The section's body: the list, or a sentence when there is nothing (or no case has a folder yet)."""
    if found is None:
        return f'<p lang="{lang}">{html.escape(text("fristen.no_folders", lang))}</p>'
    if not found.items:
        body = f'<p lang="{lang}">{html.escape(text("fristen.none", lang))}</p>'
    else:
        body = f'<ul class="wb-fristen-list" lang="{lang}">{"".join(_item(f, lang) for f in found.items)}</ul>'
    if found.unreadable:
        body += f'<p lang="{lang}">{html.escape(text("fristen.unreadable", lang, ids=", ".join(found.unreadable)))}</p>'
    return body


class FristenList:
    """The section: a heading and the list; ``refresh`` reads the store again (the start page calls it)."""

    def __init__(self, language: str, store_factory: Callable[[], Any], days: int = DEFAULT_DAYS,
                 today: Callable[[], date] = clock_today) -> None:
        self.language = language
        self.store_factory = store_factory
        self.days = days
        self.today = today
        self.heading = w.HTML()
        self.body = w.HTML()
        self.found: Fristen | None = None
        self.widget = w.VBox([self.heading, self.body])
        self.widget.add_class("wb-fristen")
        self.set_language(language)

    def refresh(self) -> None:
        """List what is due within :attr:`days` days and what is missed; a store that cannot be used says so."""
        try:
            store = self.store_factory()
            if not callable(getattr(store, "folder_cases", None)) or not store.folder_cases():
                self.found = None
            else:
                self.found = office_fristen(store, self.today(), self.days, self.language)
        except StoreUnavailable as error:
            self.body.value = (f'<div class="wb-alert wb-alert-general" role="alert" lang="{self.language}">'
                               f'<p>{html.escape(error.text(self.language))}</p></div>')
            return
        self.body.value = fristen_html(self.found, self.language)

    def set_language(self, language: str) -> None:
        self.language = language
        self.heading.value = (f'<h2 lang="{language}">'
                              f'{html.escape(text("fristen.heading", language, days=self.days))}</h2>')

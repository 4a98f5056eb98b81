"""The start page: title, language switch, the wizards, the saved cases, quick calculation."""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from typing import Any

import ipywidgets as w
from IPython.display import display

from workbench.i18n import text
from workbench.ui.callbacks import guarded
from workbench.ui.case_list import WIZARD_PAGE, CaseList, Listing
from workbench.ui.quick import QuickCalculator
from workbench.ui.theme import theme_style

LANGUAGE_OPTIONS = (("Deutsch", "de"), ("English", "en"))


class StartPage:
    """The page ``notebooks/start.ipynb`` shows: ``StartPage().show()``."""

    def __init__(self, language: str = "de", store_factory: Callable[[], Listing] | None = None) -> None:
        self.language = language
        self.title = w.HTML()
        self.intro = w.HTML()
        self.note = w.HTML()
        self.cases = CaseList(language, store_factory or _office_store, self._show_unexpected)
        self.language_toggle = w.ToggleButtons(
            options=list(LANGUAGE_OPTIONS), value=language, style={"button_width": "7rem"}
        )
        self.language_toggle.add_class("wb-language")
        self.quick = QuickCalculator(language)
        self.language_toggle.observe(
            guarded(self._on_language, self.quick._show_unexpected), names="value"
        )
        header = w.HBox([self.title, self.language_toggle])
        header.add_class("wb-header")
        self.widget = w.VBox([theme_style(), header, self.intro, self.note, self.cases.widget, self.quick.widget])
        self.widget.add_class("wb-page")
        self._apply_texts()
        guarded(self.cases.refresh, self._show_unexpected)()

    def _show_unexpected(self, reference: str) -> None:
        self.quick._show_unexpected(reference)

    def show(self) -> None:
        """Display the page in the notebook (Voila or JupyterLab).

        A preheated Voila kernel built the page before anyone asked for it: it waits for the
        request and lists the cases again, or cases saved meanwhile would be missing.
        """
        display(self.widget)  # type: ignore[no-untyped-call]
        if os.environ.get("VOILA_PREHEAT") == "True":
            from voila.utils import wait_for_request

            wait_for_request()
            guarded(self.cases.refresh, self._show_unexpected)()

    def set_language(self, language: str) -> None:
        """Switch every text on the page to ``language`` (``de`` or ``en``)."""
        self.language = language
        if self.language_toggle.value != language:
            self.language_toggle.value = language  # calls back into _on_language
            return
        self._apply_texts()
        self.quick.set_language(language)
        self.cases.set_language(language)
        guarded(self.cases.refresh, self._show_unexpected)()

    def _on_language(self, change: Any) -> None:
        self.set_language(change["new"])

    def _apply_texts(self) -> None:
        lang = self.language
        self.title.value = f'<h1 lang="{lang}">{html.escape(text("ui.start.title", lang))}</h1>'
        self.intro.value = f'<p lang="{lang}">{html.escape(text("ui.start.intro", lang))}</p>'
        new = html.escape(text("ui.start.new_elterngeld", lang))
        hint = html.escape(text("ui.start.new_elterngeld_hint", lang))
        query = "" if lang == "de" else "?lang=en"
        self.note.value = (f'<div class="wb-wizards" lang="{lang}"><h2>{html.escape(text("ui.start.wizards", lang))}</h2>'
                           f'<ul><li><a href="{WIZARD_PAGE}{query}">{new}</a> – {hint}</li></ul></div>')
        self.language_toggle.description = text("ui.start.language", lang)


def _office_store() -> Listing:
    from workbench.store import CaseStore

    store: Listing = CaseStore()
    return store

"""The start page: title, language switch, the wizards, the saved cases, quick calculation."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w
from IPython.display import display

from workbench.i18n import text
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.case_list import WIZARD_PAGE, CaseList, Listing
from workbench.ui.kit.fristen import FristenList
from workbench.ui.kit.header import PageHeader
from workbench.ui.kit.preheat import after_request, is_preheated
from workbench.ui.kit.teamwissen import TeamwissenSection
from workbench.ui.pages.elterngeld.quick import QuickCalculator
from workbench.ui.kit.theme import theme_style

TOPIC_PAGES = ("leistungscheck", "mutterschutz", "elternzeit", "kita", "pflege", "vorsorge", "zuzug")  # notebooks/<page>.ipynb, texts ui.start.new_<page>[_hint]


class StartPage:
    """The page ``notebooks/start.ipynb`` shows: ``StartPage().show()``."""

    def __init__(self, language: str = "de", store_factory: Callable[[], Listing] | None = None) -> None:
        self.language = language
        self.intro = w.HTML()
        self.note = w.HTML()
        self.cases = CaseList(language, store_factory or _office_store, self._show_unexpected)
        self.fristen = FristenList(language, store_factory or _office_store)  # issue 20: what is due, across cases
        self.quick = QuickCalculator(language)
        self.teamwissen = TeamwissenSection(language, store_factory or _office_store, self._show_unexpected)
        self.header = PageHeader("ui.start.title", language, self.set_language, self.quick._show_unexpected)
        self.language_toggle = self.header.toggle
        self.title = self.header.title
        # the quick calculation before the saved cases: however many cases there are, it stays on the first
        # screen (issue 24); the list below shows them a page at a time
        self.widget = w.VBox([theme_style(), self.header.widget, self.intro, self.note, self.quick.widget, self.fristen.widget,
                              self.cases.widget, self.teamwissen.widget])
        self.widget.add_class("wb-page")
        self.widget.add_class("wb-wide")  # the case list has seven columns (issue 24: none cut off)
        self._apply_texts()
        self.refresh()

    def refresh(self) -> None:
        """Read the Fristen, the saved cases and the Teamwissen again (after the request, after a language switch)."""
        guarded(self.fristen.refresh, self._show_unexpected)()
        guarded(self.cases.refresh, self._show_unexpected)()
        guarded(self.teamwissen.refresh, self._show_unexpected)()

    def _show_unexpected(self, reference: str) -> None:
        self.quick._show_unexpected(reference)

    def show(self) -> None:
        """Display the page in the notebook (Voila or JupyterLab).

        A preheated Voila kernel built the page before anyone asked for it: a thread waits
        for the request and lists the cases again, or cases saved meanwhile would be missing
        (see :mod:`workbench.ui.kit.preheat`: waiting in a thread, the refresh on the kernel's loop).
        """
        display(self.widget)  # type: ignore[no-untyped-call]
        if is_preheated():
            after_request(lambda _params: self.refresh(), "start")

    def set_language(self, language: str) -> None:
        """Switch every text on the page to ``language`` (``de`` or ``en``)."""
        self.language = language
        self.header.set_language(language)
        self._apply_texts()
        self.quick.set_language(language)
        self.cases.set_language(language)
        self.fristen.set_language(language)
        self.teamwissen.set_language(language)
        self.refresh()

    def _apply_texts(self) -> None:
        lang = self.language
        self.intro.value = f'<p lang="{lang}">{html.escape(text("ui.start.intro", lang))}</p>'
        new = html.escape(text("ui.start.new_elterngeld", lang))
        hint = html.escape(text("ui.start.new_elterngeld_hint", lang))
        query = "" if lang == "de" else "?lang=en"
        topics = "".join(f'<li><a href="{page}.ipynb{query}">{html.escape(text(f"ui.start.new_{page}", lang))}</a> – '
                         f'{html.escape(text(f"ui.start.new_{page}_hint", lang))}</li>' for page in TOPIC_PAGES)
        self.note.value = (f'<div class="wb-wizards" lang="{lang}"><h2>{html.escape(text("ui.start.wizards", lang))}</h2>'
                           f'<ul><li><a href="{WIZARD_PAGE}{query}">{new}</a> – {hint}</li>'
                           f'<li>{html.escape(text("ui.start.compare", lang))}</li>{topics}'
                           f'<li><a href="formulare.ipynb{query}">{html.escape(text("forms.ui.start_link", lang))}</a>'
                           f' – {html.escape(text("forms.ui.start_hint", lang))}</li></ul></div>')


def _office_store() -> Listing:
    from workbench.store import CaseStore

    store: Listing = CaseStore()
    return store

"""The page header of every workbench page: the title (``h1``) and the language switch.

One call gives a page both::

    header = PageHeader("vgl.title", language, on_language=self.switch_language, on_error=self.show_error)
    page = w.VBox([theme_style(), header.widget, ...])

``on_language(new_language)`` runs (guarded) when the advisor picks the other language; the page
then stores the language with the case and shows its texts in that language. :meth:`set_language`
changes the header itself without calling back. The switch is two toggle buttons, "Deutsch" and
"English", each named in its own language (``lang`` attribute), so a family finds its language
whatever the page shows. See ``docs/ui.md``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbench.i18n import LANGUAGES, text
from workbench.ui.kit.callbacks import guarded


def language_options() -> list[tuple[str, str]]:
    """("Deutsch", "de"), ("English", "en"): each language named in itself."""
    return [(text(f"ui.header.name_{lang}", lang), lang) for lang in LANGUAGES]


class PageHeader:
    """``h1`` title and the Deutsch/English switch, side by side (``wb-header``)."""

    def __init__(self, title_key: str, language: str, on_language: Callable[[str], None],
                 on_error: Callable[[str], None] = lambda reference: None, **title_args: Any) -> None:
        self.title_key = title_key
        self.title_args = title_args
        self.language = language
        self.on_language = on_language
        self.title = w.HTML()
        self.toggle = w.ToggleButtons(options=language_options(), value=language, style={"button_width": "7rem"})
        self.toggle.add_class("wb-language")
        self._quiet = False
        self.toggle.observe(guarded(self._changed, on_error), names="value")
        self.widget = w.HBox([self.title, self.toggle])
        self.widget.add_class("wb-header")
        self._render()

    def set_language(self, language: str) -> None:
        """Show the header in ``language`` (no call of ``on_language``)."""
        self.language = language
        if self.toggle.value != language:
            self._quiet = True
            try:
                self.toggle.value = language
            finally:
                self._quiet = False
        self._render()

    def set_title(self, title_key: str, **title_args: Any) -> None:
        """Another title (e.g. once the case is known)."""
        self.title_key, self.title_args = title_key, title_args
        self._render()

    def _changed(self, change: Any) -> None:
        if self._quiet or change["new"] == self.language:
            return
        self.language = str(change["new"])
        self._render()
        self.on_language(self.language)

    def _render(self) -> None:
        lang = self.language
        self.title.value = f'<h1 lang="{lang}">{html.escape(text(self.title_key, lang, **self.title_args))}</h1>'
        self.toggle.description = text("ui.header.language", lang)

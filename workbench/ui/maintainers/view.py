"""The frame every maintainer view shares: the page header with the language switch, the intro, the messages.

Each view names its title and intro (catalog keys) and adds its own labels in :meth:`MaintainerView.apply_texts`
and what it shows again in another language in :meth:`MaintainerView.language_changed`.
"""

from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as w

from workbench.i18n import text
from workbench.ui.kit.header import PageHeader
from workbench.ui.kit.widgets import heading_html, paragraph_html
from workbench.ui.maintainers.html import alert


def rules_folder(given: Path | None) -> Path | None:
    """The folder of ``<benefit>/params.yaml`` a view edits: ``given``, else ``$WORKBENCH_RULES_DIR`` (a maintainer's
    or the notebook test's copy of the rules), else None (the package's own rules)."""
    env_dir = os.environ.get("WORKBENCH_RULES_DIR")
    return given or (Path(env_dir) if env_dir else None)


class MaintainerView:
    """Header (title, language switch), intro and messages; an unexpected error shows its reference (``W-XXXX``)."""

    title_key = ""
    intro_key = ""

    def __init__(self, language: str) -> None:
        self.language = language
        self.header = PageHeader(self.title_key, language, self.set_language, self._show_unexpected)
        self.heading = self.header.title
        self.intro = w.HTML()
        self.messages = w.HTML()

    def set_language(self, language: str) -> None:
        """Every text in ``language`` (the header's switch; maintainers work on no case, nothing is stored)."""
        self.language = language
        self.header.set_language(language)
        self._apply_texts()
        self.language_changed()

    def language_changed(self) -> None:
        """Show again in the new language what the view shows beyond its labels (results, overviews)."""

    def _show_unexpected(self, reference: str) -> None:
        self.messages.value = alert([text("ui.error.unexpected", self.language, reference=reference)], self.language)

    def _apply_texts(self) -> None:
        lang = self.language
        self.heading.value = heading_html(1, self.title_key, lang)
        self.intro.value = paragraph_html(self.intro_key, lang)
        self.apply_texts()

    def apply_texts(self) -> None:
        """The view's own labels in ``self.language``."""

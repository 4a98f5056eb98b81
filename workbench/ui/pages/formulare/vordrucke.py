"""The blanks on the forms page: which official forms are ready, and adding downloaded ones by upload.

The same as ``workbench forms add`` (:mod:`workbench.forms.install`): an uploaded PDF that is
exactly a map's blank is copied into the forms folder (0600); another edition or another PDF is
refused with the form it seems to be. The status is read when the section is opened, not with
the page (hashing the blanks costs time a page start should not spend).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w

from workbench.errors import FormError
from workbench.forms.blanks import forms_dir, sha256_of
from workbench.forms.install import add_blank_data
from workbench.forms.registry import all_maps
from workbench.i18n import text
from workbench.ui.kit.callbacks import guarded

__all__ = ["BlankShelf", "blank_status"]


def blank_status(directory: Path, language: str) -> list[tuple[str, bool, str]]:
    """Per form with a blank: (title, ready, what to do) — ready means the map's edition is in the folder."""
    rows: list[tuple[str, bool, str]] = []
    for form in all_maps().values():
        if form.blank is None:  # the Elternzeit letter needs no blank
            continue
        path = directory / form.blank
        if path.is_file() and sha256_of(path) == form.sha256:
            rows.append((form.title[language], True, form.version))
        elif path.is_file():
            rows.append((form.title[language], False, text("forms.shelf.other_edition", language, url=form.download)))
        else:
            rows.append((form.title[language], False, text("forms.shelf.missing", language, url=form.download)))
    return rows


class BlankShelf:
    """A closed section "Vordrucke": the status table and an upload for downloaded blanks."""

    def __init__(self, language: str, directory: Path | None = None) -> None:
        self.language = language
        self.directory = directory
        self.table = w.HTML()
        self.upload = w.FileUpload(accept=".pdf,application/pdf", multiple=True,
                                   description=text("forms.shelf.upload", language))
        self.upload.add_class("wb-blank-upload")
        self.upload.observe(guarded(self._on_upload, self._unexpected), names="value")
        self.messages = w.HTML()
        intro = w.HTML(f'<p lang="{language}">{html.escape(text("forms.shelf.intro", language))}</p>')
        body = w.VBox([intro, self.table, self.upload, self.messages])
        self.widget = w.Accordion(children=[body], selected_index=None)
        self.widget.set_title(0, text("forms.shelf.title", language))
        self.widget.add_class("wb-blanks")
        self.widget.observe(guarded(self._on_open, self._unexpected), names="selected_index")

    def _unexpected(self, reference: str) -> None:
        self.messages.value = (f'<div class="wb-alert wb-alert-general" role="alert">'
                               f'{html.escape(text("ui.error.unexpected", self.language, reference=reference))}</div>')

    def _on_open(self, change: Any) -> None:
        if change["new"] == 0:
            self.refresh()

    def refresh(self) -> None:
        """Show which blanks are ready (the map's edition in the forms folder) and where to get the others."""
        lang = self.language
        rows = "".join(
            f"<tr><td>{html.escape(title)}</td><td>{html.escape(text('forms.shelf.ready' if ready else 'forms.shelf.not_ready', lang))}</td>"
            f"<td>{html.escape(detail)}</td></tr>"
            for title, ready, detail in blank_status(self.directory or forms_dir(), lang))
        self.table.value = (f'<table class="wb-table" lang="{lang}"><thead><tr><th>{html.escape(text("forms.ui.form", lang))}</th>'
                            f'<th>{html.escape(text("forms.shelf.state", lang))}</th><th></th></tr></thead>'
                            f"<tbody>{rows}</tbody></table>")

    def add(self, files: list[tuple[str, bytes]]) -> list[tuple[bool, str]]:
        """Add uploaded files; per file whether it went in and the sentence(s) to show."""
        said: list[tuple[bool, str]] = []
        for name, data in files:
            try:
                said.append((True, add_blank_data(data, name, self.directory, language=self.language)))
            except FormError as error:
                said.append((False, " ".join(error.messages)))
        return said

    def _on_upload(self, change: Any) -> None:
        uploads = change["new"] or ()
        if not uploads:
            return
        said = self.add([(str(item["name"]), bytes(item["content"])) for item in uploads])
        self.messages.value = "".join(
            f'<div class="{"wb-note wb-ok" if ok else "wb-alert wb-alert-general"}" role="{"status" if ok else "alert"}" '
            f'lang="{self.language}">{html.escape(line)}</div>' for ok, line in said)
        self.upload.value = ()  # the same file can be chosen again after a fix
        self.refresh()

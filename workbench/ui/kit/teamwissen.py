"""The start page's Teamwissen: search the team's researched answers by words and topic, add, edit, mark outdated.

Every search reads the store at that moment, so an entry a colleague (or another tab) saved a second
ago is found. Each result shows the question, the answer, source, date and who, the version, and
"VERALTET: …" for an outdated entry; "Bearbeiten" makes a new version (the old ones stay, shown behind
"Frühere Versionen"), "Als veraltet markieren" asks why. docs/teamwissen.md describes it for advisors.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbench.errors import StoreError
from workbench.i18n import text
from workbench.store.teamwissen import TOPICS, Entry, Teamwissen
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.teamwissen_form import TeamwissenForm
from workbench.ui.kit.teamwissen_hint import entry_html, teamwissen_of
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE, text_input

SHOWN = 20
"""Entries shown per search (the newest first); more words or a topic narrow it."""


class TeamwissenSection:
    """Heading, search (words, topic, outdated too), results with their buttons, and the entry form."""

    def __init__(self, language: str, store_factory: Callable[[], Any], on_error: Callable[[str], None]) -> None:
        self.language = language
        self.store_factory = store_factory
        self.on_error = on_error
        self.heading = w.HTML()
        self.words = text_input(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.words.add_class("wb-team-words")
        self.topic = w.Dropdown(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.outdated = w.Checkbox(value=False, style=LABEL_STYLE)
        self.search = w.Button(layout=w.Layout(width="auto"))
        self.search.add_class("wb-team-search")
        self.new = w.Button(icon="plus", layout=w.Layout(width="auto"))
        self.new.add_class("wb-team-new")
        self._filling = False  # set_language refills the topic list: not a search
        self.status = w.HTML()
        self.results = w.VBox([])
        self.results.add_class("wb-team-results")
        for widget in (self.words, self.topic, self.outdated):
            widget.observe(guarded(lambda _c: self.refresh(), on_error), names="value")
        self.search.on_click(guarded(lambda _b: self.refresh(), on_error))
        self.form = TeamwissenForm(language, self._team, self._saved, on_error)
        self.new.on_click(guarded(lambda _b: self.form.open_new(), on_error))
        self.widget = w.VBox([self.heading, self.words, self.topic, self.outdated,
                              w.HBox([self.search, self.new]), self.form.widget, self.status, self.results])
        self.widget.add_class("wb-teamwissen")
        self.set_language(language)

    def _team(self) -> Teamwissen:
        team = teamwissen_of(self.store_factory(), self.language)
        if team is None:
            raise StoreError(text("teamwissen.ui.unavailable", self.language, detail=type(self.store_factory()).__name__))
        return team

    def refresh(self) -> None:
        """Search the store now with the words, topic and the outdated box; show what it finds, newest first."""
        if self._filling:
            return
        lang = self.language
        if teamwissen_of(self.store_factory()) is None:  # a page on a test's memory store: no Teamwissen there
            self.widget.layout.display = "none"
            return
        try:
            entries = self._team().search(str(self.words.value), str(self.topic.value or ""),
                                          outdated=bool(self.outdated.value), limit=SHOWN)
        except StoreError as error:
            detail = error.text(lang) if hasattr(error, "text") else str(error)
            self._status(text("teamwissen.ui.unavailable", lang, detail=detail), alert=True)
            self._set_results([])
            return
        count = len(entries)
        key = "teamwissen.ui.none" if not count else "teamwissen.ui.found_one" if count == 1 else "teamwissen.ui.found"
        self._status(text(key, lang, count=count))
        self._set_results([self._result(e) for e in entries])

    def _status(self, message: str, alert: bool = False) -> None:
        role = ' role="alert"' if alert else ' aria-live="polite"'
        css = "wb-alert wb-alert-general" if alert else "wb-team-count"
        self.status.value = f'<p class="{css}"{role} lang="{self.language}">{html.escape(message)}</p>'

    def _set_results(self, widgets: list[w.Widget]) -> None:
        old = self.results.children
        self.results.children = tuple(widgets)
        for widget in old:
            widget.close()

    def _result(self, entry: Entry) -> w.Widget:
        """One entry: its text (opened), its earlier versions, and the buttons that change it."""
        lang = self.language
        body = entry_html(entry, lang).replace("<details ", "<details open ", 1)
        if entry.outdated:
            body = (f'<p class="wb-note">{html.escape(text("teamwissen.line.outdated", lang, reason=entry.outdated))}'
                    f"</p>{body}")
        if entry.version > 1:
            body += self._history_html(entry)
        card = w.HTML(f'<div class="wb-team-card" lang="{lang}">{body}</div>')
        edit = w.Button(description=text("teamwissen.ui.edit", lang), layout=w.Layout(width="auto"),
                        tooltip=text("teamwissen.ui.edit_label", lang, id=entry.entry_id))
        edit.on_click(guarded(lambda _b: self.form.open_edit(self._team().get(entry.entry_id)), self.on_error))
        buttons: list[w.Widget] = [edit]
        if not entry.outdated:
            outdated = w.Button(description=text("teamwissen.ui.mark_outdated", lang), layout=w.Layout(width="auto"),
                                tooltip=text("teamwissen.ui.mark_outdated_label", lang, id=entry.entry_id))
            outdated.on_click(guarded(lambda _b: self.form.open_outdated(self._team().get(entry.entry_id)),
                                      self.on_error))
            buttons.append(outdated)
        box = w.VBox([card, w.HBox(buttons)])
        box.add_class("wb-team-result")
        return box

    def _history_html(self, entry: Entry) -> str:
        lang = self.language
        try:
            earlier = self._team().history(entry.entry_id)[1:]
        except StoreError:
            return ""
        items = "".join(f"<li>{html.escape(text('teamwissen.line.meta', lang, topic='', step='', source=e.source, date=e.researched_on.isoformat(), author=e.author, version=e.version).lstrip(' ·'))}"
                        f"<br>{html.escape(e.question)} – {html.escape(e.answer)}"
                        f"{' (' + html.escape(text('teamwissen.line.outdated', lang, reason=e.outdated)) + ')' if e.outdated else ''}</li>"
                        for e in earlier)
        return (f'<details class="wb-team-history"><summary>{html.escape(text("teamwissen.ui.history", lang, count=len(earlier)))}'
                f"</summary><ul>{items}</ul></details>")

    def _saved(self, entry: Entry, message: str) -> None:
        """After a save: the list shows the newest entries (the saved one first), the status says what happened."""
        self._filling = True
        try:
            self.words.value, self.topic.value = "", ""
            self.outdated.value = self.outdated.value or bool(entry.outdated)
        finally:
            self._filling = False
        self.refresh()
        self._status(message)

    def set_language(self, language: str) -> None:
        self._filling = True
        try:
            self._apply_texts(language)
        finally:
            self._filling = False

    def _apply_texts(self, language: str) -> None:
        self.language = lang = language
        self.heading.value = (f'<h2 lang="{lang}">{html.escape(text("teamwissen.ui.heading", lang))}</h2>'
                              f'<p lang="{lang}">{html.escape(text("teamwissen.ui.intro", lang))}</p>')
        self.words.description = text("teamwissen.ui.search", lang)
        self.words.placeholder = text("teamwissen.ui.search_placeholder", lang)
        current = self.topic.value or ""
        self.topic.options = [(text("teamwissen.ui.all_topics", lang), ""),
                              *[(text(f"teamwissen.topic.{t}", lang), t) for t in TOPICS]]
        self.topic.value = current
        self.topic.description = text("teamwissen.field.topic", lang)
        self.outdated.description = text("teamwissen.ui.show_outdated", lang)
        self.search.description = text("teamwissen.ui.search_button", lang)
        self.new.description = text("teamwissen.ui.new", lang)
        self.form.set_language(lang)

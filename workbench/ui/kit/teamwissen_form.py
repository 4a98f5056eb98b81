"""The start page's form for a Teamwissen entry: a new one, a new version of one, or why one is outdated.

Fields: question, answer, source, topic, the wizard step it belongs to (optional), the day it was
researched and who researched it. "Speichern" stores through :class:`workbench.store.teamwissen.Teamwissen`;
what it refuses (a field missing, family data in the text, a colleague's newer version) is shown above
the buttons as an alert naming the field, and the entries stay.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbench.clock import today
from workbench.errors import StoreError
from workbench.i18n import format_date, text
from workbench.store.records import advisor
from workbench.store.teamwissen import TOPICS, Entry, Teamwissen, TeamwissenRefused
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.teamwissen_hint import WIZARD_STEPS
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE, text_area, text_input

AREA_LAYOUT = {**FIELD_LAYOUT, "height": "6em"}


class TeamwissenForm:
    """Hidden until "Neuen Eintrag anlegen", "Bearbeiten" or "Als veraltet markieren"; ``on_saved`` after a save."""

    def __init__(self, language: str, team: Callable[[], Teamwissen], on_saved: Callable[[Entry, str], None],
                 on_error: Callable[[str], None]) -> None:
        self.language = language
        self.team = team
        self.on_saved = on_saved
        self.editing: Entry | None = None
        self.mode = "new"  # new | edit | outdated
        self.heading = w.HTML()
        self.question = text_area(style=LABEL_STYLE, layout=w.Layout(**AREA_LAYOUT))
        self.answer = text_area(style=LABEL_STYLE, layout=w.Layout(**{**AREA_LAYOUT, "height": "9em"}))
        self.source = text_input(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.topic = w.Dropdown(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.step = w.Dropdown(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.researched_on = text_input(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.author = text_input(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.reason = text_input(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.topic.observe(guarded(lambda _c: self._fill_steps(), on_error), names="value")
        self.message = w.HTML()
        self.save = w.Button(button_style="primary")
        self.save.add_class("wb-team-save")
        self.cancel = w.Button()
        self.save.on_click(guarded(lambda _b: self._save(), on_error))
        self.cancel.on_click(guarded(lambda _b: self.close(), on_error))
        self.entry_fields = w.VBox([self.question, self.answer, self.source, self.topic, self.step,
                                    self.researched_on, self.author])
        self.widget = w.VBox([self.heading, self.entry_fields, self.reason, self.message,
                              w.HBox([self.save, self.cancel])], layout=w.Layout(display="none"))
        self.widget.add_class("wb-team-form")
        self.set_language(language)

    # -- opening ------------------------------------------------------------------------------------
    def open_new(self) -> None:
        self.mode, self.editing = "new", None
        self.question.value = self.answer.value = self.source.value = ""
        self.topic.value = "elterngeld"
        self._fill_steps()
        self.step.value = ""
        self.researched_on.value = format_date(today(), "de")
        self.author.value = advisor()
        self._show()

    def open_edit(self, entry: Entry) -> None:
        self.mode, self.editing = "edit", entry
        self.question.value, self.answer.value, self.source.value = entry.question, entry.answer, entry.source
        self.topic.value = entry.topic
        self._fill_steps()
        if entry.step and entry.step not in [v for _, v in self.step.options]:  # a step no wizard has any more
            self.step.options = [*self.step.options, (entry.step, entry.step)]
        self.step.value = entry.step
        self.researched_on.value = format_date(entry.researched_on, "de")
        self.author.value = entry.author
        self._show()

    def open_outdated(self, entry: Entry) -> None:
        self.mode, self.editing = "outdated", entry
        self.reason.value = ""
        self._show()

    def close(self) -> None:
        self.widget.layout.display = "none"
        self.message.value = ""

    def _show(self) -> None:
        self.message.value = ""
        self.entry_fields.layout.display = "none" if self.mode == "outdated" else None
        self.reason.layout.display = None if self.mode == "outdated" else "none"
        self._render_heading()
        self.widget.layout.display = None
        (self.reason if self.mode == "outdated" else self.question).focus()  # the keyboard goes to the form

    # -- saving -------------------------------------------------------------------------------------
    def _save(self) -> None:
        team = self.team()
        try:
            if self.mode == "outdated" and self.editing is not None:
                entry = team.mark_outdated(self.editing.entry_id, str(self.reason.value), self.editing.version)
                done = text("teamwissen.ui.marked", self.language, id=entry.entry_id)
            else:
                values: dict[str, Any] = {
                    "topic": self.topic.value, "step": self.step.value or "", "question": self.question.value,
                    "answer": self.answer.value, "source": self.source.value,
                    "researched_on": str(self.researched_on.value), "author": self.author.value}
                if self.mode == "edit" and self.editing is not None:
                    entry = team.edit(self.editing.entry_id, self.editing.version, **values)
                else:
                    entry = team.add(**values)
                done = text("teamwissen.ui.saved", self.language, id=entry.entry_id, version=entry.version)
        except TeamwissenRefused as refused:
            self._alert(refused.text(self.language))
            return
        except StoreError as error:  # a colleague's newer version, the store's trouble: said, entries kept
            message = error.text(self.language) if hasattr(error, "text") else str(error)
            self._alert(message)
            return
        self.close()
        self.on_saved(entry, done)

    def _alert(self, message: str) -> None:
        self.message.value = (f'<div class="wb-alert wb-alert-general" role="alert" lang="{self.language}">'
                              f"{html.escape(message)}</div>")

    # -- texts --------------------------------------------------------------------------------------
    def _fill_steps(self) -> None:
        lang, current = self.language, self.step.value
        options = [(text("teamwissen.ui.no_step", lang), "")]
        options += [(text(key, lang), key) for key in WIZARD_STEPS.get(str(self.topic.value), ())]
        self.step.options = options
        self.step.value = current if current in [v for _, v in options] else ""

    def _render_heading(self) -> None:
        lang, entry = self.language, self.editing
        if self.mode == "edit" and entry is not None:
            title = text("teamwissen.ui.form_edit", lang, id=entry.entry_id, version=entry.version + 1)
        elif self.mode == "outdated" and entry is not None:
            title = text("teamwissen.ui.mark_outdated_label", lang, id=entry.entry_id)
        else:
            title = text("teamwissen.ui.form_new", lang)
        self.heading.value = f'<h3 lang="{lang}">{html.escape(title)}</h3>'

    def set_language(self, language: str) -> None:
        self.language = lang = language
        for widget, field in ((self.question, "question"), (self.answer, "answer"), (self.source, "source"),
                              (self.topic, "topic"), (self.step, "step"), (self.researched_on, "researched_on"),
                              (self.author, "author")):
            widget.description = text(f"teamwissen.field.{field}", lang)
        self.reason.description = text("teamwissen.ui.outdated_reason", lang)
        current = self.topic.value or "elterngeld"
        self.topic.options = [(text(f"teamwissen.topic.{t}", lang), t) for t in TOPICS]
        self.topic.value = current
        self._fill_steps()
        self.save.description = text("teamwissen.ui.save", lang)
        self.cancel.description = text("teamwissen.ui.cancel", lang)
        self._render_heading()

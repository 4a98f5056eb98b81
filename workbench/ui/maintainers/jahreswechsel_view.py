"""Jahreswechsel: enter the new year's values of the periodically updated parameters.

The page lists every parameter whose next value is due within 60 days (or overdue) with its
legal source and where the new value is published (:mod:`workbench.maintenance.jahreswechsel`),
and offers one value field and one source field per parameter, dated to the day the value is
due. "Prüfen" validates the filled ones, shows the diff of each file and "Was ändert sich" for
the example families (the new values against the provisional ones on that day); only then
"Speichern" writes them (each through :func:`workbench.maintenance.editing.propose_value`,
atomically, comments kept). Any edit after the check withdraws the diff.
"""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as w
from IPython.display import display

from workbench.clock import today as clock_today
from workbench.errors import InvalidValue, benefit_label
from workbench.i18n import format_date, text
from workbench.maintenance.changes import Setting, compare
from workbench.maintenance.display import format_value
from workbench.maintenance.reformen import Reform
from workbench.maintenance.editing import ProposedChange, official_parameters, propose_value
from workbench.maintenance.families import affected_benefits
from workbench.maintenance.jahreswechsel import DueParameter, due_parameters
from workbench.parameters import ParameterSet, parse_parameter_text
from workbench.ui.callbacks import guarded
from workbench.ui.header import PageHeader
from workbench.ui.maintainers.changes_view import changes_html
from workbench.ui.maintainers.html import alert, pre, table
from workbench.ui.maintainers.parameter_editor import flow_text
from workbench.ui.theme import theme_style
from workbench.ui.widgets import FIELD_LAYOUT, LABEL_STYLE, text_area, text_input


class DueRow:
    """The fields of one due parameter: its facts, the new value and its source."""

    def __init__(self, due: DueParameter) -> None:
        self.due = due
        self.facts = w.HTML()
        start = flow_text(due.latest.value) if due.parameter.unit == "table" else ""
        self.value = text_input(value=start, style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.reference = text_area(style=LABEL_STYLE, layout=w.Layout(width="34em", height="4.5em"))
        self.widget = w.VBox([self.facts, self.value, self.reference])
        self.widget.add_class("wb-form")
        self._start = start

    @property
    def key(self) -> str:
        return f"{self.due.benefit}.{self.due.name}"

    @property
    def filled(self) -> bool:
        """The maintainer entered something (a table's start text alone is not an entry)."""
        return bool(self.reference.value.strip()) or self.value.value.strip() not in ("", self._start)

    def apply_texts(self, language: str) -> None:
        d = self.due
        self.facts.value = (
            f'<h3 lang="{language}">{html.escape(self.key)} – {html.escape(d.what)}</h3>'
            f'<p lang="{language}">{html.escape(text("maint.jw.ui.facts", language, stand=format_date(d.latest.valid_from, language), value=format_value(d.latest.value, language), due=format_date(d.due, language), source=d.legal_source, published_in=d.parameter.published_in or "–", benefit=benefit_label(d.benefit, language)))}</p>')
        self.value.description = text("maint.jw.ui.value", language, date=format_date(d.due, language))
        self.value.placeholder = text("maint.ui.value_placeholder", language)
        self.reference.description = text("maint.ui.reference", language)
        self.reference.placeholder = text("maint.jw.ui.reference_placeholder", language,
                                          published_in=d.parameter.published_in or "")


class JahreswechselView:
    """The page of ``maintainers/jahreswechsel.ipynb``: ``JahreswechselView().show()``.

    ``rules_dir`` (or ``$WORKBENCH_RULES_DIR``) points to a copy of the rules (tests, rehearsals);
    ``today`` (or ``$WORKBENCH_TODAY``) sets the day the 60-day horizon counts from.
    """

    def __init__(self, language: str = "de", rules_dir: Path | None = None, today: date | None = None) -> None:
        self.language = language
        env_dir = os.environ.get("WORKBENCH_RULES_DIR")
        self.rules_dir = rules_dir or (Path(env_dir) if env_dir else None)
        self.today = today or clock_today()
        self.proposals: list[ProposedChange] = []
        self.header = PageHeader("maint.jw.ui.title", language, self.set_language, self._show_unexpected)
        self.heading = self.header.title
        self.intro = w.HTML()
        self.overview = w.HTML()
        self.rows: list[DueRow] = []
        self.fields = w.VBox()
        self.check = w.Button(button_style="primary")
        self.save = w.Button(disabled=True)
        self.messages = w.HTML()
        self.diff = w.HTML()
        self.changes = w.HTML()
        on_error = self._show_unexpected
        self.check.on_click(guarded(self._on_check, on_error))
        self.save.on_click(guarded(self._on_save, on_error))
        self.widget = w.VBox([theme_style(), self.header.widget, self.intro, self.overview, self.fields,
                              w.HBox([self.check, self.save]), self.messages, self.diff, self.changes])
        self.widget.add_class("wb-page")
        self._load_rows()
        self._apply_texts()

    def show(self) -> None:
        """Display the page."""
        display(self.widget)  # type: ignore[no-untyped-call]

    def row(self, benefit: str, name: str) -> DueRow:
        """The fields of ``benefit.name`` (KeyError when it is not due)."""
        for row in self.rows:
            if (row.due.benefit, row.due.name) == (benefit, name):
                return row
        raise KeyError(f"{benefit}.{name}")

    # --- state -------------------------------------------------------------------
    def _load_rows(self) -> None:
        self.rows = [DueRow(d) for d in due_parameters(self.today, self.rules_dir)]
        on_error = self._show_unexpected
        for row in self.rows:
            for field in (row.value, row.reference):
                field.observe(guarded(self._on_edit, on_error), names="value")
        self.fields.children = tuple(row.widget for row in self.rows)

    def _reform(self) -> Reform:
        """The proposals as one in-memory reform: each benefit's official set with the new values."""
        sets: dict[str, ParameterSet] = {}
        changed: dict[str, tuple[str, ...]] = {}
        for proposal in self.proposals:
            base = sets.get(proposal.benefit) or official_parameters(proposal.benefit, self.rules_dir)
            new = parse_parameter_text(proposal.benefit, proposal.new_text, proposal.path).parameters[proposal.name]
            sets[proposal.benefit] = ParameterSet(proposal.benefit, {**base.parameters, proposal.name: new}, base.path)
            changed[proposal.benefit] = (*changed.get(proposal.benefit, ()), proposal.name)
        return Reform(text("maint.jw.ui.reform_name", self.language), Path("."), sets, changed)

    # --- callbacks -----------------------------------------------------------------
    def _on_edit(self, _change: Any) -> None:
        self._withdraw()

    def _on_check(self, _button: Any = None) -> None:
        self._withdraw()
        lang = self.language
        filled = [row for row in self.rows if row.filled]
        if not filled:
            self.messages.value = alert([text("maint.jw.ui.nothing", lang)], lang, "wb-note")
            return
        problems: list[str] = []
        proposals: list[ProposedChange] = []
        for row in filled:
            try:
                proposals.append(propose_value(row.due.benefit, row.due.name, row.due.due, row.value.value,
                                               row.reference.value, rules_dir=self.rules_dir))
            except InvalidValue as error:
                problems += [f"{row.key}: {m}" for m in error.messages(lang)]
        if problems:
            self.messages.value = alert(problems, lang)
            return
        self.proposals = proposals
        notes = [f"{p.benefit}.{p.name}: {w_.text(lang)}" for p in proposals for w_ in p.warnings]
        self.messages.value = alert(notes, lang, "wb-note") if notes else ""
        self.diff.value = (f'<p lang="{lang}">{html.escape(text("maint.ui.diff_caption", lang))}</p>'
                           + "".join(pre(p.diff) for p in proposals))
        self.changes.value = self._changes_html()
        self.save.disabled = False

    def _changes_html(self) -> str:
        """Was ändert sich on the due day: the provisional (latest known) values against the new ones."""
        lang = self.language
        on = min(p_.due for p_ in (row.due for row in self.rows if row.filled))
        reform = self._reform()
        benefits = affected_benefits(reform.changed)
        heading = f'<h2 lang="{lang}">{html.escape(text("maint.jw.ui.changes_heading", lang))}</h2>'
        if not benefits:
            return heading + f'<p lang="{lang}">{html.escape(text("maint.jw.ui.no_families", lang))}</p>'
        before, after = Setting(on), Setting(on, reform)
        return heading + changes_html(compare(before, after, benefits=benefits), before, after, lang)

    def _on_save(self, _button: Any = None) -> None:
        if not self.proposals:
            return
        lang = self.language
        saved: list[ProposedChange] = []
        for shown in self.proposals:
            # several values of one file: each is proposed again on the file as the previous save left it
            row = self.row(shown.benefit, shown.name)
            try:
                current = propose_value(shown.benefit, shown.name, row.due.due, row.value.value, row.reference.value,
                                        rules_dir=self.rules_dir) if saved else shown
                current.save()
            except InvalidValue as error:
                self.messages.value = alert([f"{shown.benefit}.{shown.name}: {m}" for m in error.messages(lang)], lang)
                break
            saved.append(current)
        self.proposals = []
        self.save.disabled = True
        if saved:
            paths = ", ".join(sorted({str(p.path) for p in saved}))
            self.messages.value += (f'<p class="wb-note" role="status" lang="{lang}">'
                                    f'{html.escape(text("maint.jw.ui.saved", lang, count=len(saved), paths=paths))}</p>')
        self.diff.value = "".join(pre(p.diff) for p in saved)
        self._load_rows()
        self._apply_texts()

    def _withdraw(self) -> None:
        self.proposals = []
        self.save.disabled = True
        self.diff.value = ""
        self.changes.value = ""
        self.messages.value = ""

    def set_language(self, language: str) -> None:
        """Every text in ``language`` (the header's switch; nothing is stored)."""
        self.language = language
        self.header.set_language(language)
        self._apply_texts()
        self._withdraw()

    def _show_unexpected(self, reference: str) -> None:
        self.messages.value = alert([text("ui.error.unexpected", self.language, reference=reference)], self.language)

    # --- rendering -----------------------------------------------------------------
    def _overview_html(self) -> str:
        lang = self.language
        if not self.rows:
            return f'<p class="wb-ok" lang="{lang}">{html.escape(text("maint.jw.ui.none_due", lang, date=format_date(self.today, lang)))}</p>'
        headers = [text(k, lang) for k in ("maint.ui.col_name", "maint.jw.ui.col_stand", "maint.jw.ui.col_due",
                                           "maint.jw.ui.col_source", "maint.jw.ui.col_published")]
        rows = [[r.key, format_date(r.due.latest.valid_from, lang), format_date(r.due.due, lang), r.due.legal_source,
                 r.due.parameter.published_in or "–"] for r in self.rows]
        caption = text("maint.jw.ui.caption", lang, count=len(self.rows), date=format_date(self.today, lang))
        return table(caption, headers, rows)

    def _apply_texts(self) -> None:
        lang = self.language
        self.heading.value = f'<h1 lang="{lang}">{html.escape(text("maint.jw.ui.title", lang))}</h1>'
        self.intro.value = f'<p lang="{lang}">{html.escape(text("maint.jw.ui.intro", lang))}</p>'
        self.overview.value = self._overview_html()
        for row in self.rows:
            row.apply_texts(lang)
        self.check.description = text("maint.ui.check", lang)
        self.save.description = text("maint.ui.save", lang)


__all__ = ["DueRow", "JahreswechselView"]

"""Browse every benefit's dated parameters and add a new dated value.

The maintainer picks a benefit and a parameter, sees its description, unit and every
dated value with its reference, fills "gültig ab", optionally "gültig bis", the value and
the reference, and presses "Prüfen": problems are listed, or the diff of the file is
shown. Only then "Speichern" writes the file (atomically, comments kept). Any edit after
the check withdraws the diff, so what is saved is always what was shown.
"""

from __future__ import annotations


import html
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as w
from IPython.display import display

from workbench.clock import today as clock_today
from workbench.errors import InvalidValue
from workbench.i18n import format_date, text
from workbench.maintenance.display import format_period, format_value, value_on
from workbench.maintenance.editing import ProposedChange, official_parameters, propose_value
from workbench.parameters import Parameter, parameter_files
from workbench.ui.kit.callbacks import guarded
from workbench.ui.maintainers.view import MaintainerView, rules_folder
from workbench.ui.maintainers.html import alert, pre, table
from workbench.ui.kit.theme import theme_style
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE, heading_html, set_labels, text_area, text_input


def flow_text(value: Any) -> str:
    """A value as YAML flow text that reads back exactly (the value field's start text for tables)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_text(v) for v in value) + "]"
    return str(value)


class ParameterEditor(MaintainerView):
    """The page of ``maintainers/parameter.ipynb``: ``ParameterEditor().show()``.

    ``rules_dir`` points to another folder of ``<benefit>/params.yaml`` (tests use a copy).
    """

    title_key = "maint.ui.parameter_title"
    intro_key = "maint.ui.parameter_intro"

    def __init__(self, language: str = "de", rules_dir: Path | None = None, today: date | None = None) -> None:
        super().__init__(language)
        self.rules_dir = rules_folder(rules_dir)  # $WORKBENCH_RULES_DIR: a maintainer's (or the notebook test's) copy
        self.today = today or clock_today()
        self.proposal: ProposedChange | None = None
        self.benefit = w.Dropdown(options=list(parameter_files(self.rules_dir)), style=LABEL_STYLE,
                                  layout=w.Layout(**FIELD_LAYOUT))
        self.name = w.Dropdown(options=[], style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.overview = w.HTML()
        self.details = w.HTML()
        self.form_heading = w.HTML()
        self.valid_from = w.DatePicker(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.valid_until = w.DatePicker(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.value = text_input(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.reference = text_area(style=LABEL_STYLE, layout=w.Layout(width="34em", height="4.5em"))
        self.check = w.Button(button_style="primary")
        self.save = w.Button(disabled=True)
        self.diff = w.HTML()

        on_error = self._show_unexpected
        self.benefit.observe(guarded(self._on_benefit, on_error), names="value")
        self.name.observe(guarded(self._on_name, on_error), names="value")
        for field in (self.valid_from, self.valid_until, self.value, self.reference):
            field.observe(guarded(self._on_edit, on_error), names="value")
        self.check.on_click(guarded(self._on_check, on_error))
        self.save.on_click(guarded(self._on_save, on_error))

        form = w.VBox([self.form_heading, self.valid_from, self.valid_until, self.value, self.reference,
                       w.HBox([self.check, self.save]), self.messages, self.diff])
        form.add_class("wb-form")
        self.widget = w.VBox([theme_style(), self.header.widget, self.intro, self.benefit, self.overview,
                              self.name, self.details, form])
        self.widget.add_class("wb-page")
        self._apply_texts()
        self._on_benefit()

    def show(self) -> None:
        """Display the page."""
        display(self.widget)  # type: ignore[no-untyped-call]

    # --- state -------------------------------------------------------------------
    def _parameters(self) -> dict[str, Parameter]:
        if not self.benefit.value:
            return {}
        return dict(official_parameters(str(self.benefit.value), self.rules_dir).parameters)

    def _parameter(self) -> Parameter | None:
        return self._parameters().get(str(self.name.value)) if self.name.value else None

    # --- callbacks -----------------------------------------------------------------
    def _on_benefit(self, _change: Any = None) -> None:
        params = self._parameters()
        self.name.options = list(params)
        self.overview.value = self._overview_html(params)
        self._on_name()

    def _on_name(self, _change: Any = None) -> None:
        param = self._parameter()
        self.details.value = self._details_html(param) if param else ""
        if param is not None and param.unit == "table":
            self.value.value = flow_text(param.values[-1].value)
        else:
            self.value.value = ""
        self._withdraw()

    def _on_edit(self, _change: Any) -> None:
        self._withdraw()

    def _on_check(self, _button: Any = None) -> None:
        self._withdraw()
        try:
            self.proposal = propose_value(
                str(self.benefit.value), str(self.name.value), self.valid_from.value, self.value.value,
                self.reference.value, self.valid_until.value, rules_dir=self.rules_dir)
        except InvalidValue as error:
            self.messages.value = alert(error.messages(self.language), self.language)
            return
        notes = [p.text(self.language) for p in self.proposal.warnings]
        self.messages.value = alert(notes, self.language, "wb-note") if notes else ""
        self.diff.value = (f'<p lang="{self.language}">{html.escape(text("maint.ui.diff_caption", self.language))}</p>'
                           + pre(self.proposal.diff))
        self.save.disabled = False

    def _on_save(self, _button: Any = None) -> None:
        if self.proposal is None:
            return
        try:
            self.proposal.save()
        except InvalidValue as error:
            self.messages.value = alert(error.messages(self.language), self.language)
            self._withdraw(keep_messages=True)
            return
        saved = self.proposal
        self.proposal = None
        self.save.disabled = True
        self.messages.value = (f'<p class="wb-note" role="status" lang="{self.language}">'
                               f'{html.escape(text("maint.ui.saved", self.language, path=str(saved.path)))}</p>')
        self.diff.value = pre(saved.diff)
        self.overview.value = self._overview_html(self._parameters())
        param = self._parameter()
        self.details.value = self._details_html(param) if param else ""

    def _withdraw(self, keep_messages: bool = False) -> None:
        self.proposal = None
        self.save.disabled = True
        self.diff.value = ""
        if not keep_messages:
            self.messages.value = ""

    def language_changed(self) -> None:
        params = self._parameters()
        self.overview.value = self._overview_html(params)
        param = self._parameter()
        self.details.value = self._details_html(param) if param is not None else ""
        self.messages.value = ""
        self.diff.value = ""

    # --- rendering -----------------------------------------------------------------
    def _overview_html(self, params: dict[str, Parameter]) -> str:
        lang = self.language
        rows = []
        for name, param in params.items():
            value = value_on(param, self.today)
            current = next((v for (s, e), v in zip(param.periods(), param.values)
                            if s <= self.today and (e is None or self.today <= e)), None)
            rows.append([name, param.unit, "–" if value is None else format_value(value, lang),
                         format_date(current.valid_from, lang) if current else "–",
                         current.reference if current else "–"])
        caption = text("maint.ui.overview_caption", lang, benefit=str(self.benefit.value),
                       date=format_date(self.today, lang))
        headers = [text(k, lang) for k in ("maint.ui.col_name", "maint.ui.col_unit", "maint.ui.col_value",
                                           "maint.ui.col_from", "maint.ui.col_reference")]
        return table(caption, headers, rows)

    def _details_html(self, param: Parameter) -> str:
        lang = self.language
        rows, classes = [], []
        for (start, end), entry in zip(param.periods(), param.values):
            rows.append([format_period(start, end, lang), format_value(entry.value, lang), entry.reference])
            classes.append("wb-current" if start <= self.today and (end is None or self.today <= end) else "")
        headers = [text(k, lang) for k in ("maint.ui.col_period", "maint.ui.col_value", "maint.ui.col_reference")]
        due = param.next_update()
        rhythm = ("<br>" + html.escape(text("maint.cli.rhythm", lang, updated=param.updated, due=format_date(due, lang),
                                            published_in=param.published_in or "–"))) if due is not None else ""
        intro = (f'<p lang="{lang}"><strong>{html.escape(param.name)}</strong> – {html.escape(param.description)}<br>'
                 f'{html.escape(text("maint.ui.unit_line", lang, unit=param.unit, basis=param.date_basis))}{rhythm}</p>')
        return intro + table(text("maint.ui.values_caption", lang, name=param.name), headers, rows,
                             row_classes=classes)

    def apply_texts(self) -> None:
        lang = self.language
        self.form_heading.value = heading_html(2, "maint.ui.add_heading", lang)
        set_labels(lang, [(self.benefit, "description", "maint.ui.benefit"),
                          (self.name, "description", "maint.ui.parameter"),
                          (self.valid_from, "description", "maint.ui.valid_from"),
                          (self.valid_until, "description", "maint.ui.valid_until"),
                          (self.value, "description", "maint.ui.value"),
                          (self.value, "placeholder", "maint.ui.value_placeholder"),
                          (self.reference, "description", "maint.ui.reference"),
                          (self.reference, "placeholder", "maint.ui.reference_placeholder"),
                          (self.check, "description", "maint.ui.check"),
                          (self.save, "description", "maint.ui.save")])


__all__ = ["ParameterEditor", "flow_text"]

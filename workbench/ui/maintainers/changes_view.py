"""Was ändert sich: the example families at two dates, or without and with a reform.

The result is a table (family, benefit, before, after, difference) and a bar chart of the
differences. Computation: :func:`workbench.maintenance.changes.compare`.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as w
from IPython.display import display

from workbench.errors import InvalidValue, ParameterError
from workbench.i18n import format_money, text
from workbench.maintenance.changes import Change, Setting, compare
from workbench.maintenance.reformen import load_reform, reform_names
from workbench.ui.callbacks import guarded
from workbench.ui.header import PageHeader
from workbench.ui.maintainers.html import alert, bar_chart, table
from workbench.ui.theme import theme_style
from workbench.ui.widgets import FIELD_LAYOUT, LABEL_STYLE

DATES, REFORM = "dates", "reform"


def changes_html(changes: list[Change], before: Setting, after: Setting, language: str) -> str:
    """The families' amounts under both settings: a table (before, after, difference) and a bar chart.

    Also the "Was ändert sich" of the Jahreswechsel page (official values against the new year's).
    """
    lang = language
    rows, items, classes = [], [], []
    for row in changes:
        label = row.family.label.get(lang, row.family.id)
        diff = row.difference
        if diff is None:
            rows.append([label, row.benefit, "–", "–", "–", text("maint.changes.not_computed", lang, reason=row.problem)])
            classes.append("wb-fail")
            continue
        assert row.before is not None and row.after is not None
        sign = "+" if diff > 0 else ""
        rows.append([label, row.benefit, format_money(row.before, lang), format_money(row.after, lang),
                     sign + format_money(diff, lang), ""])
        classes.append("")
        items.append((f"{label} · {row.benefit}", diff))
    headers = [text(k, lang) for k in ("maint.ui.col_family", "maint.ui.col_benefit", "maint.ui.col_before",
                                       "maint.ui.col_after", "maint.ui.col_difference", "maint.ui.col_note")]
    caption = text("maint.ui.changes_caption", lang, before=before.label(lang), after=after.label(lang))
    units = f'<p lang="{lang}">{html.escape(text("maint.ui.changes_units", lang))}</p>'
    return (units + table(caption, headers, rows, numeric=(2, 3, 4), row_classes=classes)
            + bar_chart(text("maint.ui.chart_caption", lang), items, lang))


class ChangesView:
    """The page of ``maintainers/was-aendert-sich.ipynb``: ``ChangesView().show()``."""

    def __init__(self, language: str = "de", reformen_dir: Path | None = None,
                 first: date = date(2025, 6, 15), second: date = date(2026, 6, 15)) -> None:
        self.language = language
        self.reformen_dir = reformen_dir
        self.rows: list[Change] = []
        self.header = PageHeader("maint.ui.changes_title", language, self.set_language, self._show_unexpected)
        self.heading = self.header.title
        self.intro = w.HTML()
        self.mode = w.ToggleButtons(options=[], style={"button_width": "14rem"})
        self.first = w.DatePicker(value=first, style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.second = w.DatePicker(value=second, style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        reforms = reform_names(reformen_dir)
        self.reform = w.Dropdown(options=reforms, value=reforms[0] if reforms else None, style=LABEL_STYLE,
                                layout=w.Layout(**FIELD_LAYOUT))
        self.run = w.Button(button_style="primary")
        self.messages = w.HTML()
        self.output = w.HTML()
        self.mode.observe(guarded(self._on_mode, self._show_unexpected), names="value")
        self.run.on_click(guarded(self._on_run, self._show_unexpected))
        form = w.VBox([self.mode, self.first, self.second, self.reform, self.run, self.messages])
        form.add_class("wb-form")
        self.widget = w.VBox([theme_style(), self.header.widget, self.intro, form, self.output])
        self.widget.add_class("wb-page")
        self._apply_texts()
        self._on_mode()

    def show(self) -> None:
        """Display the page with the comparison of the two default dates."""
        display(self.widget)  # type: ignore[no-untyped-call]
        self._on_run()

    def _on_mode(self, _change: Any = None) -> None:
        reform_mode = self.mode.value == REFORM
        self.second.layout.display = "none" if reform_mode else None
        self.reform.layout.display = None if reform_mode else "none"
        self.first.description = text("maint.ui.date" if reform_mode else "maint.ui.first_date", self.language)

    def _settings(self) -> tuple[Setting, Setting] | None:
        first, second = self.first.value, self.second.value
        if first is None or (self.mode.value == DATES and second is None):
            self.messages.value = alert([text("maint.ui.dates_missing", self.language)], self.language)
            return None
        if self.mode.value == DATES:
            return Setting(first), Setting(second)
        if not self.reform.value:
            self.messages.value = alert([text("reform.ui.none", self.language)], self.language)
            return None
        try:
            reform = load_reform(str(self.reform.value), self.reformen_dir)
        except InvalidValue as error:
            self.messages.value = alert(error.messages(self.language), self.language)
            return None
        except ParameterError as error:
            self.messages.value = alert([str(error)], self.language)
            return None
        return Setting(first), Setting(first, reform)

    def _on_run(self, _button: Any = None) -> None:
        self.messages.value = ""
        settings = self._settings()
        if settings is None:
            self.output.value = ""
            return
        self.rows = compare(*settings)
        self.output.value = self.result_html(*settings)

    def result_html(self, before: Setting, after: Setting) -> str:
        """Table and chart of :attr:`rows`."""
        return changes_html(self.rows, before, after, self.language)

    def set_language(self, language: str) -> None:
        """Every text in ``language`` (the header's switch; maintainers work on no case, nothing is stored)."""
        self.language = language
        self.header.set_language(language)
        self._apply_texts()
        self._on_mode()
        if self.output.value:
            self._on_run()

    def _show_unexpected(self, reference: str) -> None:
        self.messages.value = alert([text("ui.error.unexpected", self.language, reference=reference)], self.language)

    def _apply_texts(self) -> None:
        lang = self.language
        self.heading.value = f'<h1 lang="{lang}">{html.escape(text("maint.ui.changes_title", lang))}</h1>'
        self.intro.value = f'<p lang="{lang}">{html.escape(text("maint.ui.changes_intro", lang))}</p>'
        current = self.mode.value or DATES
        self.mode.options = [(text("maint.ui.mode_dates", lang), DATES), (text("reform.ui.mode", lang), REFORM)]
        self.mode.value = current
        self.second.description = text("maint.ui.second_date", lang)
        self.reform.description = text("reform.ui.choose", lang)
        self.run.description = text("maint.ui.compare", lang)

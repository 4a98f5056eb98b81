"""Prüfstand: every acceptance example and reference case, pass/fail per rule.

Runs with the law in force or with a reform, so a maintainer sees at once which rule a
parameter change breaks and by how much. Computation: :mod:`workbench.maintenance.pruefstand`.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w
from IPython.display import display

from workbench.errors import InvalidValue, ParameterError
from workbench.i18n import format_decimal, text
from workbench.maintenance.reformen import Reform, load_reform, reform_names
from workbench.maintenance.pruefstand import Check, run_pruefstand, summarize
from workbench.ui.callbacks import guarded
from workbench.ui.header import PageHeader
from workbench.ui.maintainers.html import alert, table
from workbench.ui.theme import theme_style
from workbench.ui.widgets import FIELD_LAYOUT, LABEL_STYLE

OFFICIAL = ""
MAX_FAILURES_SHOWN = 200


class PruefstandView:
    """The page of ``maintainers/pruefstand.ipynb``: ``PruefstandView().show()``."""

    def __init__(self, language: str = "de", reformen_dir: Path | None = None,
                 examples_dir: Path | None = None, reference_dir: Path | None = None) -> None:
        self.language = language
        self.reformen_dir = reformen_dir
        self.examples_dir = examples_dir
        self.reference_dir = reference_dir
        self.checks: list[Check] = []
        self.header = PageHeader("maint.ui.pruef_title", language, self.set_language, self._show_unexpected)
        self.heading = self.header.title
        self.intro = w.HTML()
        self.reform = w.Dropdown(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.run = w.Button(button_style="primary")
        self.messages = w.HTML()
        self.output = w.HTML()
        self.run.on_click(guarded(self._on_run, self._show_unexpected))
        form = w.VBox([self.reform, self.run, self.messages])
        form.add_class("wb-form")
        self.widget = w.VBox([theme_style(), self.header.widget, self.intro, form, self.output])
        self.widget.add_class("wb-page")
        self._apply_texts()

    def show(self) -> None:
        """Display the page and run the Prüfstand with the law in force."""
        display(self.widget)  # type: ignore[no-untyped-call]
        self._on_run()

    def _on_run(self, _button: Any = None) -> None:
        self.messages.value = ""
        reform: Reform | None = None
        if self.reform.value:
            try:
                reform = load_reform(str(self.reform.value), self.reformen_dir)
            except InvalidValue as error:
                self.messages.value = alert(error.messages(self.language), self.language)
                return
            except ParameterError as error:
                self.messages.value = alert([str(error)], self.language)
                return
        self.checks = run_pruefstand(reform, self.examples_dir, self.reference_dir)
        if not self.checks:
            self.messages.value = alert([text("maint.ui.no_cases", self.language)], self.language)
        self.output.value = self.result_html()

    def result_html(self) -> str:
        """Summary per rule and the failed checks with their differences."""
        lang = self.language
        summary = summarize(self.checks)
        rows = [[s.rule, str(s.passed), str(s.failed),
                 text("maint.ui.pass" if s.failed == 0 else "maint.ui.fail", lang)] for s in summary]
        headers = [text(k, lang) for k in ("maint.ui.col_rule", "maint.ui.col_passed", "maint.ui.col_failed",
                                           "maint.ui.col_verdict")]
        failed = [c for c in self.checks if not c.passed]
        total = text("maint.ui.pruef_total", lang, checks=len(self.checks), failed=len(failed),
                     cases=len({(c.source, c.case_id) for c in self.checks}))
        out = (f'<p role="status" lang="{lang}">{html.escape(total)}</p>'
               + table(text("maint.ui.summary_caption", lang), headers, rows, numeric=(1, 2),
                       row_classes=["wb-fail" if s.failed else "" for s in summary]))
        if failed:
            frows = [[f"{c.source} {c.case_id}", c.rule, c.field, c.expected, c.actual,
                      "–" if c.difference is None else format_decimal(c.difference, lang)]
                     for c in failed[:MAX_FAILURES_SHOWN]]
            fheaders = [text(k, lang) for k in ("maint.ui.col_case", "maint.ui.col_rule", "maint.ui.col_field",
                                                "maint.ui.col_expected", "maint.ui.col_actual",
                                                "maint.ui.col_difference")]
            out += table(text("maint.ui.failures_caption", lang, shown=len(frows), failed=len(failed)),
                         fheaders, frows, numeric=(5,))
        return out

    def set_language(self, language: str) -> None:
        """Every text in ``language`` (the header's switch; maintainers work on no case, nothing is stored)."""
        self.language = language
        self.header.set_language(language)
        self._apply_texts()
        self.messages.value = ""
        if self.checks:
            self.output.value = self.result_html()

    def _show_unexpected(self, reference: str) -> None:
        self.messages.value = alert([text("ui.error.unexpected", self.language, reference=reference)], self.language)

    def _apply_texts(self) -> None:
        lang = self.language
        self.heading.value = f'<h1 lang="{lang}">{html.escape(text("maint.ui.pruef_title", lang))}</h1>'
        self.intro.value = f'<p lang="{lang}">{html.escape(text("maint.ui.pruef_intro", lang))}</p>'
        current = self.reform.value or OFFICIAL
        self.reform.options = [(text("maint.ui.official", lang), OFFICIAL)] + [
            (name, name) for name in reform_names(self.reformen_dir)]
        self.reform.value = current
        self.reform.description = text("maint.ui.parameters_used", lang)
        self.run.description = text("maint.ui.run_pruefstand", lang)

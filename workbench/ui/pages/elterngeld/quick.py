"""The quick Elterngeld calculation: gross wage, tax class, birth date -> Basis and Plus.

The view validates each field and shows a message next to it; the computation is the
Elterngeld engine (:mod:`workbench.rules.elterngeld`), imported when first needed.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

import ipywidgets as w

from workbench.errors import CaseError, UnsupportedPeriod
from workbench.parameter_tracking import ProvisionalValue, UnverifiedValue
from workbench.ui.kit.parameter_notes import notes_html
from workbench.i18n import LANGUAGES, format_money, text
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE, FieldMessage, MoneyInput, heading_html, paragraph_html, \
    set_labels, text_input
from workbench.ui.kit.dates import PLACEHOLDER_KEY, DateInputError, parse_date_input

TAX_CLASSES = (1, 2, 3, 4, 5, 6)


class Explaining(Protocol):
    """What the view needs from an explanation: lines in a language."""

    def render(self, language: str = "de") -> list[str]: ...


@dataclass(frozen=True)
class QuickResult:
    """Basiselterngeld and ElterngeldPlus per month with the steps behind them."""

    basis_m: Decimal
    plus_m: Decimal
    explanation: Explaining
    provisional: tuple[ProvisionalValue, ...] = ()   # latest known values after their update (ADR 0019)
    unverified: tuple[UnverifiedValue, ...] = ()     # "bitte prüfen" for the advisor


def compute_quick(
    gross_m: Decimal, tax_class: int, birth_date: date, church_tax: bool, language: str = "de"
) -> QuickResult:
    """Run the Elterngeld engine for one employed parent (raises CaseError/UnsupportedPeriod)."""
    from workbench.evaluation.elterngeld.engine import compute_elterngeld
    from workbench.evaluation.elterngeld.quick import quick_case

    case = quick_case(gross_m, tax_class, birth_date, church_tax=church_tax, language=language)
    result = compute_elterngeld(case)
    parent = result.parents["A"]
    return QuickResult(parent.basis_monthly, parent.plus_monthly, parent.explanation, result.provisional,
                       result.unverified)


def input_problems(
    gross_m: Decimal, tax_class: int, birth_date: date, church_tax: bool
) -> dict[str, str]:
    """The engine's own message about these inputs in every language ({} if there is none).

    The engine words its messages in one language per call (the modelled birth period
    comes from its parameters), so it is asked once per language; the page can then
    switch languages without asking again.
    """
    from workbench.evaluation.elterngeld.quick import quick_case

    texts: dict[str, str] = {}
    for language in LANGUAGES:
        try:
            quick_case(gross_m, tax_class, birth_date, church_tax=church_tax, language=language)
        except UnsupportedPeriod as error:
            texts[language] = str(error)
        except CaseError as error:
            texts[language] = " ".join(error.messages)
    return texts


def result_html(result: QuickResult, language: str) -> str:
    """The result as a real table (row headers) followed by the explanation lines."""
    rows = (("ui.quick.basis", result.basis_m), ("ui.quick.plus", result.plus_m))
    body = "".join(
        f'<tr><th scope="row">{html.escape(text(key, language))}</th>'
        f"<td>{html.escape(format_money(amount, language))}</td></tr>"
        for key, amount in rows
    )
    lines = "".join(f"<li>{html.escape(line)}</li>" for line in result.explanation.render(language))
    return (
        f'<div lang="{language}">'
        f'<table class="wb-result"><caption>{html.escape(text("ui.quick.result_caption", language))}'
        f"</caption><tbody>{body}</tbody></table>"
        f"<h3>{html.escape(text('ui.quick.explanation', language))}</h3>"
        f'<ol class="wb-explanation">{lines}</ol></div>'
    )


class QuickCalculator:
    """Form and result of the quick Elterngeld calculation; ``widget`` is what to display."""

    def __init__(self, language: str = "de") -> None:
        self.language = language
        self.heading = w.HTML()
        self.hint = w.HTML()
        self.gross = MoneyInput("ui.quick.gross", "ui.quick.gross_placeholder", language)
        self.tax_class = w.Dropdown(
            options=[(str(n), n) for n in TAX_CLASSES], value=1,
            style=LABEL_STYLE, layout=w.Layout(width="22em"),
        )
        # text, day first in the page's language, not the browser's date picker (ADR 0034)
        self.birth_date = text_input(style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.birth_date.add_class("wb-date")
        self.birth_message = FieldMessage(language)
        self.church_tax = w.Checkbox(value=False, indent=True, style=LABEL_STYLE)
        self.calculate = w.Button(button_style="primary")
        self.calculate.add_class("wb-primary")
        self.message = FieldMessage(language, css_class="wb-alert wb-alert-general")
        self.output = w.HTML()
        self.result: QuickResult | None = None
        self._stale = False

        self.calculate.on_click(guarded(self._on_calculate, self._show_unexpected))
        for widget in (self.gross.text, self.tax_class, self.birth_date, self.church_tax):
            widget.observe(guarded(self._on_input_changed, self._show_unexpected), names="value")

        birth = w.VBox([self.birth_date, self.birth_message.widget])
        birth.add_class("wb-field")
        form = w.VBox([self.gross.widget, self.tax_class, birth, self.church_tax,
                       self.calculate, self.message.widget])
        form.add_class("wb-form")
        self.widget = w.VBox([self.heading, self.hint, form, self.output])
        self._switching = False
        self._apply_texts()

    # --- actions -----------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch every text, the messages and the result to ``language``."""
        self._switching = True
        try:
            self.language = language
            self.gross.set_language(language)
            self.birth_message.set_language(language)
            self.message.set_language(language)
            self._apply_texts()
            self._render_result()
        finally:
            self._switching = False

    def _on_calculate(self, _button: Any = None) -> None:
        self.message.clear()
        gross = self.gross.read()
        try:
            birth = parse_date_input(str(self.birth_date.value))
        except DateInputError as error:  # what was typed stays; the message says how to write it
            self.birth_message.show(error.key)
            birth = None
        else:
            if birth is None:
                self.birth_message.show("ui.error.date_empty")
            else:
                self.birth_message.clear()
        if gross is None or birth is None:
            return
        inputs = (gross, int(self.tax_class.value), birth, bool(self.church_tax.value))
        try:
            result = compute_quick(*inputs, self.language)
        except UnsupportedPeriod:
            self.birth_message.show_localized("ui.error.date_range", input_problems(*inputs))
            return
        except CaseError:
            self.message.show_localized("ui.error.case", input_problems(*inputs))
            return
        self.result, self._stale = result, False
        self._render_result()

    def _on_input_changed(self, _change: Any) -> None:
        if self.result is not None and not self._switching and not self._stale:
            self._stale = True
            self._render_result()

    def _show_unexpected(self, reference: str = "") -> None:
        self.message.show("ui.error.unexpected", reference=reference)

    # --- rendering ---------------------------------------------------------------
    def _render_result(self) -> None:
        if self.result is None:
            self.output.value = ""
            return
        note = ""
        if self._stale:
            note = (f'<p class="wb-note" lang="{self.language}">'
                    f'{html.escape(text("ui.quick.outdated", self.language))}</p>')
        notes = notes_html(self.result.provisional, self.result.unverified, self.language)
        self.output.value = note + notes + result_html(self.result, self.language)

    def _apply_texts(self) -> None:
        lang = self.language
        self.heading.value = heading_html(2, "ui.quick.heading", lang)
        self.hint.value = paragraph_html("ui.quick.hint", lang)
        set_labels(lang, [(self.tax_class, "description", "ui.quick.tax_class"),
                          (self.birth_date, "description", "ui.quick.birth_date"),
                          (self.birth_date, "placeholder", PLACEHOLDER_KEY),
                          (self.church_tax, "description", "ui.quick.church_tax"),
                          (self.calculate, "description", "ui.quick.calculate"),
                          (self.calculate, "tooltip", "ui.quick.calculate")])

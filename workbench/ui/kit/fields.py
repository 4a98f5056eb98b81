"""Input fields of the wizards: each is a widget with its message slot and a ``read``.

``read`` returns the value in case-format form (JSON numbers, ISO dates) or raises
:class:`FieldError` with the catalog key that says what to fix; the entered text is
never changed. ``write`` puts a case-format value back into the widget.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import ipywidgets as w

from workbench.i18n import format_decimal, text
from workbench.ui.kit.activity import note_burst
from workbench.ui.kit.dates import PLACEHOLDER_KEY, DateInputError, format_date_input, parse_date_input
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE, FieldMessage, MoneyFormatError, format_amount_input, parse_money, text_input

Observer = Callable[[Any], None]
BURSTING = (w.Dropdown, w.Select, w.RadioButtons)
"""Choices the arrow keys step through, one update per step."""


def json_number(value: Decimal) -> int | float:
    """A Decimal as the JSON number the case file holds (whole numbers stay ints)."""
    return int(value) if value == value.to_integral_value() else float(value)


class FieldError(ValueError):
    """The entry cannot be read; ``key`` names the catalog message."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class Field:
    """Base of every field: ``widget`` (input + message), ``input`` (the control), ``message``."""

    input: w.DOMWidget

    def __init__(self, control: w.DOMWidget, label_key: str, language: str) -> None:
        self.input = control
        self.language = language
        self.message = FieldMessage(language)
        control.description = text(label_key, language)
        if "style" in control.keys:
            control.style = LABEL_STYLE
        self.widget = w.VBox([control, self.message.widget])
        self.widget.add_class("wb-field")

    def read(self) -> Any:
        """The value in case-format form; raises FieldError."""
        return self.input.value

    def write(self, value: Any) -> None:
        """Show a case-format value."""
        self.input.value = value

    def check(self) -> Any:
        """Read and show the problem next to the field; FieldError propagates."""
        try:
            value = self.read()
        except FieldError as error:
            self.message.show(error.key)
            raise
        self.message.clear()
        return value

    @property
    def sends_in_bursts(self) -> bool:
        """Whether one gesture can send several updates of this field in quick succession.

        ipywidgets holds a widget's next update until the kernel has answered the last one (ADR 0014),
        so only such a field can still have an update on its way when "Weiter" arrives: a box sending
        on every key, a slider, a dropdown stepped through with the arrow keys. A text box that sends
        once on blur (every text and date field here) and a checkbox cannot (issue 23).
        """
        return bool(getattr(self.input, "continuous_update", False)) or isinstance(self.input, BURSTING)

    def observe(self, callback: Observer) -> None:
        """Call ``callback`` whenever the entry changes (noting updates that may come in bursts first)."""
        def noted(change: Any) -> None:
            if self.sends_in_bursts:
                note_burst()
            callback(change)

        self.input.observe(noted, names="value")


class TextField(Field):
    """Free text (a first name); empty gives ``None`` unless ``required``."""

    def __init__(self, label_key: str, language: str, required_key: str | None = None) -> None:
        super().__init__(text_input(layout=w.Layout(**FIELD_LAYOUT)), label_key, language)
        self.required_key = required_key

    def read(self) -> str | None:
        value = str(self.input.value).strip()
        if not value and self.required_key:
            raise FieldError(self.required_key)
        return value or None

    def write(self, value: Any) -> None:
        self.input.value = "" if value is None else str(value)


class MoneyField(Field):
    """Euros typed German or English (``3.000,50``); optional fields read empty as ``None``.

    ``example`` is a typical amount of this very field ("z. B. 70" for a month's lunch, "z. B. 45.000"
    for a year's income): one example for every field read as a size hint and misled (issue 24). Without
    one the box stays empty.
    """

    def __init__(self, label_key: str, language: str, optional: bool = False, *,
                 example: Decimal | int | None = None) -> None:
        hint = ("" if example is None else
                text("ui.field.money_example", language, amount=format_amount_input(Decimal(example), language)))
        control = text_input(layout=w.Layout(**FIELD_LAYOUT), placeholder=hint)
        super().__init__(control, label_key, language)
        self.optional = optional

    def read(self) -> int | float | None:
        raw = str(self.input.value)
        if self.optional and not raw.strip():
            return None
        try:
            return json_number(parse_money(raw, self.language))
        except MoneyFormatError as error:
            raise FieldError(error.key) from None

    def write(self, value: Any) -> None:
        self.input.value = "" if value is None else format_amount_input(Decimal(str(value)), self.language)


class NumberField(Field):
    """A decimal number within bounds (hours per week, Faktor); empty is ``None`` if optional."""

    def __init__(self, label_key: str, language: str, low: Decimal, high: Decimal, error_key: str,
                 optional: bool = False) -> None:
        super().__init__(text_input(layout=w.Layout(width="22em")), label_key, language)
        self.low, self.high, self.error_key, self.optional = low, high, error_key, optional

    def read(self) -> int | float | None:
        raw = str(self.input.value).strip().replace(" ", "")
        if not raw and self.optional:
            return None
        if self.language == "de":
            raw = raw.replace(".", "").replace(",", ".") if "," in raw else raw
        else:
            raw = raw.replace(",", "")
        try:
            number = Decimal(raw)
        except InvalidOperation:
            raise FieldError(self.error_key) from None
        if not number.is_finite() or not self.low <= number <= self.high or re.search(r"\.\d{4,}$", raw):
            raise FieldError(self.error_key)
        return json_number(number)

    def write(self, value: Any) -> None:
        self.input.value = "" if value is None else format_decimal(Decimal(str(value)), self.language)


class DateField(Field):
    """A date typed as text, ``TT.MM.JJJJ`` (German) or ``DD/MM/YYYY`` (English), never the browser's
    locale (:mod:`workbench.ui.kit.dates`, ADR 0034); empty raises unless optional.

    A text box like every other: its value reaches the kernel on blur or Enter (ADR 0014), so the
    half-typed year of a date picker ("01.03.0202") never does. What was typed stays in the box
    when it cannot be read; the message beside it says how to write the date.
    """

    def __init__(self, label_key: str, language: str, empty_key: str | None = "ui.error.date_empty") -> None:
        control = text_input(layout=w.Layout(**FIELD_LAYOUT), placeholder=text(PLACEHOLDER_KEY, language))
        super().__init__(control, label_key, language)
        control.add_class("wb-date")
        self.empty_key = empty_key

    def read(self) -> str | None:
        try:
            value = parse_date_input(str(self.input.value))
        except DateInputError as error:
            raise FieldError(error.key) from None
        if value is None:
            if self.empty_key:
                raise FieldError(self.empty_key)
            return None
        return value.isoformat()

    def write(self, value: Any) -> None:
        if isinstance(value, date):
            self.input.value = format_date_input(value, self.language)
            return
        try:
            parsed = date.fromisoformat(value) if isinstance(value, str) and value else None
        except ValueError:  # a draft with a text that is not a date: show it as it was
            self.input.value = str(value)
            return
        self.input.value = format_date_input(parsed, self.language) if parsed else ""


class ChoiceField(Field):
    """A dropdown; ``options`` are (catalog key or plain label, value)."""

    def __init__(self, label_key: str, language: str, options: Sequence[tuple[str, Any]],
                 width: str = "34em") -> None:
        labels = [(text(label, language) if label.startswith("ui.") else label, value) for label, value in options]
        super().__init__(w.Dropdown(options=labels, value=labels[0][1], layout=w.Layout(width=width)),
                         label_key, language)

    def write(self, value: Any) -> None:
        values = [v for _, v in self.input.options]
        if isinstance(value, float) and value.is_integer() and int(value) in values:
            value = int(value)
        if value in values:
            self.input.value = value


class CheckField(Field):
    """A yes/no checkbox; ``default`` is the case model's default, shown while the case has no value
    (a case imported without the key must not turn into "no" just because the advisor clicked on)."""

    def __init__(self, label_key: str, language: str, *, default: bool = False) -> None:
        super().__init__(w.Checkbox(value=default, indent=True), label_key, language)

    def read(self) -> bool:
        return bool(self.input.value)

    def write(self, value: Any) -> None:
        if value is not None:  # missing in the case: keep the field's default (the model's)
            self.input.value = bool(value)


def whole_numbers(low: int, high: int) -> list[tuple[str, int]]:
    """Dropdown options ``low``..``high``."""
    return [(str(n), n) for n in range(low, high + 1)]


def read_entries(fields: "Mapping[str, Field]") -> dict[str, Any]:
    """The filled fields' values by key (texts stripped, empty ones left out); a field that cannot be read shows
    its message beside it and raises its FieldError (the forms page's sections ask this way)."""
    values: dict[str, Any] = {}
    for key, field in fields.items():
        field.message.clear()
        try:
            value = field.read()
        except FieldError as error:
            field.message.show(error.key)
            raise
        if isinstance(value, str):
            value = value.strip() or None
        if value is not None:
            values[key] = value
    return values

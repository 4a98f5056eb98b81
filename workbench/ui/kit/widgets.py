"""Reusable input widgets: a money field that reads German and English amounts.

:func:`parse_money` is a pure function (unit-tested without a browser);
:class:`MoneyInput` wraps it in a text field with a message slot next to it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import ipywidgets as w
from traitlets import TraitError

from workbench.i18n import format_decimal, text

CENT = Decimal("0.01")
LABEL_STYLE = {"description_width": "15em"}
FIELD_LAYOUT = {"width": "34em", "max_width": "100%"}

def heading_html(level: int, key: str, language: str) -> str:
    """A heading (``<h1>``…) with the catalog text of ``key`` in ``language``."""
    return f'<h{level} lang="{language}">{html.escape(text(key, language))}</h{level}>'


def paragraph_html(key: str, language: str) -> str:
    """A paragraph with the catalog text of ``key`` in ``language``."""
    return f'<p lang="{language}">{html.escape(text(key, language))}</p>'


def set_labels(language: str, labels: Sequence[tuple[w.Widget, str, str]]) -> None:
    """Set each (widget, attribute, key): ``description``, ``placeholder`` or ``tooltip`` from the catalog in
    ``language``, so the labels follow the language switch."""
    for widget, attribute, key in labels:
        setattr(widget, attribute, text(key, language))


def text_input(**kwargs: Any) -> w.Text:
    """A text box that sends its value when the visitor leaves it (Tab, click elsewhere) or presses Enter.

    ipywidgets sends at most one update per widget while the kernel has not answered the last
    one and holds the rest back; a button click is sent at once. With updates on every key,
    "Mia" typed quickly followed by a click on "Weiter" could reach a busy kernel as "M" then
    the click, and the step was saved with "M". Sending on blur puts the whole value before the
    click (the browser blurs the field before the click). Live search boxes are the exception.
    """
    return w.Text(continuous_update=False, **kwargs)


def text_area(**kwargs: Any) -> w.Textarea:
    """A multi-line :func:`text_input` (same reason)."""
    return w.Textarea(continuous_update=False, **kwargs)


# (thousands separator, decimal separator) per page language
_SEPARATORS = {"de": (".", ","), "en": (",", ".")}


def copy_entries(source: w.Widget, target: w.Widget) -> None:
    """Put what was typed or chosen in ``source`` into the same places of ``target``: the same part of a page
    built again in the other language (the same fields in the same order; a choice's value is language-free).
    Texts shown (HTML, labels) are the new language's; a value ``target`` cannot take is left as it is."""
    if type(source) is not type(target):
        return
    if isinstance(source, w.Box):
        for old, new in zip(source.children, target.children):
            copy_entries(old, new)
        return
    if isinstance(source, w.ValueWidget) and not isinstance(source, (w.HTML, w.HTMLMath, w.Label)):
        try:
            target.value = source.value
        except (TraitError, ValueError):  # an option the rebuilt field does not offer
            pass


class MoneyFormatError(ValueError):
    """The text is not an amount; ``key`` names the catalog message that says why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    thousands, decimal = _SEPARATORS.get(language, _SEPARATORS["de"])
    t, d = re.escape(thousands), re.escape(decimal)
    strict = re.compile(rf"(?P<int>\d{{1,3}}(?:{t}\d{{3}})+|\d+)(?:{d}(?P<frac>\d+))?")
    # "3000.50" typed on a German page (or "3000,50" on an English one) is unambiguous:
    # one separator followed by one or two digits can only be a decimal point.
    other = re.compile(rf"(?P<int>\d+){t}(?P<frac>\d{{1,2}})")
    return strict, other


def parse_money(text_in: str, language: str = "de") -> Decimal:
    """Read an amount in euros as a user types it, exact to the cent.

    German: ``3.000,50``, ``3000,5``, ``3000``; English: ``3,000.50``, ``3000.5``.
    A euro sign and surrounding blanks are ignored. Raises :class:`MoneyFormatError`
    for empty text, negative amounts, more than two decimals or anything else.
    """
    cleaned = text_in.replace("\u00a0", " ").replace("€", "").strip()
    if not cleaned:
        raise MoneyFormatError("ui.error.amount_empty")
    if cleaned[0] in "-−":
        raise MoneyFormatError("ui.error.amount_negative")
    strict, other = _patterns(language)
    match = strict.fullmatch(cleaned) or other.fullmatch(cleaned)
    if match is None:
        raise MoneyFormatError("ui.error.amount_invalid")
    integer = re.sub(r"\D", "", match["int"])
    fraction = match["frac"] or "0"
    if len(fraction) > 2:
        raise MoneyFormatError("ui.error.amount_decimals")
    return Decimal(f"{integer}.{fraction}").quantize(CENT)


def format_amount_input(amount: Decimal, language: str) -> str:
    """An amount as a user would type it: ``3.000`` or ``3.000,50`` (no euro sign)."""
    if amount == amount.to_integral_value():
        return format_decimal(amount.quantize(Decimal("1")), language)
    return format_decimal(amount.quantize(CENT), language)


class FieldMessage:
    """The message slot next to a field: empty, or an alert that says what to fix.

    The message is kept as a catalog key so that it follows a language switch.
    """

    def __init__(self, language: str = "de", css_class: str = "wb-alert") -> None:
        self.language = language
        self.css_class = css_class
        self.key: str | None = None
        self.args: dict[str, Any] = {}
        self.details: dict[str, str] = {}
        self.widget = w.HTML(value="", layout=w.Layout(display="none"))

    def show(self, key: str, **args: Any) -> None:
        """Show the message ``key`` as an alert (announced by screen readers)."""
        self.key, self.args, self.details = key, args, {}
        self._render()

    def show_localized(self, key: str, details: Mapping[str, str]) -> None:
        """Show ``key`` with a ``{details}`` text that was worded elsewhere per language."""
        self.key, self.args, self.details = key, {}, dict(details)
        self._render()

    def clear(self) -> None:
        """Remove the message."""
        self.key, self.args, self.details = None, {}, {}
        self._render()

    def set_language(self, language: str) -> None:
        """Render the current message in ``language``."""
        self.language = language
        self._render()

    @property
    def text(self) -> str:
        """The message as plain text ('' when there is none)."""
        if not self.key:
            return ""
        if self.details:
            details = self.details.get(self.language) or next(iter(self.details.values()))
            return text(self.key, self.language, details=details)
        return text(self.key, self.language, **self.args)

    def _render(self) -> None:
        if not self.key:
            self.widget.value = ""
            self.widget.layout.display = "none"  # an empty slot takes no room
            return
        self.widget.layout.display = None
        self.widget.value = (
            f'<div class="{self.css_class}" role="alert" lang="{self.language}">'
            f"{html.escape(self.text)}</div>"
        )


class MoneyInput:
    """A text field for euro amounts with its message slot below it.

    The entered text is never changed on error; :meth:`read` returns the amount or
    ``None`` after showing why the text is not an amount.
    """

    def __init__(self, label_key: str, placeholder_key: str, language: str = "de") -> None:
        self.label_key = label_key
        self.placeholder_key = placeholder_key
        self.language = language
        self.text = text_input(value="", style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.message = FieldMessage(language)
        self.widget = w.VBox([self.text, self.message.widget])
        self.widget.add_class("wb-field")
        self._apply_texts()

    def read(self) -> Decimal | None:
        """The entered amount, or ``None`` with a message shown next to the field."""
        try:
            amount = parse_money(self.text.value, self.language)
        except MoneyFormatError as error:
            self.message.show(error.key)
            return None
        self.message.clear()
        return amount

    def set_language(self, language: str) -> None:
        """Switch label and message; rewrite a valid amount in the new notation."""
        try:
            amount: Decimal | None = parse_money(self.text.value, self.language)
        except MoneyFormatError:
            amount = None
        self.language = language
        if amount is not None:
            self.text.value = format_amount_input(amount, language)
        self.message.set_language(language)
        self._apply_texts()

    def _apply_texts(self) -> None:
        self.text.description = text(self.label_key, self.language)
        self.text.placeholder = text(self.placeholder_key, self.language)

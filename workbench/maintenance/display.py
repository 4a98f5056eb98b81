"""How parameter values read for people: numbers with the page's separators, tables as key: value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from workbench.i18n import format_date, format_decimal
from workbench.parameters import Parameter


def format_value(value: Any, language: str = "de") -> str:
    """A parameter value: ``1.800``/``1,800`` style numbers, ``{paar: 175.000, …}`` for tables."""
    if isinstance(value, Decimal):
        return format_decimal(value, language)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {format_value(v, language)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(format_value(v, language) for v in value) + "]"
    return str(value)


def format_period(start: date, end: date | None, language: str = "de") -> str:
    """``01.01.2026 – 31.12.2026`` or ``ab 01.01.2026`` / ``from 1 Jan 2026``."""
    if end is None:
        return ("ab " if language == "de" else "from ") + format_date(start, language)
    return f"{format_date(start, language)} – {format_date(end, language)}"


def value_on(param: Parameter, on: date) -> Any | None:
    """The value in force on ``on`` or None (no exception: listings show '–')."""
    for (start, end), entry in zip(param.periods(), param.values):
        if start <= on and (end is None or on <= end):
            return entry.value
    return None

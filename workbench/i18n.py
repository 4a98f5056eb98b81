"""One message catalog for every user-facing text, in German and English.

Messages live in ``workbench/messages/*.yaml`` as ``key: {de: "...", en: "..."}`` with
``str.format`` placeholders. Several files keep the catalog readable by topic; a key
defined twice, or a message missing a language, is an error (tested).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("de", "en")
MESSAGES_DIR = Path(__file__).with_name("messages")

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    """All messages, keyed by message key then language."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(MESSAGES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, texts in data.items():
            if key in merged:
                raise ValueError(f"message key {key!r} is defined twice (again in {path.name})")
            merged[key] = texts
    return merged


def text(key: str, language: str = "de", **args: Any) -> str:
    """The message ``key`` in ``language`` with its placeholders filled."""
    lang = language if language in LANGUAGES else "de"
    try:
        template = catalog()[key][lang]
    except KeyError:
        raise KeyError(f"message {key!r} has no {lang!r} text in workbench/messages") from None
    return template.format(**args) if args else template


def format_decimal(value: Decimal, language: str = "de") -> str:
    """A number with the decimals it carries (at least two when it has any), German or English separators."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent == -1:
        value = value.quantize(Decimal("0.01"))
    sign = "-" if value < 0 else ""
    digits = f"{abs(value):,f}"
    if language == "de":
        digits = digits.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return sign + digits


def format_money(value: Decimal, language: str = "de") -> str:
    """Euros with two decimals: ``1.264,52 €`` or ``€1,264.52``."""
    amount = format_decimal(value.quantize(Decimal("0.01")), language)
    return f"{amount} €" if language == "de" else f"€{amount}"


def format_date(value: date, language: str = "de") -> str:
    """``15.06.2026`` in German, ``15 Jun 2026`` in English."""
    if language == "de":
        return value.strftime("%d.%m.%Y")
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def format_value(value: object, language: str = "de") -> str:
    """Format a step argument for display."""
    if isinstance(value, Decimal):
        return format_decimal(value, language)
    if isinstance(value, date):
        return format_date(value, language)
    if value is None:
        return "–"
    return str(value)

"""One message catalog for every user-facing text, in German and English.

Messages live in ``workbench/messages/*.yaml`` as ``key: {de: "...", en: "..."}`` with
``str.format`` placeholders. Several files keep the catalog readable by topic; a key
defined twice, or a message missing a language, is an error (tested).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel import dates as babel_dates
from babel import numbers as babel_numbers

from workbench.resources import resource_path, safe_yaml

LANGUAGES = ("de", "en")
MESSAGES_DIR = resource_path("messages")

BABEL_LOCALES = {"de": "de_DE", "en": "en_US"}
DATE_PATTERNS = {"de": "dd.MM.yyyy", "en": "d MMM yyyy"}


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    """All messages, keyed by message key then language."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(MESSAGES_DIR.glob("*.yaml")):
        data = safe_yaml(path.read_text(encoding="utf-8")) or {}
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


def locale_of(language: str) -> str:
    """The babel locale of a page language: ``de_DE`` or ``en_US``."""
    return BABEL_LOCALES.get(language, BABEL_LOCALES["de"])


def format_decimal(value: Decimal, language: str = "de") -> str:
    """A number with the decimals it carries (at least two when it has any), German or English separators.

    ``Decimal("1234.5")`` → ``1.234,50`` / ``1,234.50``; ``Decimal("0.736")`` → ``0,736``; formatted by babel.
    """
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    places = 2 if places == 1 else places
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=locale_of(language))


def format_money(value: Decimal, language: str = "de") -> str:
    """Euros with two decimals: ``1.264,52 €`` or ``€1,264.52`` (babel; a plain space before the € sign)."""
    amount = value.quantize(Decimal("0.01"))
    return babel_numbers.format_currency(amount, "EUR", locale=locale_of(language)).replace("\u00a0", " ")


def format_date(value: date, language: str = "de") -> str:
    """``15.06.2026`` in German, ``15 Jun 2026`` in English (babel)."""
    return babel_dates.format_date(value, DATE_PATTERNS.get(language, DATE_PATTERNS["de"]), locale=locale_of(language))


def format_value(value: object, language: str = "de") -> str:
    """Format a step argument for display."""
    if isinstance(value, Decimal):
        return format_decimal(value, language)
    if isinstance(value, date):
        return format_date(value, language)
    if value is None:
        return "–"
    return str(value)

"""Dates typed as text: ``TT.MM.JJJJ`` in German, ``DD/MM/YYYY`` in English, whatever the browser's locale.

The browser's own date picker (``<input type="date">``, ipywidgets' ``DatePicker``) shows and reads
dates in the order of the *browser's* locale: an English profile on an office machine shows
``mm/dd/yyyy`` beside German labels, and ``03/01/2026`` typed by an advisor who means 3 January is
1 March. A text box with a fixed order per UI language removes that ambiguity (ADR 0034).

Both languages read day first. Dots and slashes are both accepted (``15.06.2026`` and ``15/06/2026``;
an English-speaking advisor in Germany writes either), and so is ISO ``2026-06-15`` (pasted from a
file or a letter). A two-digit year is refused rather than guessed (``15.06.26``: 1926 or 2026?).
"""

from __future__ import annotations

import re
from datetime import date

DAY_FIRST = re.compile(r"^(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
PATTERNS = {"de": "%d.%m.%Y", "en": "%d/%m/%Y"}
PLACEHOLDER_KEY = "ui.date.placeholder"


class DateInputError(ValueError):
    """The text is not a date; ``key`` names the catalog message (``ui.date.format`` / ``ui.date.no_such_day``)."""

    def __init__(self, key: str, entered: str = "") -> None:
        super().__init__(key)
        self.key = key
        self.entered = entered


def parse_date_input(raw: str) -> date | None:
    """The date of ``raw`` (``None`` for an empty box); :class:`DateInputError` for anything else."""
    value = raw.strip()
    if not value:
        return None
    if found := DAY_FIRST.match(value):
        day, month, year = (int(g) for g in found.groups())
    elif found := ISO.match(value):
        year, month, day = (int(g) for g in found.groups())
    else:
        raise DateInputError("ui.date.format", value)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError("ui.date.no_such_day", value) from None


def format_date_input(value: date, language: str) -> str:
    """``15.06.2026`` (German) or ``15/06/2026`` (English): what the text box shows."""
    return value.strftime(PATTERNS.get(language, PATTERNS["de"]))

"""Fitting a value to its box: a smaller font down to a floor, then the full value on a continuation sheet.

A text field draws its value in the /DA font size and clips what is wider than the box: "männlich"
came out as "männlic", a long first name or a "c/o" addition lost its end — silently. Before the
fields are filled, each single-line text value is measured (Helvetica metrics for the characters
a form's font has, DejaVu for others: a slight over-estimate, never an under-estimate) against
its widget's width:

1. it fits: nothing changes;
2. it fits at a smaller size, not below :data:`FLOOR`: the widget's /DA gets that size;
3. it does not fit even then: the box holds as much as fits at the floor and "…", and the
   whole value goes onto a continuation sheet ("Fortsetzung") appended to the form, with the
   page and the field's description — nothing is lost, and the advisor is told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Callable
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from workbench.forms.glyphs import FONT, add_fallbacks, add_font, inherited, text_width

__all__ = ["FLOOR", "Overflow", "fit_page", "continuation_sheet"]

FLOOR = 6.0
"""Smallest font size (pt) a value is shrunk to: still legible on a printed form."""
PADDING = 2.0
"""pypdf's left offset of a single-line value inside its box (pt); the same is kept free on the right."""
DEFAULT_SIZE = 12.0
"""Size assumed for /DA size 0 (auto): pypdf draws single-line auto-size text at 12 pt."""
MULTILINE = 1 << 12
COMB = 1 << 24
_SIZE = re.compile(r"([\d.]+)(\s+Tf)")


@dataclass(frozen=True)
class Overflow:
    """A value too long for its box even at the floor size: where it is, what the box says, and the full value."""

    page: int
    description: str
    value: str


@lru_cache(maxsize=1)
def _sheet() -> FPDF:
    sheet = FPDF(unit="pt")
    sheet.add_font("DejaVu", "", FONT)
    return sheet


def width_at(value: str, size: float) -> float:
    """The value's width in pt at ``size``: Helvetica where it has the glyphs, DejaVu Sans otherwise."""
    sheet = _sheet()
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        add_fallbacks(sheet, value)
        return text_width(sheet, value, "DejaVu", "", size)
    sheet.set_font("helvetica", "", size)
    return float(sheet.get_string_width(value))


def _da(writer: PdfWriter, widget: Any) -> str:
    acroform = writer._root_object.get("/AcroForm")
    return str(inherited(widget, "/DA") or (acroform.get_object().get("/DA", "") if acroform is not None else ""))


def _cut(value: str, size: float, room: float) -> str:
    """The longest start of ``value`` that fits with "…" at ``size``."""
    low, high = 0, len(value)
    while low < high:
        middle = (low + high + 1) // 2
        if width_at(value[:middle].rstrip() + "…", size) <= room:
            low = middle
        else:
            high = middle - 1
    return value[:low].rstrip() + "…"


def fit_page(writer: PdfWriter, page: Any, page_number: int, values: dict[str, str],
             name_of: Callable[[Any], str], descriptions: dict[str, str]) -> list[Overflow]:
    """Fit each single-line text value of the page into its box (changes ``values`` and widgets' /DA in place).

    ``name_of`` gives a widget's qualified field name, ``descriptions`` a field name's tooltip.
    Returns the values moved to the continuation sheet.
    """
    overflow: list[Overflow] = []
    for annotation in page.get("/Annots", []) or []:
        widget = annotation.get_object()
        if widget.get("/Subtype") != "/Widget":
            continue
        name = name_of(widget)
        value = values.get(name or "")
        if not name or not value or value.startswith("/"):
            continue
        flags = int(inherited(widget, "/Ff") or 0)
        if flags & (MULTILINE | COMB) or str(inherited(widget, "/FT")) != "/Tx":
            continue
        rect = [float(v) for v in widget["/Rect"]]
        room = abs(rect[2] - rect[0]) - 2 * PADDING
        da = _da(writer, widget)
        match = _SIZE.search(da)
        size = float(match.group(1)) if match and float(match.group(1)) > 0 else DEFAULT_SIZE
        if room <= 0 or width_at(value, size) <= room:
            continue
        fitted = max(FLOOR, size * room / width_at(value, size))
        fitted = float(int(fitted * 2) / 2)  # half points, rounded down: it must fit
        if width_at(value, fitted) > room or fitted < FLOOR:
            fitted = FLOOR
            values[name] = _cut(value, FLOOR, room)
            overflow.append(Overflow(page_number, descriptions.get(name) or name, value))
        new_da = _SIZE.sub(f"{fitted:g}\\2", da, count=1) if match else f"{da} /Helv {fitted:g} Tf".strip()
        widget[NameObject("/DA")] = TextStringObject(new_da)
    return overflow


def continuation_sheet(title: str, overflow: list[Overflow], language: str) -> bytes:
    """An A4 page "Fortsetzung": per value too long for its box, the page, the box and the whole value."""
    from workbench.i18n import text

    sheet = FPDF(unit="mm", format="A4")
    sheet.set_margins(20, 20, 20)
    add_font(sheet, "DejaVu", "", FONT)
    add_font(sheet, "DejaVu", "B", FONT.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
    add_fallbacks(sheet, "".join(item.value for item in overflow))
    sheet.add_page()
    sheet.set_font("DejaVu", "B", 13)
    sheet.multi_cell(0, 7, text("forms.fit.title", language, form=title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    sheet.set_font("DejaVu", "", 9)
    sheet.multi_cell(0, 5, text("forms.fit.intro", language), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    sheet.ln(3)
    for item in overflow:
        sheet.set_font("DejaVu", "B", 10)
        where = text("forms.fit.where", language, page=item.page, box=item.description)
        sheet.multi_cell(0, 5.5, where, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        sheet.set_font("DejaVu", "", 11)
        sheet.multi_cell(0, 6, item.value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        sheet.ln(2)
    return bytes(sheet.output())

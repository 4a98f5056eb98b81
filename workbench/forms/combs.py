"""Comb fields (one character per printed box): the box grid the form prints, and widgets fitted to it.

A viewer (and pypdf) lays out a comb field by dividing the widget's ``/Rect`` into ``/MaxLen``
equal cells. On some blanks that grid is not the printed one: the KiZ 1 IBAN widget is 473.4 pt
wide for 34 cells (13.92 pt each) and starts 3 pt right of the first printed box, while the
form prints its boxes 14.13 pt apart, so the digits drift from 2.9 pt right of the box centre
(the "D" touches its tick) to 1.5 pt left of it. We measure the printed ticks (pdfplumber's
vertical edges that cross the widget) and move the widget's left and right edge onto the
printed grid, so every viewer, pypdf's appearance streams and the flattened copy put each
character in the middle of its box. Where the form prints no ticks (the federal Elterngeld
Steuer-ID: a grey box per field) the widget's own rect is the grid.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Any

import pdfplumber
from pypdf.generic import ArrayObject, FloatObject, NameObject

TOLERANCE = 0.6  # pt: a printed tick belongs to the grid when it is this close to a cell boundary


@lru_cache(maxsize=64)
def _vertical_ticks(data: bytes, page_index: int) -> tuple[tuple[float, float, float], ...]:
    """Every vertical edge the page prints: (x, top, bottom) in PDF points (y upwards)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[page_index]
        height = float(page.height)
        return tuple((float(e["x0"]), height - float(e["bottom"]), height - float(e["top"]))
                     for e in page.edges if e["orientation"] == "v")


def printed_grid(data: bytes, page_index: int, rect: tuple[float, float, float, float],
                 cells: int) -> tuple[float, float] | None:
    """(left edge of the first box, box width) of the printed comb grid under a widget, or None.

    The ticks are the vertical edges that cross the middle of the widget's height, near its
    width; the grid is fitted by least squares to the ticks that lie on whole cells of it (a
    tick more than ``TOLERANCE`` off is dropped, e.g. the edge of a shaded box next to the
    field). At least three ticks must agree and the box width must be within 10 % of the
    widget's own (rect width / cells), else the widget's rect is left as it is.
    """
    x0, y0, x1, y1 = rect
    guess = (x1 - x0) / cells
    middle = (y0 + y1) / 2
    xs = sorted({round(x, 2) for x, bottom, top in _vertical_ticks(data, page_index)
                 if bottom <= middle <= top and x0 - guess <= x <= x1 + guess})
    if len(xs) < 3:
        return None
    points = [(x, round((x - xs[0]) / guess)) for x in xs]
    while len(points) >= 3:
        origin, pitch = _fit(points)
        errors = [abs(x - (origin + pitch * k)) for x, k in points]
        worst = max(range(len(points)), key=errors.__getitem__)
        if errors[worst] <= TOLERANCE:
            break
        points.pop(worst)
    else:
        return None
    if abs(pitch - guess) > 0.1 * guess or len({k for _, k in points}) < 3:
        return None
    left = origin + pitch * round((x0 - origin) / pitch)
    return left, pitch


def _fit(points: list[tuple[float, int]]) -> tuple[float, float]:
    """Least-squares line x = origin + pitch * k through (x, k)."""
    n = len(points)
    mean_k = sum(k for _, k in points) / n
    mean_x = sum(x for x, _ in points) / n
    spread = sum((k - mean_k) ** 2 for _, k in points)
    if spread == 0:
        return mean_x, 0.0
    pitch = sum((k - mean_k) * (x - mean_x) for x, k in points) / spread
    return mean_x - pitch * mean_k, pitch


_BROKEN_NAME = re.compile(r"//+")


def repair_da(da: str) -> str:
    """A /DA pypdf can read: some blanks write the font as ``//ArialMT 10 Tf`` (an empty name first).

    pypdf then finds no size, sizes the text to fit and ignores the comb flag: the federal
    Elterngeld Steuer-ID came out unspaced at 16 pt with its first digits cut off.
    """
    return _BROKEN_NAME.sub("/", da)


def fit_widget(widget: Any, data: bytes, page_index: int, cells: int) -> None:
    """Move a comb widget's left and right edge onto the printed box grid (no change without one)."""
    rect = tuple(float(v) for v in widget["/Rect"])
    x0, y0, x1, y1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
    grid = printed_grid(data, page_index, (x0, y0, x1, y1), cells)
    if grid is None:
        return
    left, pitch = grid
    widget[NameObject("/Rect")] = ArrayObject([FloatObject(round(left, 3)), FloatObject(y0),
                                               FloatObject(round(left + pitch * cells, 3)), FloatObject(y1)])

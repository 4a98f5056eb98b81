"""Filling a form without fields (the NRW Elterngeld application): text written over a copy of the page.

Positions are not guessed: for each entry of the map, pdfplumber finds the anchor text on the
pinned edition (sha256) and the cell around it from the form's own ruling lines:

- ``text``: after the label, inside the cell that holds the label (to the next vertical line);
- ``comb``: one character per cell in the row of boxes right of the label (Steuer-ID);
- ``check``: an ``X`` in the box glyph (Wingdings ``\\uf0a8``) right before the label;
- ``month``: an ``X`` in the cell of Lebensmonat *n* in the row that starts with the label;
- ``box``: the value centred in the small box right after the label ("Anzahl der Geschwisterkinder");
- ``below``: on the first ruled line under the label ("Name und Anschrift der Krankenkasse");
- ``cell``: in row *n* of a table, in the column under the heading the anchor finds (the siblings table).

The values are drawn with fpdf2 in DejaVu Sans (umlauts and ş print) and merged onto the blank's
pages with pypdf. Text that would not fit the cell is set smaller (down to 6 pt), never cut.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from workbench.case import Case
from workbench.errors import FormError
from workbench.forms.blanks import forms_dir, load_blank_bytes
from workbench.forms.values import FieldValues
from workbench.forms.fitting import Overflow
from workbench.forms.registry import FormMap, OverlaySpec
from workbench.forms.glyphs import add_fallbacks, add_font, put_text, text_width
from workbench.forms.sources import Roles, format_value, resolve_specs, ticks
from workbench.i18n import text

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
BOX_GLYPH = "\uf0a8"
TEXT_SIZE = 9.0
MIN_SIZE = 6.0
PAD = 2.0


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF points, origin top left (pdfplumber's ``x0, top, x1, bottom``)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def contains(self, other: Box, tolerance: float = 0.5) -> bool:
        """Whether ``other`` lies inside this box."""
        return (other.x0 >= self.x0 - tolerance and other.x1 <= self.x1 + tolerance
                and other.top >= self.top - tolerance and other.bottom <= self.bottom + tolerance)


@dataclass(frozen=True)
class Placement:
    """Where one entry's value goes: its page, the cells (one per character for comb) and the anchor found."""

    page: int
    cells: tuple[Box, ...]
    anchor: Box
    kind: str


def _key(spec: OverlaySpec) -> str:
    suffix = f"#{spec.month}" if spec.month else f"/{spec.row}" if spec.row else ""
    return f"p{spec.page}:{spec.anchor}@{spec.occurrence}{suffix}"


def overlay_values(form: FormMap, case: Case, data: dict[str, Any], roles: Roles, today: date,
                   language: str = "de") -> FieldValues:
    """The text of every overlay entry (``X`` for a ticked box or month), keyed like :func:`placements`."""
    values: dict[str, str] = {}
    complete, missing = resolve_specs(form.overlay, case, data, roles, today, language)
    for spec, found in complete:
        if spec.kind in ("check", "month"):
            if ticks(found[0], spec.equals):
                values[_key(spec)] = "X"
            continue
        shown = format_value(spec.format, found)
        if shown:
            values[_key(spec)] = shown
    return FieldValues(values, missing)


def _vertical_edges(page: Any, top: float, bottom: float) -> list[float]:
    middle = (top + bottom) / 2
    return sorted({round(e["x0"], 1) for e in page.edges
                   if e["orientation"] == "v" and e["top"] <= middle <= e["bottom"]})


def _horizontal_edges(page: Any, x: float) -> list[float]:
    return sorted({round(e["top"], 1) for e in page.edges if e["orientation"] == "h" and e["x0"] <= x <= e["x1"]})


def _row(page: Any, anchor: Box, x: float | None = None) -> tuple[float, float]:
    """The lines above and below the anchor's middle at ``x`` (default: the anchor's centre)."""
    middle = (anchor.top + anchor.bottom) / 2
    lines = _horizontal_edges(page, (anchor.x0 + anchor.x1) / 2 if x is None else x)
    above = [y for y in lines if y <= middle]
    below = [y for y in lines if y >= middle]
    top = max(above) if above else anchor.top - 3
    bottom = min(below) if below else anchor.bottom + 3
    return top, bottom


def _find(page: Any, spec: OverlaySpec) -> Box:
    cache = page.__dict__.setdefault("_wb_search", {})
    if spec.anchor not in cache:
        cache[spec.anchor] = page.search(spec.anchor, regex=True, case=True)
    matches = list(cache[spec.anchor])
    matches.sort(key=lambda m: (round(m["top"]), m["x0"]))
    if len(matches) < spec.occurrence:
        raise FormError(f"anchor {spec.anchor!r} ({spec.occurrence}.) not found on page {spec.page}")
    match = matches[spec.occurrence - 1]
    return Box(match["x0"], match["top"], match["x1"], match["bottom"])


def _place(page: Any, spec: OverlaySpec) -> Placement:
    anchor = _find(page, spec)
    if spec.kind == "check":
        boxes = [c for c in page.chars if c["text"] == BOX_GLYPH and abs(c["top"] - anchor.top) < 3
                 and c["x1"] <= anchor.x0 + 0.5]
        if not boxes:
            raise FormError(f"no box before {spec.anchor!r} on page {spec.page}")
        glyph = max(boxes, key=lambda c: c["x1"])
        return Placement(spec.page, (Box(glyph["x0"], glyph["top"], glyph["x1"], glyph["bottom"]),), anchor, "check")
    if spec.kind == "month":
        number = str(spec.month)
        if "_wb_words" not in page.__dict__:
            page.__dict__["_wb_words"] = page.extract_words()
        words = [w for w in page.__dict__["_wb_words"] if w["text"] == number and abs(w["top"] - anchor.top) < 2
                 and w["x0"] > anchor.x1]
        if not words:
            raise FormError(f"month {number} not found in the row {spec.anchor!r} on page {spec.page}")
        word = min(words, key=lambda w: w["x0"])
        cell_box = Box(word["x0"], word["top"], word["x1"], word["bottom"])
        edges = _vertical_edges(page, cell_box.top, cell_box.bottom)
        left = max((x for x in edges if x <= word["x0"]), default=word["x0"] - 2)
        right = min((x for x in edges if x >= word["x1"]), default=word["x1"] + 2)
        top, bottom = _row(page, cell_box)
        return Placement(spec.page, (Box(left, top, right, bottom),), anchor, "month")
    if spec.kind in ("below", "cell"):
        return _under(page, spec, anchor)
    edges = [x for x in _vertical_edges(page, anchor.top, anchor.bottom) if x > anchor.x1 + 1]
    if spec.kind == "box" and len(edges) > 1:
        # the box is drawn as ticks on a base line: its height is the label's line
        return Placement(spec.page, (Box(edges[0], anchor.top - 1, edges[1], anchor.bottom + 1),), anchor, "box")
    if spec.kind == "text" and len(edges) > 1 and edges[0] - anchor.x1 < 15 and edges[1] - edges[0] > 40:
        # an underlined field after the label, with a tick at each end (NRW Formular 2: Geldinstitut, Mitgliedsnummer)
        line_top, line_bottom = _row(page, anchor, (edges[0] + edges[1]) / 2)
        return Placement(spec.page, (Box(edges[0] + PAD, max(line_top, line_bottom - 14), edges[1] - PAD, line_bottom),),
                         anchor, "text")
    # the row at the label and at the field itself, whichever is tighter: a field with its own underline
    # or boxes (1.3.2 start month, "verheiratet (seit)") ends there, not at the next full-width rule
    top, bottom = _row(page, anchor)
    if spec.kind == "comb" and len(edges) > 1:
        field_x = (edges[0] + edges[1]) / 2  # the first box
    else:
        field_x = (anchor.x1 + (edges[0] if edges else anchor.x1 + 20)) / 2
    field_top, field_bottom = _row(page, anchor, field_x)
    top, bottom = max(top, field_top), min(bottom, field_bottom)
    if spec.kind == "comb":
        if bottom - top > 2.5 * (anchor.bottom - anchor.top):
            # boxes drawn as ticks on a base line without a top rule (NRW 2.7.2 "von: __.__.____"): the row found
            # reaches up to the text above; the digits belong on the label's line
            top, bottom = anchor.top - 1, anchor.bottom + 1
        cells: list[Box] = []
        for a, b in zip(edges, edges[1:]):
            if 6 < b - a < 20:
                cells.append(Box(a, top, b, bottom))
            elif cells and b - a < 6:
                continue  # the narrow gap between groups of boxes (the NRW IBAN: groups of four)
            elif cells:
                break  # the row of boxes ended (the next column starts after a wider gap)
        return Placement(spec.page, tuple(cells), anchor, "comb")
    right = edges[0] if edges else page.width - 30
    return Placement(spec.page, (Box(anchor.x1 + PAD, top, right - PAD, bottom),), anchor, "text")


def _under(page: Any, spec: OverlaySpec, anchor: Box) -> Placement:
    """``below``: the first ruled line under the label; ``cell``: row ``spec.row`` under a table's column heading."""
    centre = (anchor.x0 + anchor.x1) / 2
    lines = [y for y in _horizontal_edges(page, anchor.x0 + 3 if spec.kind == "below" else centre) if y > anchor.bottom]
    row = spec.row or 1
    if len(lines) < (1 if spec.kind == "below" else row + 1):
        raise FormError(f"no line under {spec.anchor!r} on page {spec.page}")
    top, bottom = (anchor.bottom, lines[0]) if spec.kind == "below" else (lines[row - 1], lines[row])
    edges = _vertical_edges(page, top, bottom)
    left = anchor.x0 if spec.kind == "below" else max((x for x in edges if x <= anchor.x0 + 1), default=anchor.x0 - 2)
    right = min((x for x in edges if x >= anchor.x1), default=page.width - 30)
    return Placement(spec.page, (Box(left + 2 * PAD, top, right - PAD, bottom),), anchor, "text")


_CACHE: dict[tuple[str, int], dict[str, Placement]] = {}


def placements(form: FormMap, language: str = "de", directory: Path | None = None) -> dict[str, Placement]:
    """Where each overlay entry goes on the pinned edition (found with pdfplumber, cached per map and blank)."""
    data = load_blank_bytes(form, language, directory or forms_dir())
    key = (form.id, hash((data, form.model_dump_json())))
    if key not in _CACHE:
        out: dict[str, Placement] = {}
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for spec in form.overlay:
                out[_key(spec)] = _place(pdf.pages[spec.page - 1], spec)
        _CACHE[key] = out
    return _CACHE[key]


def fill_overlay(form: FormMap, values: dict[str, str], language: str = "de", directory: Path | None = None,
                 overflow: list[Overflow] | None = None) -> bytes:
    """The blank with the values written into their cells (a new PDF; the blank has no fields).

    A value too long for its cell even at the smallest size shows its start and "…"; the whole
    value is appended to ``overflow`` for the continuation sheet (:mod:`fitting`).
    """
    blank = load_blank_bytes(form, language, directory or forms_dir())
    where = placements(form, language, directory)
    reader = PdfReader(io.BytesIO(blank))
    sheet = FPDF(unit="pt", format=(float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)))
    sheet.set_auto_page_break(False)
    add_font(sheet, "DejaVu", "", str(FONT))
    add_font(sheet, "DejaVu", "B", str(FONT_BOLD))
    add_fallbacks(sheet, "".join(values.values()))
    # page by page, in order: fpdf2 selects the font again on each new page; going back to an earlier page
    # would write text without a font on it ("No font in show")
    by_page = sorted(values.items(), key=lambda item: where[item[0]].page)
    for number in range(1, len(reader.pages) + 1):
        sheet.add_page()
        sheet.set_font("DejaVu", "", TEXT_SIZE)
        _draw_page(sheet, [(k, v) for k, v in by_page if where[k].page == number], where, overflow)
    overlay = PdfReader(io.BytesIO(bytes(sheet.output())))
    writer = PdfWriter(clone_from=reader)
    for index, page in enumerate(writer.pages):
        page.merge_page(overlay.pages[index])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _draw_page(sheet: FPDF, items: list[tuple[str, str]], where: dict[str, Placement],
               overflow: list[Overflow] | None) -> None:
    for key, value in items:
        placement = where[key]
        if placement.kind in ("check", "month"):
            _centre(sheet, placement.cells[0], "X", bold=True)
        elif placement.kind == "comb":
            for cell, char in zip(placement.cells, value):
                _centre(sheet, cell, char)
        elif placement.kind == "box":
            _centre(sheet, placement.cells[0], value)
        elif not _left(sheet, placement.cells[0], value) and overflow is not None:
            label = key.split(":", 1)[1].rsplit("@", 1)[0].replace("\\", "").rstrip(":")
            overflow.append(Overflow(placement.page, label, value))


def _centre(sheet: FPDF, cell: Box, char: str, bold: bool = False) -> None:
    size = min(TEXT_SIZE, (cell.bottom - cell.top) * 0.8)
    style = "B" if bold else ""
    width = text_width(sheet, char, "DejaVu", style, size)
    put_text(sheet, (cell.x0 + cell.x1 - width) / 2, (cell.top + cell.bottom) / 2 + size * 0.35, char, "DejaVu", style, size)


def _left(sheet: FPDF, cell: Box, value: str) -> bool:
    """Write ``value`` into the cell, shrunk down to MIN_SIZE; False when only its start with "…" fits."""
    size = TEXT_SIZE
    room = cell.x1 - cell.x0
    while text_width(sheet, value, "DejaVu", "", size) > room and size > MIN_SIZE:
        size -= 0.5
    whole = text_width(sheet, value, "DejaVu", "", size) <= room
    shown = value
    while not whole and shown and text_width(sheet, shown + "…", "DejaVu", "", size) > room:
        shown = shown[:-1]
    put_text(sheet, cell.x0, (cell.top + cell.bottom) / 2 + size * 0.35, value if whole else shown.rstrip() + "…",
             "DejaVu", "", size)
    return whole


__all__ = ["Box", "Placement", "fill_overlay", "overlay_values", "placements"]

"""Which characters a form field's own font can show, and writing the others with DejaVu instead.

Many blanks name a simple font with a one-byte encoding in the field's /DA (Helvetica or Arial
with MacRoman/WinAnsi plus Differences). pypdf can only draw a value in that encoding: a Turkish
ş or a Polish ł would come out as "?". When flattening, such values are drawn by us in DejaVu
Sans at the widget's rectangle instead; when not flattening, the value is stored correctly and
the advisor gets a note to print the flattened copy.
"""

from __future__ import annotations

import io
import re
from typing import Any

from fpdf import FPDF
from pypdf import PdfWriter
from pypdf._codecs import adobe_glyphs, charset_encoding

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
_DA_FONT = re.compile(r"/([^\s/]+)\s+[\d.]+\s+Tf")


def _inherited(obj: Any, key: str) -> Any:
    node: Any = obj
    while node is not None:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return None


def font_chars(writer: PdfWriter, widget: Any) -> set[str] | None:
    """The characters the widget's /DA font can encode; None when unknown (then we trust pypdf)."""
    acroform = writer._root_object.get("/AcroForm")
    da = _inherited(widget, "/DA") or (acroform.get_object().get("/DA") if acroform is not None else None)
    match = _DA_FONT.search(str(da or ""))
    if match is None or acroform is None:
        return None
    fonts = acroform.get_object().get("/DR", {}).get("/Font", {})
    font = fonts.get("/" + match.group(1))
    if font is None:
        return None
    font = font.get_object()
    if font.get("/Subtype") not in ("/Type1", "/TrueType"):
        return None
    raw = font.get("/Encoding")
    encoding: Any = raw.get_object() if raw is not None else None
    base_name = encoding.get("/BaseEncoding") if hasattr(encoding, "get") else encoding
    base = charset_encoding.get(str(base_name) if base_name else "/StandardEncoding")
    if base is None:
        return None
    chars = {c for c in base if c}
    differences = encoding.get("/Differences") if hasattr(encoding, "get") else None
    for item in differences or ():
        if isinstance(item, str) and item.startswith("/") and item in adobe_glyphs:
            chars.add(adobe_glyphs[item])
    return chars


def draw_texts(page_count: int, sizes: list[tuple[float, float]], texts: list[tuple[int, list[float], str]],
               combs: dict[int, int] | None = None) -> bytes:
    """A PDF with the same pages holding ``texts`` (page index, widget rect in PDF points, value) in DejaVu Sans.

    ``combs`` maps a position in ``texts`` to its number of cells: one character centred per cell.
    """
    sheet = FPDF(unit="pt")
    sheet.set_auto_page_break(False)
    sheet.add_font("DejaVu", "", FONT)
    for width, height in sizes[:page_count]:
        sheet.add_page(format=(width, height))
    for position, (index, rect, value) in enumerate(texts):
        sheet.page = index + 1
        height = sizes[index][1]
        x0, y0, x1, y1 = rect
        size = min(10.0, (y1 - y0) * 0.7)
        cells = (combs or {}).get(position)
        if cells:
            sheet.set_font("DejaVu", "", size)
            width = (x1 - x0) / cells
            for number, char in enumerate(value[:cells]):
                left = x0 + number * width + (width - sheet.get_string_width(char)) / 2
                sheet.text(left, height - (y0 + y1) / 2 + size * 0.35, char)
            continue
        sheet.set_font("DejaVu", "", size)
        while sheet.get_string_width(value) > (x1 - x0) - 4 and size > 6:
            size -= 0.5
            sheet.set_font("DejaVu", "", size)
        baseline = height - (y0 + y1) / 2 + size * 0.35
        sheet.text(x0 + 2, baseline, value)
    sheet.page = page_count
    return bytes(sheet.output())


def as_buffer(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)

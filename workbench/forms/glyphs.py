"""Which characters a form field's own font can show, and writing the others with DejaVu instead.

Many blanks name a simple font with a one-byte encoding in the field's /DA (Helvetica or Arial
with MacRoman/WinAnsi plus Differences). pypdf can only draw a value in that encoding: a Turkish
ş, a Polish ł or a Cyrillic name would come out as "?". Such values are drawn by us with fpdf2
in DejaVu Sans (Latin, Greek, Cyrillic), with Droid Sans Fallback for Chinese, Japanese and
Korean when it is installed: merged onto the page when flattening, and as the field's own
appearance stream when not (the field then shows the value right in every viewer until someone
edits it). Characters no font has are reported (:func:`undrawable`): they must be written by hand.
"""

from __future__ import annotations

import copy
import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont
from pypdf import PdfReader, PdfWriter
from pypdf._codecs import adobe_glyphs, charset_encoding

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# Chinese, Japanese, Korean: Droid Sans Fallback (Debian fonts-droid-fallback, 1.8 MB, Apache-2.0; .ci/run installs it)
FALLBACKS = [("DroidFallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")]
_DA_FONT = re.compile(r"/([^\s/]+)\s+[\d.]+\s+Tf")
_DA_SIZE = re.compile(r"([\d.]+)\s+Tf")


def inherited(obj: Any, key: str) -> Any:
    """A field attribute from the widget or the nearest parent field that has it (PDF 32000-1, 12.7.3.1)."""
    node: Any = obj
    while node is not None:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return None


def font_chars(document: PdfReader | PdfWriter, widget: Any) -> set[str] | None:
    """The characters the widget's /DA font can encode; None when unknown (then we trust pypdf)."""
    acroform = document.root_object.get("/AcroForm")
    da = inherited(widget, "/DA") or (acroform.get_object().get("/DA") if acroform is not None else None)
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


def _font_files() -> list[tuple[str, str]]:
    """The fonts we draw with, in order: DejaVu Sans, then the CJK fallback when it is installed."""
    return [("DejaVu", FONT)] + [(name, path) for name, path in FALLBACKS if Path(path).is_file()]


@lru_cache(maxsize=8)
def _coverage(path: str) -> frozenset[int]:
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def undrawable(value: str) -> str:
    """The characters of ``value`` no font we have can draw (they would print as empty boxes), in order."""
    covered = [_coverage(path) for _, path in _font_files()]
    out = ""
    for char in value:
        if not char.isspace() and char not in out and not any(ord(char) in c for c in covered):
            out += char
    return out


@lru_cache(maxsize=8)
def _parsed(path: str, style: str) -> TTFFont:
    """The font file as fpdf2 reads it (cmap, widths, glyph ids), parsed once per process."""
    sheet = FPDF(unit="pt")
    sheet.add_font("parsed", style, path)
    font = sheet.fonts["parsed" + style]
    assert isinstance(font, TTFFont)
    return font


def add_font(sheet: FPDF, family: str, style: str, path: str) -> None:
    """``sheet.add_font(family, style, path)``, with the font file parsed once per process.

    fpdf2 parses the whole TrueType file on every ``add_font``: for DejaVu Sans about 40 ms of each
    form filled with a name its font lacks, for the 4 MB CJK fallback 0.3 s. The sheet gets a copy
    of the parsed font with what one document changes made anew: the glyphs it uses (the subset),
    the missing ones, the widths it looks up, and the font file itself, which fpdf2 cuts down to the
    subset in place when the sheet is written. The sheet's PDF is byte for byte what ``add_font``
    gives (tests/forms/test_forms_combs_fonts.py).
    """
    key = family.lower() + style
    if key in sheet.fonts:
        return
    parsed = _parsed(path, style)
    if parsed.color_font is not None or parsed.is_cff:  # not our fonts: fpdf2 treats these apart
        sheet.add_font(family, style, path)
        return
    font = copy.copy(parsed)
    font.fontkey = key
    font.i = len(sheet.fonts) + 1
    font.ttfont = TTFont(path, recalcTimestamp=False, lazy=True)
    font.cw = copy.copy(parsed.cw)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    sheet.fonts[key] = font


def add_fallbacks(sheet: FPDF, texts: str) -> None:
    """Register on an fpdf2 sheet the fallback fonts ``texts`` need (the sheet's DejaVu is registered by its maker).

    Only when needed: fpdf2 parses the whole 4 MB fallback font on registering it.
    """
    dejavu = _coverage(FONT)
    needed = {ord(c) for c in texts if not c.isspace()} - dejavu
    names = [name for name, path in _font_files()[1:] if needed & _coverage(path)]
    for name, path in _font_files()[1:]:
        if name in names and name.lower() not in sheet.fonts:  # a kept sheet (fitting.py) registers it once
            add_font(sheet, name, "", path)
    if names:
        sheet.set_fallback_fonts(names, exact_match=False)  # for cell()/multi_cell(); text() goes through put_text


def _runs(value: str) -> list[tuple[str | None, str]]:
    """``value`` cut into runs of one font: None for DejaVu, else the fallback font's name."""
    fonts = _font_files()
    runs: list[tuple[str | None, str]] = []
    for char in value:
        family: str | None = None
        if not char.isspace() and ord(char) not in _coverage(fonts[0][1]):
            family = next((name for name, path in fonts[1:] if ord(char) in _coverage(path)), None)
        if runs and runs[-1][0] == family:
            runs[-1] = (family, runs[-1][1] + char)
        else:
            runs.append((family, char))
    return runs


def text_width(sheet: FPDF, value: str, family: str, style: str, size: float) -> float:
    """The width of ``value`` as :func:`put_text` draws it (pt at unit pt)."""
    width = 0.0
    for fallback, run in _runs(value):
        sheet.set_font(fallback or family, "" if fallback else style, size)
        width += sheet.get_string_width(run)
    sheet.set_font(family, style, size)
    return width


def put_text(sheet: FPDF, x: float, baseline: float, value: str, family: str, style: str, size: float) -> None:
    """Draw ``value`` at (x, baseline) in ``family``; characters it lacks (CJK) in the fallback font.

    fpdf2's own fallback works in cell() and multi_cell() only, not in text().
    """
    for fallback, run in _runs(value):
        sheet.set_font(fallback or family, "" if fallback else style, size)
        sheet.text(x, baseline, run)
        x += sheet.get_string_width(run)
    sheet.set_font(family, style, size)


def da_size(writer: PdfWriter, widget: Any) -> float | None:
    """The font size the widget's /DA asks for (None: 0 = auto, or unreadable)."""
    acroform = writer._root_object.get("/AcroForm")
    da = inherited(widget, "/DA") or (acroform.get_object().get("/DA") if acroform is not None else None)
    match = _DA_SIZE.search(str(da or ""))
    size = float(match.group(1)) if match else 0.0
    return size or None


def draw_texts(texts: list[tuple[tuple[float, float], list[float], str, float | None]]) -> bytes:
    """A PDF with one page per entry of ``texts`` (page size, widget rect in PDF points, value, font size).

    Each page is as large as the form's page and holds only its value, drawn in DejaVu Sans
    (CJK from the fallback font) inside the widget's rect, shrunk to fit: merged onto the
    form's page when flattening, or made the field's own appearance when not.
    """
    sheet = FPDF(unit="pt")
    sheet.set_auto_page_break(False)
    add_font(sheet, "DejaVu", "", FONT)
    add_fallbacks(sheet, "".join(value for _, _, value, _ in texts))
    family = "DejaVu"
    for (width, height), rect, value, wanted in texts:
        sheet.add_page(format=(width, height))
        x0, y0, x1, y1 = rect
        # a multiline field's value keeps its lines (the Mietbescheinigung's "Name, Vorname" / address):
        # stacked from the box's top, as a viewer lays them out, the size shared by all lines
        lines = value.split("\n") or [""]
        size = min(wanted or 10.0, (y1 - y0) * 0.8 / (len(lines) if len(lines) > 1 else 1))
        while max(text_width(sheet, line, family, "", size) for line in lines) > (x1 - x0) - 4 and size > 6:
            size -= 0.5
        if len(lines) == 1:
            put_text(sheet, x0 + 2, height - (y0 + y1) / 2 + size * 0.35, value, family, "", size)
            continue
        for number, line in enumerate(lines):
            put_text(sheet, x0 + 2, height - y1 + 2 + size * (number + 1) * 1.15 - size * 0.15, line, family, "", size)
    return bytes(sheet.output())


def as_buffer(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)

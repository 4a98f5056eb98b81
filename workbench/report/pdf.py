"""What every PDF of the report layer shares: DejaVu Sans on A4, text as printed, closing the fonts.

The handout and the cover letter are drawn with fpdf2 in DejaVu Sans (fonts-dejavu-core), so
umlauts, quotes and the euro sign print.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import TTFFont

from workbench.errors import WorkbenchError
from workbench.i18n import text

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


def fonts() -> dict[str, Path]:
    """The font files by style; a missing one is a WorkbenchError in German and English."""
    paths = {style: FONT_DIR / name for style, name in FONTS.items()}
    for path in paths.values():
        if not path.is_file():
            raise WorkbenchError(text("report.font_missing", "de", path=path) + "\n"
                                 + text("report.font_missing", "en", path=path))
    return paths


class WorkbenchPdf(FPDF):
    """An A4 page in DejaVu Sans (styles "" and "B") that prints people's text safely."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        for style, path in fonts().items():
            self.add_font("DejaVu", style, str(path))

    def normalize_text(self, text: str) -> str:
        """Text as printed: control and format characters dropped, a character the font lacks shown as "?".

        Names are typed by people; fpdf2 would silently leave out a glyph DejaVu Sans does not have
        and log the characters it left out (family data in a log, docs/datenschutz.md).
        """
        cmap = getattr(self.current_font, "cmap", None) or {}
        printed = []
        for ch in text.replace("\t", " "):
            if ch != "\n" and unicodedata.category(ch).startswith("C"):
                continue
            printed.append(ch if ch == "\n" or not cmap or ord(ch) in cmap else "?")
        return super().normalize_text("".join(printed))

    def finish(self) -> bytes:
        """The PDF bytes; closes the font files (fontTools keeps them open, a ResourceWarning at GC otherwise)."""
        data = bytes(self.output())
        for font in self.fonts.values():
            if isinstance(font, TTFFont):
                font.close()
        return data

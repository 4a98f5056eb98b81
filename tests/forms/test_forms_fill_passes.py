"""The shortcuts that make a fill fast (issue 18: KG 1 with two Anlagen Kind, flattened, in under 1 s CPU)
change nothing on paper.

- Flattening leaves out an empty text field only when pypdf would draw nothing for it: a field the
  blank colours (the Mietbescheinigung's grey landlord boxes) still shows its colour, empty.
- A part appended to others is cloned without the blank's tags, which the combined document never
  carried; a form of one part keeps them.
- The combined document is the same whether its parts come as files or as the writers that made them.
- A sheet drawn with the font parsed once per process is byte for byte what fpdf2's own
  ``add_font`` makes, for every sheet after the first as well (fpdf2 cuts the font file down in place).

The whole proof was a before/after run over every mapped form and test family (152 PDFs, flattened and
not: same pages at 60 dpi, same text, same field values); these tests keep the properties it rests on.
"""

from __future__ import annotations

import io
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader

from workbench.case import Case
from workbench.forms import glyphs, produce
from workbench.forms.blanks import load_blank
from workbench.forms.fill import concatenate, fill_writer, pdf_bytes, rename_root
from workbench.forms.registry import get_map
from workbench.forms.sources import case_data, roles_for
from workbench.forms.values import field_values
from workbench.forms.verify import read_fields

from tests.forms.conftest import TODAY

GREY = round(0.8 * 255)  # the Mietbescheinigung's /MK /BG 0.8 0.8 0.8


def _pixel(pdf: bytes, page: int, x: float, y: float, folder: Path, resolution: int = 50) -> int:
    """The grey value at PDF point (x, y) of ``page`` (1-based), rendered by pdftoppm."""
    source = folder / "form.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", str(resolution), "-f", str(page), "-l", str(page), "-singlefile",
                    str(source), str(folder / "page")], check=True)
    data = (folder / "page.pgm").read_bytes()
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    scale = resolution / 72
    height_pt = float(PdfReader(io.BytesIO(pdf)).pages[page - 1].mediabox.height)
    column, row = round(x * scale), round((height_pt - y) * scale)
    return pixels[row * int(width) + column]


def test_an_empty_field_the_blank_colours_keeps_its_colour_when_flattened(family: Case, tmp_path: Path) -> None:
    result = produce(family, "mietbescheinigung", today=TODAY, flatten=True, allow_missing=True)
    # the landlord's part (page 3) is the landlord's to fill: "Gebäudefläche" stays empty, grey as on the blank
    assert "txt_Gebäudefläche" not in result.parts[0].values
    x0, y0, x1, y1 = 172, 500, 289, 524  # its widget's rect on the blank
    assert abs(_pixel(result.pdf, 3, (x0 + x1) / 2, (y0 + y1) / 2, tmp_path) - GREY) <= 2


def test_an_appended_part_leaves_the_tags_out_and_a_form_of_one_part_keeps_them(family: Case) -> None:
    blank = load_blank(get_map("kg1-anlage-kind"))
    assert "/StructTreeRoot" in blank.reader().root_object
    alone = fill_writer(blank, {}, flatten=True)
    appended = fill_writer(blank, {}, flatten=True, appended=True)
    assert "/StructTreeRoot" in alone.root_object
    assert "/StructTreeRoot" not in appended.root_object
    assert "/StructTreeRoot" in blank.reader().root_object  # the kept reader of the blank is untouched
    single = produce(family, "kg5a", today=TODAY, flatten=True, allow_missing=True)
    assert "/StructTreeRoot" in PdfReader(io.BytesIO(single.pdf)).root_object


@pytest.mark.parametrize("flatten", [True, False])
def test_the_combined_document_is_the_same_from_writers_as_from_files(family: Case, flatten: bool) -> None:
    form = get_map("kg1-anlage-kind")
    blank = load_blank(form)
    data = case_data(family)
    writers = []
    for number, child in enumerate(family.household.children[:2], 1):
        values = field_values(form, family, data, roles_for(family, family.household.parents[0].id, child.id, form.kids),
                              TODAY, "de").values
        writers.append(fill_writer(blank, values, flatten, appended=True))
        if not flatten:
            rename_root(writers[-1], f"AnK{number}")  # as produce does: two copies, two sets of names
    files = concatenate([pdf_bytes(w) for w in writers])
    combined = concatenate(writers)
    from_files, from_writers = PdfReader(io.BytesIO(files)), PdfReader(io.BytesIO(combined))
    assert len(from_writers.pages) == len(from_files.pages) == 2 * len(blank.reader().pages)
    assert [p.extract_text() for p in from_writers.pages] == [p.extract_text() for p in from_files.pages]
    assert read_fields(combined) == read_fields(files)
    if flatten:
        assert read_fields(combined) == {}
        assert "Lönne" in from_writers.pages[0].extract_text() and "Jürgen" in from_writers.pages[4].extract_text()
    else:
        first_name = "topmostSubform[0]-AnK{}.Page1[0].Frage-1[0].Pkt-1-Zeile-3[0].Vorname-Kind[0]"
        assert read_fields(combined)[first_name.format(1)] == "Lönne"
        assert read_fields(combined)[first_name.format(2)] == "Jürgen"


def _sheet(text: str, register: str) -> bytes:
    sheet = FPDF(unit="pt")
    sheet.set_creation_date(datetime(2026, 4, 20, tzinfo=timezone.utc))
    if register == "fpdf2":
        sheet.add_font("DejaVu", "", glyphs.FONT)
    else:
        glyphs.add_font(sheet, "DejaVu", "", glyphs.FONT)
    sheet.add_page(format=(595.32, 842.04))
    sheet.set_font("DejaVu", "", 10)
    sheet.text(100, 700, text)
    return bytes(sheet.output())


@pytest.mark.parametrize("text", ["Ayşe Yıldız", "Łucja Wójcik", "Жанна Кузнецова", "Ωμέγα"])
def test_a_sheet_with_the_font_parsed_once_is_what_fpdf2s_add_font_makes(text: str) -> None:
    expected = _sheet(text, "fpdf2")
    assert _sheet(text, "cached") == expected
    assert _sheet(text, "cached") == expected  # again: the kept font was not cut down by the first sheet
    assert _sheet("Ayşe", "cached") == _sheet("Ayşe", "fpdf2")

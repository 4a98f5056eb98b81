"""What a family sees on paper: each IBAN digit in the middle of its printed box, and names in any script.

The box centres are measured from the blank itself (pdfplumber: the vertical ticks the form prints
across the IBAN row), independently of the code that fits the widgets; the drawn digits are the
pdfplumber chars of the flattened output. Names outside the forms' one-byte fonts (ş, ł, Cyrillic)
must be printed as they are, CJK too when the fallback font is installed, and otherwise the advisor
must be told to write them by hand, never a silent "?".
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from workbench.case import Case
from workbench.forms import glyphs, produce
from workbench.forms.blanks import load_blank
from workbench.forms.registry import get_map
from workbench.forms.verify import read_fields

from tests.forms.conftest import TODAY, save_pngs

DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
TOLERANCE = 1.5  # pt a digit's centre may lie off its box's centre
IBAN = "DE89370400440532013000"

# form id, IBAN field, page index, the box boundaries (cell numbers) at which the form prints a tick:
# KG 1 prints a tick after "DE", after the check digits and after every 4 further boxes; KiZ 1 one between
# every two of its 34 boxes.
CASES = [
    ("kg1", "topmostSubform[0].Seite1[0].Punkt-3[0].IBAN[0]", 1, [2, 4, 8, 12, 16, 20, 24, 28, 32]),
    ("kiz1", "Formular1[0].Seite-1[0].Frage-3[0].IBAN[0]", 1, list(range(1, 34))),
]


def _widget_rect(data: bytes, page: int, name: str) -> list[float]:
    for annotation in PdfReader(io.BytesIO(data)).pages[page]["/Annots"]:
        obj = annotation.get_object()
        if obj.get("/T") == name.rsplit(".", 1)[1]:
            return [float(v) for v in obj["/Rect"]]
    raise AssertionError(f"{name} not on page {page + 1}")


def _printed_ticks(data: bytes, page: int, rect: list[float]) -> list[float]:
    """x of the vertical lines the blank prints across the middle of the field's row, inside the row."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        sheet = pdf.pages[page]
        middle = float(sheet.height) - (rect[1] + rect[3]) / 2
        return sorted({round(float(line["x0"]), 2) for line in sheet.lines
                       if line["x0"] == line["x1"] and line["top"] < middle < line["bottom"]
                       and rect[0] + 5 < line["x0"] < rect[2] - 5})


def _box_centres(ticks: list[float], boundaries: list[int], count: int) -> list[float]:
    """Centre of box 0…count-1, from the first and last printed tick and the cell numbers they bound."""
    pitch = (ticks[-1] - ticks[0]) / (boundaries[-1] - boundaries[0])
    return [ticks[0] + (cell - boundaries[0] + 0.5) * pitch for cell in range(count)]


def _drawn(pdf: bytes, page: int, rect: list[float]) -> list[dict[str, Any]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        sheet = doc.pages[page]
        top, bottom = float(sheet.height) - rect[3], float(sheet.height) - rect[1]
        return sorted((c for c in sheet.chars if top - 2 <= c["top"] and c["bottom"] <= bottom + 2
                       and rect[0] - 10 < c["x0"] < rect[2] and c["text"].strip()), key=lambda c: c["x0"])


@pytest.mark.parametrize(("form_id", "field", "page", "boundaries"), CASES)
def test_every_iban_digit_sits_in_the_middle_of_its_printed_box(form_id: str, field: str, page: int,
                                                                 boundaries: list[int], family: Case) -> None:
    blank = load_blank(get_map(form_id)).data
    rect = _widget_rect(blank, page, field)
    ticks = _printed_ticks(blank, page, rect)
    assert len(ticks) == len(boundaries), ticks  # the form as measured: 9 ticks on KG 1, 33 on KiZ 1
    centres = _box_centres(ticks, boundaries, len(IBAN))
    pdf = produce(family, form_id, today=TODAY, flatten=True).pdf
    drawn = _drawn(pdf, page, rect)
    assert "".join(c["text"] for c in drawn) == IBAN
    offsets = [round((c["x0"] + c["x1"]) / 2 - centre, 2) for c, centre in zip(drawn, centres)]
    assert max(map(abs, offsets)) <= TOLERANCE, offsets
    save_pngs(pdf, f"{form_id}-iban-flat", resolution=80)


@pytest.mark.parametrize(("form_id", "field", "page", "boundaries"), CASES)
def test_the_unflattened_iban_field_is_laid_over_the_printed_boxes(form_id: str, field: str, page: int,
                                                                   boundaries: list[int], family: Case) -> None:
    """A viewer divides a comb field's rect into /MaxLen equal cells: those cells must be the printed boxes."""
    blank = load_blank(get_map(form_id)).data
    ticks = _printed_ticks(blank, page, _widget_rect(blank, page, field))
    pdf = produce(family, form_id, today=TODAY).pdf
    reader = PdfReader(io.BytesIO(pdf))
    widget = next(a.get_object() for a in reader.pages[page]["/Annots"]
                  if a.get_object().get("/T") == field.rsplit(".", 1)[1])
    assert int(widget["/Ff"]) & (1 << 24), "comb flag"
    cells = int(widget["/MaxLen"])
    x0, x1 = float(widget["/Rect"][0]), float(widget["/Rect"][2])
    centres = _box_centres(ticks, boundaries, cells)
    viewer = [x0 + (k + 0.5) * (x1 - x0) / cells for k in range(cells)]
    assert max(abs(a - b) for a, b in zip(viewer, centres)) <= 0.5
    assert read_fields(pdf)[field] == IBAN


def test_the_federal_steuer_id_is_spaced_one_digit_per_box_also_unflattened(family: Case) -> None:
    """The blank's /DA "//ArialMT 10 Tf" made pypdf auto-size the text and ignore the comb flag."""
    pdf = produce(family, "elterngeld-bund", today=TODAY).pdf
    reader = PdfReader(io.BytesIO(pdf))
    widget = next(a.get_object() for a in reader.pages[1]["/Annots"] if a.get_object().get("/T") == "txt.steuer2b_1")
    x0, x1 = float(widget["/Rect"][0]), float(widget["/Rect"][2])
    stream = widget["/AP"]["/N"].get_object().get_data().decode("latin-1")
    shown = [line for line in stream.splitlines() if line.endswith(") Tj")]
    assert [line[1] for line in shown] == list("86095742719")  # one Tj per digit
    steps = [float(line.split()[0]) for line in stream.splitlines() if line.endswith(" Td")][1:]
    assert all(abs(step - (x1 - x0) / 11) < 0.01 for step in steps), steps  # one box (16.1 pt) apart
    assert "/ArialMT 10" in stream


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return " ".join(page.extract_text() or "" for page in doc.pages)


@pytest.fixture
def sukru(family: Case) -> Case:
    case = family.model_copy(deep=True)
    case.household.parents[0].name = "Şükrü Łukasz"
    case.household.parents[0].personal.surname = "Ćwikła-Иванов"  # type: ignore[union-attr]
    return case


@pytest.fixture
def li(family: Case) -> Case:
    case = family.model_copy(deep=True)
    case.household.parents[0].name = "李明"
    return case


@pytest.mark.parametrize("form_id", ["kg1", "kiz1", "elterngeld-bund"])
def test_latin_extended_and_cyrillic_names_are_printed_as_they_are(form_id: str, sukru: Case) -> None:
    flat = produce(sukru, form_id, today=TODAY, flatten=True)
    text = _text(flat.pdf)
    assert "Şükrü Łukasz" in text and "Ćwikła-Иванов" in text
    filled = produce(sukru, form_id, today=TODAY)
    assert not [n for n in filled.notes if "von Hand" in n]


def test_an_unflattened_field_shows_the_name_in_dejavu_not_a_question_mark(sukru: Case) -> None:
    result = produce(sukru, "kg1", today=TODAY)
    assert "Şükrü Łukasz" in read_fields(result.pdf).values()
    # the field's appearance draws our own (DejaVu) font besides the form's border; flattened by a viewer it reads right
    reader = PdfReader(io.BytesIO(result.pdf))
    names = {str(f.get_object().get("/BaseFont")) for page in reader.pages for a in page.get("/Annots") or ()
             if a.get_object().get("/V") == "Şükrü Łukasz"
             for f in a.get_object()["/AP"]["/N"].get_object()["/Resources"]["/Font"].values()}
    assert any("DejaVu" in n for n in names), names
    assert any("Şükrü Łukasz" in n and "Ersatzschrift" in n for n in result.notes)
    save_pngs(result.pdf, "kg1-sukru-unflat", resolution=80)


@pytest.mark.skipif(not Path(DROID).is_file(), reason="fonts-droid-fallback is not installed (.ci/run installs it)")
@pytest.mark.parametrize("flatten", [True, False])
def test_a_chinese_name_is_printed_with_the_fallback_font(li: Case, flatten: bool) -> None:
    result = produce(li, "kg1", today=TODAY, flatten=flatten)
    if flatten:
        with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
            chars = [c for c in doc.pages[1].chars if c["text"] in "李明"]
        assert "".join(c["text"] for c in chars).startswith("李明")
        assert all("DroidSansFallback" in c["fontname"] for c in chars)
        save_pngs(result.pdf, "kg1-li-flat", resolution=80)
    else:
        assert read_fields(result.pdf)["topmostSubform[0].Seite1[0].Punkt-1[0].Pkt-1-Zeile-2[0].Vorname-Antragsteller[0]"] == "李明"
    assert not [n for n in result.notes if "von Hand" in n]


def test_without_a_font_for_a_name_the_advisor_is_told_to_write_it_by_hand(li: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glyphs, "FALLBACKS", [("DroidFallback", "/nonexistent/DroidSansFallbackFull.ttf")])
    for language, words in (("de", "von Hand"), ("en", "by hand")):
        result = produce(li, "kg1", today=TODAY, flatten=True, language=language)
        hand = [n for n in result.notes if words in n]
        assert hand and all("李明" in n and "李 明" in n for n in hand), result.notes

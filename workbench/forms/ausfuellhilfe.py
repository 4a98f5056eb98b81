"""Ausfüllhilfen: preparation sheets for applications without a usable official blank (docs/formulare.md).

For Unterhaltsvorschuss, Wohngeld, Bildung und Teilhabe in Bochum and the KiZ Anlagen no
fillable official form of the authority is in the forms folder (the public copies are of other
states or missing, ../shared/forms/README.md). The family still has to fill the authority's own
form; the sheet holds, in the order of that form's sections, every value the case knows and the
documents to attach, so that the family copies it over at home or at the counter. It says in its
title, on every page, that it is **not** an official form and cannot be submitted as one.

A sheet is a :class:`Sheet` of :class:`Section` rows built per application in
:mod:`workbench.forms.sheets`; this module draws it with fpdf2 in DejaVu (the fallback fonts of
:mod:`glyphs` for names in other scripts). German labels always (the official form is German);
with ``language="en"`` each label carries its English translation. An empty value prints as a line
to write on: the sheet never writes internal codes or notes for the advisor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from workbench.case import Case
from workbench.forms.glyphs import add_fallbacks
from workbench.forms.registry import FormMap
from workbench.forms.sources import Missing
from workbench.i18n import format_date

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
Words = tuple[str, str]
"""A text in German and English."""


@dataclass(frozen=True)
class Row:
    """One question of the official form and the case's answer ("" leaves a line for the family)."""

    label: Words
    value: str = ""


@dataclass(frozen=True)
class Section:
    """A section of the official application, named as the authority's form names it."""

    title: Words
    rows: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class Sheet:
    """A whole preparation sheet: which application, where it goes, the legal basis, sections, documents."""

    application: Words
    authority: Words
    law: str
    sections: list[Section]
    documents: list[Words]
    remarks: list[Words] = field(default_factory=list)


NOT_OFFICIAL: Words = (
    "AUSFÜLLHILFE – kein amtliches Formular. Bitte die Angaben in den Antrag der Behörde übertragen; "
    "dieses Blatt ersetzt den Antrag nicht und wird nicht unterschrieben.",
    "PREPARATION SHEET – not an official form. Copy the values into the authority's application; "
    "this sheet does not replace the application and is not signed.",
)


def words(pair: Words, language: str) -> str:
    """The German text, with the English one in brackets for ``en`` (the official form stays German)."""
    german, english = pair
    return german if language == "de" or german == english else f"{german} ({english})"


class _Sheet(FPDF):
    def __init__(self, texts: str, footer_text: str) -> None:
        super().__init__(unit="mm", format="A4")
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, 18)
        self.add_font("DejaVu", "", f"{FONT_DIR}/DejaVuSans.ttf")
        self.add_font("DejaVu", "B", f"{FONT_DIR}/DejaVuSans-Bold.ttf")
        add_fallbacks(self, texts)
        self.footer_text = footer_text

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, f"{self.footer_text} – {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def _head(pdf: _Sheet, sheet: Sheet, case_name: str, today: date, language: str) -> None:
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 7, words(("Ausfüllhilfe", "Preparation sheet"), language) + ": "
                   + words(sheet.application, language), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    pdf.set_fill_color(255, 236, 179)
    pdf.set_font("DejaVu", "B", 9)
    pdf.multi_cell(0, 4.6, NOT_OFFICIAL[0] + ("\n" + NOT_OFFICIAL[1] if language != "de" else ""), border=1,
                   fill=True, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 9)
    for label, value in ((("Stelle", "Office"), words(sheet.authority, language)),
                         (("Rechtsgrundlage", "Legal basis"), sheet.law),
                         (("Für", "For"), case_name),
                         (("Stand der Angaben", "Values as of"), format_date(today, language))):
        pdf.cell(42 if language == "de" else 62, 5, words(label, language) + ":")
        pdf.multi_cell(0, 5, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def _line_count(pdf: _Sheet, width: float, value: str) -> int:
    """Lines ``value`` takes in a cell of ``width`` mm with the current font (fpdf2's dry run)."""
    lines = pdf.multi_cell(width, 4.6, value, dry_run=True, output="LINES")
    return len(lines) if isinstance(lines, list) else 1


def _section(pdf: _Sheet, section: Section, language: str) -> None:
    if pdf.will_page_break(30):  # a section title never stands alone at the foot of a page
        pdf.add_page()
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_fill_color(225, 232, 240)
    pdf.multi_cell(0, 6.5, words(section.title, language), fill=True, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    label_width = 78
    value_width = pdf.epw - label_width
    for row in section.rows:
        label = words(row.label, language)
        pdf.set_font("DejaVu", "", 8.5 if language != "de" else 9)
        lines = _line_count(pdf, label_width, label)
        pdf.set_font("DejaVu", "B", 9.5)
        height = 4.6 * max(lines, _line_count(pdf, value_width, row.value) if row.value else 1) + 1.6
        if pdf.will_page_break(height):
            pdf.add_page()
        top = pdf.get_y()
        pdf.set_font("DejaVu", "", 8.5 if language != "de" else 9)
        pdf.multi_cell(label_width, 4.6, label, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.set_font("DejaVu", "B", 9.5)
        pdf.multi_cell(value_width, 4.6, row.value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_draw_color(170, 170, 170)
        pdf.line(pdf.l_margin + label_width, top + height - 0.8, pdf.w - pdf.r_margin, top + height - 0.8)
        pdf.set_y(top + height)
    pdf.ln(3)


def _documents(pdf: _Sheet, sheet: Sheet, language: str) -> None:
    if pdf.will_page_break(20):
        pdf.add_page()
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_fill_color(225, 232, 240)
    pdf.cell(0, 6.5, words(("Beizufügende Unterlagen", "Documents to attach"), language), fill=True,
             align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 9)
    for document in sheet.documents:
        pdf.cell(6, 5, "☐")
        pdf.multi_cell(0, 5, words(document, language), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for remark in sheet.remarks:
        pdf.ln(1.5)
        pdf.multi_cell(0, 4.6, words(remark, language), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _case_name(case: Case, applicant: str) -> str:
    parent = case.parent(applicant)
    surname = parent.personal.surname if parent.personal and parent.personal.surname else ""
    return f"{parent.name or ''} {surname}".strip() or words(("Antragsteller/in", "applicant"), "de")


def render(sheet: Sheet, case_name: str, today: date, language: str = "de") -> bytes:
    """The sheet as PDF bytes (A4, DejaVu; every page footed "kein amtliches Formular")."""
    texts = case_name + "".join(row.value for s in sheet.sections for row in s.rows)
    footer = words(("Ausfüllhilfe – kein amtliches Formular", "Preparation sheet – not an official form"), language)
    pdf = _Sheet(texts, footer)
    pdf.alias_nb_pages()
    pdf.add_page()
    _head(pdf, sheet, case_name, today, language)
    for section in sheet.sections:
        _section(pdf, section, language)
    _documents(pdf, sheet, language)
    return bytes(pdf.output())


def build_sheet(case: Case, form: FormMap, applicant: str, today: date) -> Sheet:
    """The sheet of ``form`` (its id names the application) for ``applicant``."""
    from workbench.forms.sheets import BUILDERS

    return BUILDERS[form.id](case, applicant, today)


def ausfuellhilfe(case: Case, form: FormMap, applicant: str, today: date, language: str = "de") -> bytes:
    """The preparation sheet of ``form`` for the case as PDF bytes."""
    return render(build_sheet(case, form, applicant, today), _case_name(case, applicant), today, language)


def sheet_missing(case: Case, form: FormMap, applicant: str, language: str = "de") -> list[Missing]:
    """Nothing blocks a sheet: what the case lacks stays an empty line for the family to fill."""
    return []


__all__ = ["NOT_OFFICIAL", "Row", "Section", "Sheet", "ausfuellhilfe", "build_sheet", "render", "sheet_missing", "words"]

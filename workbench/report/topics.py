"""Every topic's handout sections for one case, and a PDF of topic sections alone.

Each wizard offers its results as :class:`~workbench.report.HandoutSection` blocks;
:func:`topic_sections` asks every topic whose part is filled in the case — Leistungscheck,
Mutterschutz, Elternzeit, Kita, Pflege, Vorsorge, the applications — in the order a family meets them, after the
taxes of the Elterngeld plan: what
``workbench handout`` adds after the plans. :func:`topic_pdf` prints sections alone (a care or
Vorsorge case may have no child and no Elterngeld plan) with the handout's fonts and layout, and
:func:`provisional_sections` puts "vorläufig" first when a topic used latest known values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from fpdf.enums import XPos, YPos

from workbench.i18n import text
from workbench.parameter_tracking import provisional_note, tracking
from workbench.report.blocks import HandoutSection, draw_section
from workbench.report.handout import HandoutPdf, layout
from workbench.report.register import FAMILY, Register

if TYPE_CHECKING:
    from workbench.case import Case


def known_language(language: str) -> str:
    """``language`` if the handout speaks it (de, en), else German."""
    return language if language in ("de", "en") else "de"


def provisional_sections(build: Callable[[], list[HandoutSection]], language: str) -> list[HandoutSection]:
    """``build()``'s sections with "vorläufig: Werte für 2027 noch nicht hinterlegt …" first when
    latest known values answered (ADR 0019)."""
    with tracking() as used:
        sections = build()
    note = provisional_note(used.provisional, known_language(language))
    if note is None or not sections:
        return sections
    first = sections[0]
    return [HandoutSection(first.heading, (note, *first.paragraphs), first.rows), *sections[1:]]


def proposes_elterngeld_plans(case: "Case") -> bool:
    """Whether the family's sheet proposes Elterngeld plans (the optimizer's best, a ready variant).

    A case with a plan of its own is an Elterngeld case; so is one that holds nothing but the family
    (the Elterngeld wizard's file). A Kita, Pflege, Vorsorge, Neu-in-Bochum, Mutterschutz, Elternzeit or
    Leistungscheck case without a plan is not: its sheet is about that topic, as the wizards' sheets are
    (a Kita family whose child is a year old was offered "Höchstes Elterngeld" at the minimum amount).
    """
    from workbench.report.leistungscheck import has_leistungscheck_data

    if case.elterngeld_plan is not None or case.elterngeld_alternatives:
        return True
    other = (case.zuzug, case.mutterschutz, case.elternzeit, case.kita, case.care, case.vorsorge)
    return all(part is None for part in other) and not has_leistungscheck_data(case)


def topic_sections(case: "Case", language: str, today: date | None = None,
                   register: Register = FAMILY) -> list[HandoutSection]:
    """The sections of all topics the case holds data for (none for a pure Elterngeld case), in the
    family's wording unless ``register`` asks for the advisor's (ADR 0035)."""
    from workbench.report.kita import kita_sections
    from workbench.report.lebenslagen import elternzeit_sections, mutterschutz_sections
    from workbench.report.leistungscheck import has_leistungscheck_data, leistungscheck_sections
    from workbench.report.pflege import pflege_sections
    from workbench.report.steuer import steuer_handout_sections
    from workbench.report.vorsorge import vorsorge_sections
    from workbench.report.zuzug import zuzug_sections

    sections: list[HandoutSection] = []
    if case.zuzug is not None:  # a family new in Bochum: its first steps come first (issue 21)
        sections += zuzug_sections(case, language, today=today, register=register)
    if case.elterngeld_plan is not None:  # Steuerklassenwahl and Progressionsvorbehalt of the plan (ADR 0029)
        sections += steuer_handout_sections(case, language, today)  # names the years without a known tariff itself
    if has_leistungscheck_data(case):
        sections += leistungscheck_sections(case, language, register=register)
    if case.mutterschutz is not None:
        sections += mutterschutz_sections(case, language, today=today, register=register)
    if case.elternzeit is not None:
        sections += elternzeit_sections(case, language, today=today)
    if case.kita is not None:
        sections += kita_sections(case, language, today=today, register=register)
    if case.care is not None:
        sections += pflege_sections(case, language, on=today, register=register)
    if case.vorsorge is not None:
        sections += vorsorge_sections(case, language, on=today)
    if case.antragsmappe is not None:  # the applications the office forwards (issue 20, ADR 0037)
        from workbench.report.antragsmappe import antragsmappe_sections

        sections += antragsmappe_sections(case, language, today, register=register)
    return sections


def topic_pdf(title: str, intro: str, sections: Sequence[HandoutSection], language: str = "de") -> bytes:
    """A PDF of ``sections`` under ``title`` (the handout's fonts, margins and section layout)."""
    lang = known_language(language)
    pdf = HandoutPdf(lang, layout())
    pdf.set_title(title)
    pdf.set_creator("Familienbüro workbench")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.para(intro, size=8.5)
    for section in sections:
        draw_section(pdf, section)
    pdf.heading(text("report.contact_heading", lang))
    pdf.para(text("report.contact", lang))
    return pdf.finish()

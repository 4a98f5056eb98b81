"""Every sheet the family takes home, made the way the pages and the command line make it (ADR 0035).

:func:`family_documents` gives, for one case and language, each document's name and its text: the full handout
(``workbench handout``: the plans with every topic the case holds), the comparison page's handout, the
Leistungscheck's handout, the Mutterschutz/Elternzeit handout, the topic sheets (Kita, Pflege, Neu in Bochum,
Vorsorge) and the Leichte-Sprache handout. A document the case has no data for is left out, as its page would
not offer it. The tests scan each with :func:`workbench.report.register.family_sheet_problems`.
"""

from __future__ import annotations

import base64
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from workbench.case import Case, load_case
from workbench.i18n import text
from workbench.report.register import FAMILY

CASES = Path(__file__).parent / "cases"
DOCS_EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
TODAY = date(2026, 7, 1)

FAMILY_FILES = (sorted((CASES / "familien").glob("*.json")) + sorted((CASES / "handout").glob("*.json"))
                + sorted((CASES / "lebenslagen").glob("*.json")) + sorted((CASES / "zuzug").glob("*.json"))
                + sorted(DOCS_EXAMPLES.glob("leistungscheck-*.json")))
"""Invented families with every topic between them: twins, a single mother, self-employed parents, an adoption, a
foster child, a stepchild, two mothers, a shared-care child, a relative needing care, Vorsorge, families moving
to Bochum, and the Leistungscheck's single parent, couple and high earners."""


def load(path: Path) -> Case:
    data = json.loads(path.read_text(encoding="utf-8"))
    return load_case(data.get("case", data))


def words(pdf: bytes) -> str:
    """The text of a PDF, page by page."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _comparison_handout(case: Case, chosen: str) -> bytes | None:
    from workbench.evaluation.vergleich import compare, default_selection, plan_choices
    from workbench.ui.pages.vergleich.merkblatt import handout_link

    if case.elterngeld_plan is None:
        return None
    choices = plan_choices(case)
    view = compare(case, [c for c in choices if c.key in default_selection(choices)])
    link = handout_link(case, view, chosen, case.language, case.case_id)
    found = re.search(r'base64,([^"]+)"', link)
    return base64.b64decode(found.group(1)) if found else None


def family_documents(case: Case, language: str, today: date = TODAY) -> Iterator[tuple[str, str]]:
    """``(name, text)`` of every sheet the family can take home for ``case`` in ``language`` (de or en)."""
    from workbench.report import HandoutPlan, handout_pdf, topic_pdf
    from workbench.report.kita import kita_sections
    from workbench.report.lebenslagen import elternzeit_sections, mutterschutz_sections
    from workbench.report.leistungscheck import has_leistungscheck_data, leistungscheck_sections
    from workbench.report.pflege import pflege_sections
    from workbench.report.topics import proposes_elterngeld_plans, topic_sections
    from workbench.report.vorsorge import vorsorge_pdf
    from workbench.report.zuzug import zuzug_sections

    case = case.model_copy(update={"language": language})
    if case.household.children:  # the handout is about a child; a care or Vorsorge case has its topic sheets
        plans: list[HandoutPlan] | None = None if proposes_elterngeld_plans(case) else []
        yield "handout", words(handout_pdf(case, language, topic_sections(case, language, today), plans=plans))
        comparison = _comparison_handout(case, language)
        if comparison is not None:
            yield "comparison handout", words(comparison)
        if language == "de":
            yield "Leichte-Sprache handout", words(handout_pdf(case, "de-LS", topic_sections(case, language, today),
                                                               plans=plans))
        if has_leistungscheck_data(case):
            yield "Leistungscheck handout", words(handout_pdf(case, language, leistungscheck_sections(case, language),
                                                              plans=[]))
        if case.mutterschutz is not None or case.elternzeit is not None:
            sections = [*(mutterschutz_sections(case, language) if case.mutterschutz is not None else []),
                        *(elternzeit_sections(case, language, today) if case.elternzeit is not None else [])]
            yield "Mutterschutz/Elternzeit handout", words(handout_pdf(case, language, sections, plans=[]))
    if case.kita is not None:
        yield "Kita sheet", words(topic_pdf(text("ui.kita.pdf_title", language), text("ui.kita.pdf_intro", language),
                                            kita_sections(case, language, today=today, register=FAMILY), language))
    if case.care is not None:
        yield "Pflege sheet", words(topic_pdf(text("ui.pflege.pdf_title", language),
                                              text("ui.pflege.pdf_intro", language),
                                              pflege_sections(case, language, today, register=FAMILY), language))
    if case.zuzug is not None:
        yield "Neu-in-Bochum sheet", words(topic_pdf(text("ui.zuzug.pdf_title", language),
                                                     text("ui.zuzug.pdf_intro", language),
                                                     zuzug_sections(case, language, today=today, register=FAMILY),
                                                     language))
    if case.vorsorge is not None:
        yield "Vorsorge sheet", words(vorsorge_pdf(case, language, today))

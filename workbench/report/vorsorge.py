"""Vorsorge on the family handout and as the family's summary: ``vorsorge_sections``, ``vorsorge_pdf``.

Per chosen document what is done and what is left, the fees and the disclaimer, from
:mod:`workbench.evaluation.vorsorge`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.vorsorge import vorsorge_checklist, vorsorge_kosten
from workbench.i18n import format_date, format_money, text
from workbench.report.sections import HandoutSection
from workbench.report.topics import known_language, provisional_sections, topic_pdf
from workbench.rules.vorsorge import DOCUMENTS, item_args

if TYPE_CHECKING:
    from workbench.case import Case


def vorsorge_sections(case: Case, language: str = "de", on: date | None = None) -> list[HandoutSection]:
    """Per chosen document what it does and what is left to do, the costs and the disclaimer; with the
    provisional note when values of a new year are missing."""
    return provisional_sections(lambda: _vorsorge_sections(case, known_language(language), on), language)


def _vorsorge_sections(case: Case, lang: str, on: date | None) -> list[HandoutSection]:
    v = case.vorsorge
    if v is None:
        return []
    on = on or clock_today()
    if not v.documents:
        return [HandoutSection(text("vorsorge.section_heading", lang, documents="–"),
                               (text("vorsorge.no_documents", lang), text("vorsorge.disclaimer", lang)))]
    sections: list[HandoutSection] = []
    for doc in DOCUMENTS:
        if doc not in v.documents:
            continue
        figures = item_args(on)
        lines = [f"{'☑' if done else '☐'} {text(f'vorsorge.item.{i.id}_family', lang, **figures)}"
                 for i, done in vorsorge_checklist(case, [doc])]
        sections.append(HandoutSection(text(f"vorsorge.doc.{doc}", lang), tuple(lines)))
    plan = vorsorge_kosten(case, on)
    assert plan is not None  # the case has its vorsorge part
    items = vorsorge_checklist(case)
    sections.append(HandoutSection(
        text("vorsorge.section_heading", lang, documents=", ".join(text(f"vorsorge.doc.{d}", lang) for d in v.documents)),
        (text("vorsorge.progress", lang, done=sum(1 for _, done in items if done), total=len(items)),
         text("vorsorge.costs", lang, cert=format_money(plan.beglaubigung, lang),
              register=format_money(plan.register, lang), total=format_money(plan.total, lang)),
         text("vorsorge.disclaimer", lang), text("vorsorge.sources", lang))))
    return sections


def vorsorge_pdf(case: Case, language: str = "de", on: date | None = None) -> bytes:
    """The plain-language Vorsorge summary for the family as PDF bytes."""
    lang = known_language(language)
    on = on or clock_today()
    person = (case.vorsorge.person if case.vorsorge else None) or text("vorsorge.person_unnamed", lang)
    return topic_pdf(text("vorsorge.summary_title", lang, person=person),
                     text("vorsorge.summary_intro", lang, case_id=case.case_id, today=format_date(on, lang)),
                     vorsorge_sections(case, lang, on), lang)


__all__ = ["vorsorge_pdf", "vorsorge_sections"]

"""The Kita topic on the family handout and the Kita page: ``kita_sections(case, language)``.

The dates of the wanted start and the fee status, from :func:`workbench.evaluation.kita.kita_result`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.evaluation.kita import KitaResult, kita_result
from workbench.i18n import format_date, format_money, text
from workbench.report.blocks import HandoutSection
from workbench.report.register import ADVISOR, Register, say
from workbench.report.topics import known_language, provisional_sections
from workbench.rules.kita.beitrag import PORTAL_URL, SATZUNG_URL

if TYPE_CHECKING:
    from workbench.case import Case


def kita_sections(case: Case, language: str = "de", today: date | None = None,
                  register: Register = ADVISOR) -> list[HandoutSection]:
    """The Kita dates and the fee status of ``case.kita`` (nothing without a wish with a start);
    with the provisional note when values of a new year are missing. ``register``: the advisor's
    page or the family's sheet (ADR 0035)."""
    return provisional_sections(lambda: _kita_sections(case, known_language(language), today, register), language)


def _kita_sections(case: Case, lang: str, today: date | None, register: Register) -> list[HandoutSection]:
    result = kita_result(case)
    if result is None:
        return []
    t, fee = result.termine, result.fee
    rows: tuple[tuple[str, ...], ...] = (
        (text("kita.col.what", lang), text("kita.col.when", lang)),
        (text("kita.row.start", lang), format_date(t.wunsch, lang)),
        (text("kita.row.claim", lang), format_date(t.anspruch_ab, lang)),
        (text("kita.row.ue3", lang), format_date(t.ue3_ab, lang)),
        (text("kita.row.register_from", lang), format_date(t.anmeldung_schon_moeglich, lang)),
        (text("kita.row.register_by", lang), format_date(t.anmeldung_spaetestens, lang)),
        (text("kita.row.notice", lang),
         f"{format_date(t.zusage_in_der_regel, lang)} / {format_date(t.zusage_spaetestens, lang)}"),
        (text("kita.row.year", lang), text("kita.year_value", lang, start=format_date(t.kindergartenjahr, lang),
                                           end=format_date(result.kindergartenjahr_end, lang))),
    )
    paragraphs: list[str] = []
    if t.vor_anspruch:
        paragraphs.append(text("kita.before_claim", lang, date=format_date(t.anspruch_ab, lang)))
    if result.places > 1:
        paragraphs.append(say("kita.places_multiple", lang, register, count=result.places))
    if today is not None and today > t.anmeldung_spaetestens:
        paragraphs.append(text("kita.late", lang))
    fee_rows = rows + ((text("kita.row.free_from", lang), format_date(fee.frei_vorschule_ab, lang)),)
    fee_paragraphs = [fee_text(result, lang, register)]
    if fee.status != "frei_vorschule" and fee.status != "frei_transfer":
        fee_paragraphs.append(text("kita.free_later", lang, date=format_date(fee.frei_vorschule_ab, lang)))
    name = text("kita.children_unnamed" if result.places > 1 else "kita.child_unnamed", lang)
    return [
        HandoutSection(text("kita.section_heading", lang, child=name), tuple(paragraphs), fee_rows),
        HandoutSection(text("kita.fee_heading", lang, date=format_date(t.start_mit_anspruch, lang)),
                       tuple(fee_paragraphs)),
        HandoutSection(text("ui.kita.steps_heading", lang),
                       (text("kita.steps", lang, portal=PORTAL_URL),)),
    ]


def fee_text(result: KitaResult, lang: str, register: Register = ADVISOR) -> str:
    """Why the Kita is free, or that the Satzung's table decides."""
    status, transfer = result.fee.status, result.wish.transfer
    if status == "frei_transfer":
        return text("kita.fee.frei_transfer", lang, transfer=text(f"kita.transfer.{transfer}", lang))
    if status == "frei_einkommen":
        return text("kita.fee.frei_einkommen", lang, limit=format_money(result.income_limit_y(), lang))
    if status == "frei_vorschule":
        return text("kita.fee.frei_vorschule", lang)
    return say("kita.fee.satzung_pruefen", lang, register, hours=result.wish.hours, url=SATZUNG_URL)


__all__ = ["fee_text", "kita_sections"]

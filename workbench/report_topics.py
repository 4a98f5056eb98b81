"""Every topic's handout sections for one case: what ``workbench handout`` adds after the plans.

Each wizard offers its results as :class:`~workbench.report.HandoutSection` blocks; this module
asks every topic whose part is filled in the case — Leistungscheck, Mutterschutz, Elternzeit,
Kita, Pflege, Vorsorge — in the order a family meets them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.report import HandoutSection


def topic_sections(case: "Case", language: str, today: date | None = None) -> list["HandoutSection"]:
    """The sections of all topics the case holds data for (none for a pure Elterngeld case)."""
    from workbench.care_report import kita_sections, pflege_sections, vorsorge_sections
    from workbench.lebenslagen import elternzeit_sections, mutterschutz_sections
    from workbench.report_leistungen import has_leistungscheck_data, leistungscheck_sections

    sections: list[HandoutSection] = []
    if has_leistungscheck_data(case):
        sections += leistungscheck_sections(case, language)
    if case.mutterschutz is not None:
        sections += mutterschutz_sections(case, language)
    if case.elternzeit is not None:
        sections += elternzeit_sections(case, language, today=today)
    if case.kita is not None:
        sections += kita_sections(case, language, today=today)
    if case.care is not None:
        sections += pflege_sections(case, language, on=today, family=True)
    if case.vorsorge is not None:
        sections += vorsorge_sections(case, language, on=today)
    return sections

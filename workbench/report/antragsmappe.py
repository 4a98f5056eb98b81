"""The family's applications on the handout: where each goes, how far it is, what the family still brings.

From :func:`workbench.evaluation.mappe_status.folder` (issue 20, ADR 0037); printed when the office keeps the
case's applications (the case has an ``antragsmappe``). In the family's register (ADR 0035): the office by
name, dates in words, the documents as the authority lists them — no ids, keys or "bitte prüfen".
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.fristen import benefit_name
from workbench.evaluation.mappe_status import Eintrag, folder
from workbench.i18n import format_date
from workbench.report.register import FAMILY, Register, say
from workbench.report.sections import HandoutSection

if TYPE_CHECKING:
    from workbench.case import Case


def antragsmappe_sections(case: Case, language: str = "de", today: date | None = None,
                          register: Register = FAMILY) -> list[HandoutSection]:
    """One section: per application the office, how far it is and what the family still brings."""
    from workbench.rules.leistungen.offices import office_info

    if case.antragsmappe is None:
        return []
    lang = language if language in ("de", "en") else "de"
    day = today or clock_today()
    rows: list[tuple[str, ...]] = [(say("antragsmappe.handout.col_application", lang, register),
                                    say("antragsmappe.handout.col_office", lang, register),
                                    say("antragsmappe.handout.col_state", lang, register),
                                    say("antragsmappe.handout.col_bring", lang, register))]
    for entry in folder(case, day, lang):
        who = (case.parent(entry.parent).name or "") if entry.parent else ""
        name = benefit_name(entry.benefit, lang) + (f" – {who}" if who else "")
        office = office_info(entry.benefit, lang, day)["office"]["name"]
        rows.append((name, office, _state(entry, day, lang, register), _bring(entry, lang, register)))
    if len(rows) == 1:
        return []
    return [HandoutSection(say("antragsmappe.handout.heading", lang, register),
                           (say("antragsmappe.handout.intro", lang, register),), tuple(rows))]


def _state(entry: Eintrag, day: date, lang: str, register: Register) -> str:
    record = entry.record
    if entry.antrag is not None and entry.antrag.overdue(day) and not entry.forwarded:
        return say("antragsmappe.handout.missed", lang, register, date=format_date(entry.antrag.frist.bis, lang))
    if entry.benefit == "elternzeit" and entry.antrag is not None:
        return say("antragsmappe.handout.elternzeit", lang, register, date=format_date(entry.antrag.frist.bis, lang))
    if record is not None and record.decided_on is not None:
        key = "antragsmappe.handout.rejected" if record.rejected else "antragsmappe.handout.decided"
        until = entry.widerspruch.bis if entry.widerspruch is not None else record.decided_on
        return say(key, lang, register, date=format_date(record.decided_on, lang), until=format_date(until, lang))
    if record is not None and record.forwarded_on is not None:
        return say("antragsmappe.handout.forwarded", lang, register, date=format_date(record.forwarded_on, lang))
    if entry.antrag is None:
        return say("antragsmappe.handout.signed" if record and record.signed_on else "antragsmappe.handout.ready",
                   lang, register)
    key = "antragsmappe.handout.signed_until" if record and record.signed_on else "antragsmappe.handout.ready_until"
    return say(key, lang, register, date=format_date(entry.antrag.frist.bis, lang))


def _bring(entry: Eintrag, lang: str, register: Register) -> str:
    if entry.forwarded or entry.benefit == "elternzeit":
        return "–"
    missing = [label for _, label in entry.missing_documents]
    return "; ".join(missing) if missing else say("antragsmappe.handout.nothing", lang, register)

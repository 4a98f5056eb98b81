"""The Elternzeit letter to the employer: a dated, signable request with the parent's periods.

There is no official form: Elternzeit is demanded in writing from the employer (§ 16 Abs. 1
Satz 1 BEEG). The letter names the child and lists the periods: the case's explicit ``elternzeit``
periods of the parent with their part-time hours; without them the parent's planned Lebensmonate
as calendar dates, consecutive months with the same working hours joined, so that months with
part-time work (Partnerschaftsbonus, Plus with work) are requested as Elternzeit with reduced
working time (§ 15 Abs. 5–7 BEEG: start and extent in the request). Only periods that start on or
after the letter's date are requested — a period that has begun can no longer be demanded; it is
a note for the advisor. For periods before the 3rd birthday it declares, with the end date, for
which times within two years Elternzeit is taken (§ 16 Abs. 1 Satz 2 BEEG; after a mother's
protection period the two years run from the birth, Satz 4), and asks for written confirmation
(Satz 8). The notice deadlines (7 weeks before a start before the 3rd birthday, 13 weeks between
the 3rd and 8th, :func:`workbench.rules.elternzeit.anmeldefrist`) are for the advisor, never in
the letter. German for the employer; ``language="en"`` gives a reading copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from workbench.case import Case, Child, get_path
from workbench.forms.glyphs import add_fallbacks
from workbench.forms.sources import Missing, label_for
from workbench.i18n import format_date, format_decimal, text
from workbench.evaluation.elterngeld.aufnahme import start as lebensmonate_from
from workbench.evaluation.elterngeld.engine import mutterschutz_ende
from workbench.rules.elterngeld.lebensmonate import consecutive_runs, lebensmonat_end, lebensmonat_start
from workbench.rules.elternzeit import anmeldefrist
from workbench.rules.elternzeit.zeitraeume import Zeitraum, bindungsende

FONT_DIR = "/usr/share/fonts/truetype/dejavu"


@dataclass(frozen=True)
class Period:
    """One Elternzeit period with the last day the request must reach the employer (and part-time hours, if any)."""

    start: date
    end: date
    deadline: date
    hours_per_week: Decimal | None = None
    bonus_without_hours: bool = False
    """Partnerschaftsbonus months for which the case gives no working hours (§ 4b BEEG needs 24–32)."""


def elternzeit_from(case: Case, child: Child) -> date:
    """The day the child's Elternzeit counts from: the day a child taken in (adopted, Adoptions- or Vollzeitpflege)
    came into the household (§ 15 Abs. 2 Satz 5 BEEG, as the Elternzeit wizard counts it, ADR 0032), else the birth.

    The notice deadlines (7 or 13 weeks) and the two years of § 16 Abs. 1 Satz 2 BEEG count from this day.
    """
    return child.placement.date if child.placement is not None else child.birth_date


def _explicit(case: Case, parent_id: str) -> list[Period]:
    ez = case.elternzeit
    if ez is None:
        return []
    birth = elternzeit_from(case, case.child(ez.child))
    return [Period(p.start, p.end, anmeldefrist(p.start, birth, case.language), p.hours_per_week)
            for p in sorted(ez.periods, key=lambda p: p.start) if p.parent == parent_id]


def letter_child(case: Case, parent_id: str) -> Child:
    """The child the letter is for: the ``elternzeit`` child when the parent has explicit periods, else the plan's."""
    if case.elternzeit is not None and any(p.parent == parent_id for p in case.elternzeit.periods):
        return case.child(case.elternzeit.child)
    return case.plan_child()


def _month_runs(case: Case, parent_id: str) -> list[tuple[list[int], Decimal | None, bool]]:
    """The planned Lebensmonate, consecutive months with the same weekly hours joined; whether bonus lacks hours."""
    assert case.elterngeld_plan is not None
    parent = case.parent(parent_id)
    runs: list[tuple[list[int], Decimal | None, bool]] = []
    for month, kind in enumerate(case.elterngeld_plan.kinds(parent_id), 1):
        if kind == "none":
            continue
        work = parent.income_in_month(month)
        hours = work.hours_per_week if work is not None else None
        missing = kind == "bonus" and hours is None
        if runs and runs[-1][0][-1] == month - 1 and runs[-1][1] == hours:
            runs[-1] = (runs[-1][0] + [month], hours, runs[-1][2] or missing)
        else:
            runs.append(([month], hours, missing))
    return runs


def elternzeit_periods(case: Case, parent_id: str) -> list[Period]:
    """The parent's Elternzeit periods: the case's explicit ``elternzeit`` periods, else derived from the plan.

    Explicit periods (the Elternzeit wizard) are taken exactly as entered, each with its deadline
    (7 weeks before a start before the 3rd birthday, 13 weeks from it). Without them the plan's
    planned Lebensmonate become the periods, as dates: consecutive months with the same weekly
    hours of work after the birth (``income_after_birth``) form one period, with those hours.

    A mother with Mutterschaftsleistungen starts after the protection period (it counts towards
    Elternzeit anyway, § 16 Abs. 1 Satz 4 BEEG). The Lebensmonate of an adopted child (or one in Adoptionspflege)
    count from the day it was taken in, as the plan's do (§ 1 Abs. 3 Satz 2, § 4 Abs. 1 Satz 3 BEEG), and so do
    the notice deadlines (:func:`elternzeit_from`). Rechtsgrundlage: § 15 Abs. 2, 4–7, § 16 Abs. 1 BEEG
    """
    explicit = _explicit(case, parent_id)
    if explicit:
        return explicit
    if case.elterngeld_plan is None:
        return []
    child = case.plan_child()
    birth = lebensmonate_from(child)
    counted = elternzeit_from(case, child)
    maternity = case.parent(parent_id).maternity_benefit and child.placement is None  # MuSchG: only after a birth
    earliest = mutterschutz_ende(case, child) + timedelta(days=1) if maternity else birth
    out: list[Period] = []
    for months, hours, bonus_without_hours in _month_runs(case, parent_id):
        start = max(lebensmonat_start(birth, months[0]), earliest)
        end = lebensmonat_end(birth, months[-1])
        if start <= end:
            out.append(Period(start, end, anmeldefrist(start, counted), hours, bonus_without_hours))
    return out


def requested_periods(case: Case, parent_id: str, today: date) -> list[Period]:
    """The periods the letter of ``today`` requests: those that have not begun (§ 16 Abs. 1 Satz 1 BEEG)."""
    return [p for p in elternzeit_periods(case, parent_id) if p.start >= today]


def binding_end(case: Case, parent_id: str, today: date) -> date | None:
    """Last day of the two years the letter's declaration covers; None when no period starts before the 3rd birthday.

    Rechtsgrundlage: § 16 Abs. 1 Satz 2, 4 BEEG (:func:`workbench.rules.elternzeit.zeitraeume.bindungsende`)
    """
    child = letter_child(case, parent_id)
    requested = requested_periods(case, parent_id, today)
    if not requested:
        return None
    periods = [Zeitraum(parent_id, p.start, p.end, p.hours_per_week) for p in elternzeit_periods(case, parent_id)]
    counted = elternzeit_from(case, child)
    first_requested = bindungsende([Zeitraum(parent_id, p.start, p.end) for p in requested], counted, parent_id)
    if first_requested is None:
        return None  # every requested period starts after the 3rd birthday: no two-year declaration
    maternity = case.parent(parent_id).maternity_benefit and child.placement is None
    ms_end = mutterschutz_ende(case, child) if maternity else None
    return bindungsende(periods, counted, parent_id, ms_end)


def _index(case: Case, parent_id: str) -> int:
    return next(i for i, p in enumerate(case.household.parents) if p.id == parent_id)


def letter_missing(case: Case, parent_id: str, data: dict[str, Any], language: str = "de") -> list[Missing]:
    """What the letter needs: the parent's surname, the household address, the employer's name and address."""
    base = f"household.parents[{_index(case, parent_id)}]"
    paths = [f"{base}.personal.surname", "household.address.street", "household.address.house_number",
             "household.address.postcode", "household.address.city", f"{base}.personal.employer.name",
             f"{base}.personal.employer.address.street", f"{base}.personal.employer.address.house_number",
             f"{base}.personal.employer.address.postcode", f"{base}.personal.employer.address.city"]
    return [Missing(path, label_for(path, data, language)) for path in paths if get_path(data, path) is None]


def letter_notes(case: Case, parent_id: str, today: date, language: str = "de") -> list[str]:
    """For the advisor: each period's notice deadline, and a warning when it has passed or there is no period."""
    periods = elternzeit_periods(case, parent_id)
    if not periods:
        return [text("forms.letter.no_periods", language)]
    notes = []
    for period in periods:
        start, end = format_date(period.start, language), format_date(period.end, language)
        if period.start < today:
            notes.append(text("forms.letter.begun", language, start=start, end=end, today=format_date(today, language)))
            continue
        key = "forms.letter.deadline_past" if period.deadline < today else "forms.letter.deadline"
        notes.append(text(key, language, start=start, deadline=format_date(period.deadline, language)))
        if period.bonus_without_hours:
            notes.append(text("forms.letter.bonus_hours", language, start=start, end=end))
    if letter_child(case, parent_id).expected:
        notes.append(text("forms.letter.expected", language))
    return notes


class _Letter(FPDF):
    def __init__(self, names: str) -> None:
        super().__init__(unit="mm", format="A4")
        self.set_margins(25, 20, 20)
        self.set_auto_page_break(True, 20)
        self.add_font("DejaVu", "", f"{FONT_DIR}/DejaVuSans.ttf")
        self.add_font("DejaVu", "B", f"{FONT_DIR}/DejaVuSans-Bold.ttf")
        add_fallbacks(self, names)

    def lines(self, rows: list[str], size: float = 10, style: str = "", height: float = 5.0) -> None:
        self.set_font("DejaVu", style, size)
        for row in rows:
            self.cell(0, height, row, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def para(self, body: str, size: float = 10) -> None:
        self.set_font("DejaVu", "", size)
        self.multi_cell(0, 5.2, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2.5)


def _head(pdf: _Letter, case: Case, parent_id: str, name: str, today: date, lang: str) -> None:
    """Sender, employer, place and date, subject, personnel number, salutation."""
    personal = case.parent(parent_id).personal
    address = case.household.address
    employer = personal.employer if personal else None
    sender = [name] + ([f"{address.street} {address.house_number}", f"{address.postcode} {address.city}"] if address else [])
    pdf.lines(sender, 9)
    pdf.ln(10)
    recipient = [employer.name] if employer else []
    if employer and employer.department:
        recipient.append(employer.department)
    if employer and employer.address:
        recipient += [f"{employer.address.street} {employer.address.house_number}",
                      f"{employer.address.postcode} {employer.address.city}"]
    pdf.lines(recipient, 10)
    pdf.ln(10)
    place = address.city if address else ""
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 5, f"{place}, {format_date(today, lang)}".lstrip(", "), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.lines([text("forms.letter.subject", lang)], 11, "B")
    if employer and employer.personnel_number:
        pdf.lines([text("forms.letter.personnel_number", lang, number=employer.personnel_number)], 10)
    pdf.ln(5)
    pdf.para(text("forms.letter.salutation", lang))


def _child_words(case: Case, child: Child, lang: str) -> str:
    """"mein Kind Jürgen, geboren am …" — without a first name "mein Kind, geboren am …"; twins "meine Kinder
    Mia und Emil, geboren am …" (the Elternzeit is each child's, § 15 Abs. 2 BEEG: one notice names them all)."""
    born_with = case.household.birth_of(child)
    if len(born_with) > 1:
        names = [c.personal.first_name for c in born_with if c.personal and c.personal.first_name]
        date_text = format_date(child.birth_date, lang)
        if child.expected:
            return text("forms.letter.children_expected", lang, count=len(born_with), date=date_text)
        if len(names) == len(born_with):
            joined = text("forms.letter.and", lang).join([", ".join(names[:-1]), names[-1]])
            return text("forms.letter.children_born", lang, names=joined, date=date_text)
        return text("forms.letter.children_born_unnamed", lang, count=len(born_with), date=date_text)
    first = child.personal.first_name if child.personal and child.personal.first_name else None
    if child.expected:
        return text("forms.letter.child_expected", lang, date=format_date(child.birth_date, lang))
    key = "forms.letter.child_born" if first else "forms.letter.child_born_unnamed"
    if child.placement is not None:  # the Elternzeit counts from the day of taking in (§ 15 Abs. 2 Satz 5 BEEG)
        key = "forms.letter.child_taken_in" if first else "forms.letter.child_taken_in_unnamed"
        return text(key, lang, name=first or "", date=format_date(child.birth_date, lang),
                    taken_in=format_date(child.placement.date, lang))
    return text(key, lang, name=first or "", date=format_date(child.birth_date, lang))


def _periods(pdf: _Letter, periods: list[Period], lang: str) -> None:
    """The requested periods; a part-time one with the request to reduce the working time (§ 15 Abs. 5–7 BEEG)."""
    for number, period in enumerate(periods, 1):
        pdf.set_x(pdf.l_margin + 6)
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(0, 6, text("forms.letter.period", lang, number=number, start=format_date(period.start, lang),
                            end=format_date(period.end, lang)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if period.hours_per_week is not None:
            pdf.set_font("DejaVu", "", 9)
            pdf.set_x(pdf.l_margin + 10)
            pdf.multi_cell(0, 4.6, text("forms.letter.part_time", lang, hours=format_decimal(period.hours_per_week, lang)),
                           align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def elternzeit_letter(case: Case, parent_id: str, today: date, language: str = "de") -> tuple[bytes, list[str]]:
    """The letter of ``today`` as PDF bytes and the notes for the advisor (deadlines, periods not requested)."""
    parent = case.parent(parent_id)
    personal = parent.personal
    child = letter_child(case, parent_id)
    lang = language
    name = f"{parent.name or ''} {personal.surname if personal else ''}".strip()
    pdf = _Letter(name + "".join(c.personal.first_name or "" for c in case.household.children if c.personal))
    pdf.add_page()
    _head(pdf, case, parent_id, name, today, lang)
    pdf.para(text("forms.letter.request", lang, child=_child_words(case, child, lang)))
    periods = requested_periods(case, parent_id, today)
    _periods(pdf, periods, lang)
    pdf.ln(3)
    binding = binding_end(case, parent_id, today)
    if binding is not None:
        pdf.para(text("forms.letter.binding", lang, end=format_date(binding, lang)))
        if (parent.maternity_benefit and child.placement is None and periods
                and periods[0].start == mutterschutz_ende(case, child) + timedelta(days=1)):
            pdf.para(text("forms.letter.maternity", lang))
    pdf.para(text("forms.letter.reserve_children" if case.household.birth_size(child) > 1 else "forms.letter.reserve", lang))
    pdf.para(text("forms.letter.confirm", lang))
    pdf.para(text("forms.letter.closing", lang))
    pdf.ln(14)
    pdf.set_draw_color(0, 0, 0)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 70, pdf.get_y())
    pdf.ln(1.5)
    pdf.lines([name], 9)
    if lang != "de":
        pdf.ln(6)
        pdf.para(text("forms.letter.reading_copy", lang), 8)
    return bytes(pdf.output()), letter_notes(case, parent_id, today, lang)


__all__ = ["Period", "binding_end", "elternzeit_from", "elternzeit_letter", "elternzeit_periods", "letter_child",
           "letter_missing",
           "letter_notes", "requested_periods"]

"""Drawing the handout's blocks with fpdf2: plans overview, chart, month table, next steps, other topics.

Used by :mod:`workbench.report.handout`, which reads the layout and calls these in its order. The
public names (:class:`HandoutSection`, :class:`HandoutPlan`, :func:`application_deadline`,
:func:`elternzeit_notice`) are re-exported by ``workbench.report``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, cast

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from workbench.clock import today as clock_today
from workbench.evaluation.elterngeld.aufnahme import plan_start
from workbench.evaluation.elterngeld.engine import mutterschutz_ende
from workbench.evaluation.elterngeld.optimize import BewerteterPlan
from workbench.i18n import format_date, format_money, text
from workbench.money import ZERO
from workbench.rules.elterngeld.lebensmonate import lebensmonat_end, lebensmonat_start
from workbench.rules.elterngeld.result import month_ranges
from workbench.report.sections import HandoutSection as HandoutSection  # re-exported: the handout and topics use it
from workbench.rules.elternzeit import anmeldefrist

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.report.handout import HandoutPdf

RETROACTIVE_MONTHS = 3          # § 7 Abs. 1 Satz 2 BEEG
EMPLOYED = ("employee", "minijob", "mixed")
COLOURS = ((31, 92, 153), (230, 140, 30), (90, 160, 90), (150, 60, 140))  # one per plan, table and chart
WIDTH = 180.0  # usable width of A4 with 15 mm margins


@dataclass(frozen=True)
class HandoutPlan:
    """A plan on the handout: its heading and the engine's amounts."""

    title: str
    plan: BewerteterPlan


def application_deadline(birth: date, first_month: int) -> date:
    """The last day an application may arrive so that Lebensmonat ``first_month`` is still paid.

    Only the last three Lebensmonate before the one in which the application arrives are paid
    retroactively, so it must arrive within Lebensmonat ``first_month + 3``.
    Rechtsgrundlage: § 7 Abs. 1 Satz 2 BEEG
    """
    return lebensmonat_end(birth, first_month + RETROACTIVE_MONTHS)


def whole_euros(amount: Decimal, lang: str) -> str:
    """An axis label without cents: ``2.000 €`` / ``€2,000`` (only the decimal part is dropped)."""
    cents = ",00" if lang == "de" else ".00"
    return format_money(amount, lang).replace(cents + " €", " €") if lang == "de" else \
        format_money(amount, lang).removesuffix(cents)


def elternzeit_notice(start: date, birth: date) -> date:
    """The last day to give the employer written notice of Elternzeit starting on ``start``.

    Rechtsgrundlage: § 16 Abs. 1 Satz 1 BEEG (see :func:`workbench.rules.elternzeit.anmeldefrist`)
    """
    return anmeldefrist(start, birth)


def parent_name(case: "Case", pid: str) -> str:
    """The parent's first name, or "Elternteil A" where the case has none."""
    name = case.parent(pid).name
    return name if name else text("report.parent_unnamed", case.language, id=pid)


def child_words(case: "Case", lang: str) -> str:
    """The planned child in words: "Kind geboren am 10.03.2026", "errechneter Geburtstermin 15.06.2026",
    "2 Kinder geboren am …" (an expected child has no birthday yet, § 3 MuSchG counts from the due date)."""
    child = case.plan_child()
    count = case.household.birth_size(child)
    key = ("report.child_expected" if child.expected else "report.child_born") if count == 1 else \
        ("report.children_expected" if child.expected else "report.children_born")
    return text(key, lang, birth=format_date(child.birth_date, lang), count=count)


def _describe(case: "Case", plan: BewerteterPlan, pid: str) -> str:
    """One parent's months in words: ``Eva: Basiselterngeld in Lebensmonat 1–10, …``."""
    lang = case.language
    by_kind: dict[str, list[int]] = {}
    for m in plan.result.parents[pid].months:  # Mutterschutz months pay Mutterschaftsgeld, not 0 € Elterngeld
        by_kind.setdefault("maternity" if m.maternity else m.kind, []).append(m.month)
    parts = [text("report.kind_in_months", lang, months=month_ranges(months),
                  kind=text("report.maternity_kind" if kind == "maternity" else f"art.{kind}", lang))
             for kind, months in by_kind.items()]
    return text("report.plan_months", lang, parent=parent_name(case, pid),
                parts=", ".join(parts) or text("report.no_months", lang))


def draw_section(pdf: HandoutPdf, section: HandoutSection) -> None:
    """One topic section (heading, paragraphs, a table): the handout's topic pages and the care PDFs."""
    pdf.heading(section.heading)
    for body in section.paragraphs:
        pdf.para(body)
    if not section.rows:
        return
    columns = max(len(row) for row in section.rows)
    first = WIDTH * {2: 0.6, 3: 0.4}.get(columns, 0.3) if columns > 1 else WIDTH
    other = (WIDTH - first) / max(columns - 1, 1)
    widths = [first] + [other] * (columns - 1)
    for index, row in enumerate(section.rows):
        # every cell wraps (a family cannot read "steuerfreie Leistu…"): the row is as high as its longest cell
        pdf.set_font("DejaVu", "B" if index == 0 else "", 8.5)
        cells = [row[col] if col < len(row) else "" for col in range(columns)]
        lines = [len(cast(list[str], pdf.multi_cell(widths[col] - 1, 4.2, cell, dry_run=True, output="LINES"))) or 1
                 for col, cell in enumerate(cells)]
        height = 4.2 * max(lines) + 0.8
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
        x, y = pdf.l_margin, pdf.get_y()
        for col, cell in enumerate(cells):
            pdf.set_xy(x, y + 0.4)
            pdf.multi_cell(widths[col] - 1, 4.2, cell, align="L" if col == 0 else "R",
                           new_x=XPos.RIGHT, new_y=YPos.TOP)
            x += widths[col]
        if index == 0:
            pdf.line(pdf.l_margin, y + height, pdf.l_margin + WIDTH, y + height)
        pdf.set_xy(pdf.l_margin, y + height)
    pdf.set_font("DejaVu", "", 9)


def _fit(pdf: FPDF, label: str, width: float) -> str:
    """``label`` shortened with an ellipsis until it fits ``width`` mm in the current font."""
    if pdf.get_string_width(label) <= width:
        return label
    while label and pdf.get_string_width(label + "…") > width:
        label = label[:-1]
    return label.rstrip() + "…"


def draw_overview(pdf: HandoutPdf, case: "Case", plans: list[HandoutPlan], pids: list[str],
                  heading: str = "report.plans_heading") -> None:
    """The plans side by side: per parent and in total, what each plan pays."""
    lang = case.language
    pdf.heading(text(heading, lang))
    name_w = WIDTH - 30 * (len(pids) + 1)
    pdf.set_font("DejaVu", "B", 8.5)
    pdf.cell(name_w, 6, text("report.col_plan", lang), border="B")
    for pid in pids:
        pdf.cell(30, 6, _fit(pdf, parent_name(case, pid), 29), border="B", align="R")
    pdf.cell(30, 6, text("report.col_total", lang), border="B", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for i, hp in enumerate(plans):
        pdf.set_fill_color(*COLOURS[i % len(COLOURS)])
        y = pdf.get_y()
        pdf.rect(pdf.l_margin, y + 1.6, 3, 3, style="F")
        pdf.set_x(pdf.l_margin + 4.5)
        pdf.set_font("DejaVu", "B", 9)
        pdf.cell(name_w - 4.5, 6, hp.title)
        pdf.set_font("DejaVu", "", 9)
        for pid in pids:
            pdf.cell(30, 6, format_money(hp.plan.result.parents[pid].total, lang), align="R")
        pdf.set_font("DejaVu", "B", 9)
        pdf.cell(30, 6, format_money(hp.plan.total, lang), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("DejaVu", "", 8)
        pdf.set_x(pdf.l_margin + 4.5)
        pdf.multi_cell(WIDTH - 4.5, 4, "\n".join(_describe(case, hp.plan, pid) for pid in pids),
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        if not hp.plan.result.valid:
            reasons = "; ".join(v.message(lang) for v in hp.plan.result.violations)
            pdf.set_x(pdf.l_margin + 4.5)
            pdf.set_text_color(170, 30, 30)
            pdf.multi_cell(WIDTH - 4.5, 4, text("report.invalid", lang, reasons=reasons),
                           new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
            pdf.set_text_color(0, 0, 0)
        pdf.ln(1)


def _monthly(plan: BewerteterPlan) -> dict[int, Decimal]:
    out: dict[int, Decimal] = {}
    for res in plan.result.parents.values():
        for m in res.months:
            out[m.month] = out.get(m.month, ZERO) + m.amount
    return out


def draw_chart(pdf: HandoutPdf, plans: list[HandoutPlan], heading: str = "report.chart_heading",
               axis: str = "report.chart_axis") -> None:
    """Grouped bars: per Lebensmonat one bar per plan, the height its Elterngeld of both parents."""
    series = [_monthly(hp.plan) for hp in plans]
    last = max((max(s, default=0) for s in series), default=0)
    highest = max((max(s.values(), default=ZERO) for s in series), default=ZERO)
    if last == 0 or highest <= 0:
        return
    top = (highest / 500).to_integral_value(rounding=ROUND_CEILING) * 500  # axis up to a round amount
    lang = pdf.language
    pdf.heading(text(heading, lang))
    height, axis_w = 38.0, 20.0
    x0, y0 = pdf.l_margin + axis_w, pdf.get_y() + 2
    slot = (WIDTH - axis_w) / last
    bar = min(slot * 0.8 / len(series), 4.0)
    pdf.set_draw_color(150, 150, 150)
    pdf.set_font("DejaVu", "", 6.5)
    for fraction in (Decimal(0), Decimal("0.5"), Decimal(1)):
        y = y0 + height - float(fraction) * height
        pdf.line(x0, y, x0 + WIDTH - axis_w, y)
        pdf.set_xy(pdf.l_margin, y - 2)
        pdf.cell(axis_w - 1.5, 4, whole_euros(top * fraction, lang), align="R")
    for i, s in enumerate(series):
        pdf.set_fill_color(*COLOURS[i % len(COLOURS)])
        for month, amount in s.items():
            h = float(amount / top) * height
            x = x0 + (month - 1) * slot + (slot - bar * len(series)) / 2 + i * bar
            if h > 0:
                pdf.rect(x, y0 + height - h, bar, h, style="F")
    for month in range(1, last + 1):
        pdf.set_xy(x0 + (month - 1) * slot, y0 + height + 0.5)
        pdf.cell(slot, 3.5, str(month), align="C")
    pdf.set_draw_color(0, 0, 0)
    pdf.set_xy(pdf.l_margin, y0 + height + 4.5)
    pdf.set_font("DejaVu", "", 7)
    pdf.cell(0, 4, text(axis, lang), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def draw_month_table(pdf: HandoutPdf, case: "Case", hp: HandoutPlan, pids: list[str],
                     heading: str = "report.table_heading", footnote: str = "report.lm_explained") -> None:
    """The chosen plan month by month: per Lebensmonat each parent's kind and amount."""
    lang = case.language
    rows = {pid: {m.month: m for m in hp.plan.result.parents[pid].months} for pid in pids}
    last = max((max(r, default=0) for r in rows.values()), default=0)
    if last == 0:
        return
    pdf.heading(text(heading, lang, plan=hp.title))
    birth = plan_start(case)  # an adopted child's Lebensmonate count from its taking in (ADR 0032)
    lm_w, dates_w = 12.0, 44.0
    kind_w = (WIDTH - lm_w - dates_w) / len(pids) - 26
    row_h = 4.6
    pdf.set_font("DejaVu", "B", 8)
    pdf.cell(lm_w, row_h + 0.6, text("report.col_month", lang), border="B")
    pdf.cell(dates_w, row_h + 0.6, text("report.col_dates", lang), border="B")
    for pid in pids:
        pdf.cell(kind_w + 26, row_h + 0.6, _fit(pdf, parent_name(case, pid), kind_w + 25), border="B", align="C")
    pdf.ln(row_h + 0.6)
    for month in range(1, last + 1):
        pdf.set_font("DejaVu", "", 8)
        if pdf.get_y() + row_h > pdf.h - pdf.b_margin:
            pdf.add_page()  # the row's stripe goes with the row (an empty stripe stood at the foot of page 1)
        if month % 2 == 0:
            pdf.set_fill_color(240, 243, 247)
            pdf.rect(pdf.l_margin, pdf.get_y(), WIDTH, row_h, style="F")
        pdf.cell(lm_w, row_h, str(month))
        span = f"{format_date(lebensmonat_start(birth, month), lang)} – {format_date(lebensmonat_end(birth, month), lang)}"
        pdf.cell(dates_w, row_h, span)
        for pid in pids:
            m = rows[pid].get(month)
            if m is not None and m.maternity:  # § 3 Abs. 1 BEEG: Mutterschaftsgeld instead of Elterngeld, never "0,00 €"
                pdf.cell(kind_w, row_h, text("report.maternity_kind", lang), align="C")
                pdf.cell(26, row_h, text("report.maternity_amount", lang), align="R")
                continue
            kind = text(f"art.{m.kind}", lang) if m is not None else "–"
            pdf.cell(kind_w, row_h, kind, align="C")
            pdf.cell(26, row_h, format_money(m.amount, lang) if m is not None else "", align="R")
        pdf.ln(row_h)
    pdf.set_font("DejaVu", "B", 8)
    pdf.cell(lm_w + dates_w, row_h + 0.6, text("report.sum", lang), border="T")
    for pid in pids:
        pdf.cell(kind_w, row_h + 0.6, "", border="T")
        pdf.cell(26, row_h + 0.6, format_money(hp.plan.result.parents[pid].total, lang), border="T", align="R")
    pdf.ln(row_h + 0.6)
    pdf.set_font("DejaVu", "", 7)
    notes = [text(footnote, lang)]
    for pid in pids:
        maternity = [m.month for m in rows[pid].values() if m.maternity]
        if maternity:
            notes.append(text("report.maternity_note", lang, parent=parent_name(case, pid), months=month_ranges(maternity)))
    pdf.multi_cell(0, 3.6, "\n".join(notes), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


@dataclass(frozen=True)
class NextSteps:
    """What the family does next, as data both handouts print: per parent the application deadline
    (§ 7 Abs. 1 BEEG) and the Elternzeit notice (§ 16 Abs. 1 BEEG), and the documents (catalog keys)."""

    applications: tuple[tuple[str, date, int], ...]      # (parent id, last day, first Lebensmonat)
    elternzeit: tuple[tuple[str, date, date], ...]       # (parent id, start, last day for the notice)
    documents: tuple[str, ...]


def next_steps(case: "Case", hp: HandoutPlan | None, pids: list[str]) -> NextSteps:
    """The next steps of the plan ``hp`` (none without a plan but the documents)."""
    birth = plan_start(case)  # an adopted child's Lebensmonate count from its taking in (ADR 0032)
    applications: list[tuple[str, date, int]] = []
    leaves: list[tuple[str, date, date]] = []
    if hp is not None:
        for pid in pids:
            months = hp.plan.result.parents[pid].months
            if months:
                first = min(m.month for m in months)
                applications.append((pid, application_deadline(birth, first), first))
        for pid in pids:
            parent = case.parent(pid)
            leave = [m for m in hp.plan.result.parents[pid].months if not m.maternity]
            if parent.income_before_birth.kind not in EMPLOYED or not leave:
                continue
            start = min(leave, key=lambda m: m.month).start
            if parent.maternity_benefit:
                # The mother's Elternzeit can follow the Mutterschutz directly (the protection period
                # counts towards it, § 16 Abs. 1 Satz 2 BEEG): the earlier start sets the deadline.
                start = min(start, mutterschutz_ende(case) + timedelta(days=1))
            leaves.append((pid, start, elternzeit_notice(start, birth)))
    parents = case.household.parents
    # the Standesamt issues one Geburtsbescheinigung für das Elterngeld per child: twins bring two
    many = bool(case.household.children) and case.household.birth_size(case.plan_child()) > 1
    birth_paper = "report.doc_birth_many" if many else "report.doc_birth"
    documents = [birth_paper, "report.doc_ids" if len(parents) > 1 else "report.doc_ids_one"]
    if any(p.income_before_birth.kind in EMPLOYED for p in parents):
        documents.append("report.doc_pay")
    if any(p.income_before_birth.kind in ("self_employed", "mixed") for p in parents):
        documents.append("report.doc_profit")
    if any(p.maternity_benefit for p in parents):
        documents.append("report.doc_maternity")
    if hp is not None and any(m.income_gross for r in hp.plan.result.parents.values() for m in r.months):
        documents.append("report.doc_parttime")
    return NextSteps(tuple(applications), tuple(leaves), tuple(documents))


def draw_next_steps(pdf: HandoutPdf, case: "Case", hp: HandoutPlan | None, pids: list[str],
                    heading: str = "report.steps_heading") -> None:
    """The next steps with their dates (§ 7 Abs. 1 BEEG application, § 16 Abs. 1 BEEG Elternzeit notice)."""
    lang = case.language
    pdf.heading(text(heading, lang))
    todo = next_steps(case, hp, pids)
    today = clock_today()  # a date already past says what to do now, not only when it was
    steps = [text("report.step_apply", lang, parent=parent_name(case, pid), deadline=format_date(deadline, lang),
                  first=first) + (" " + text("report.step_apply_past", lang) if deadline < today else "")
             for pid, deadline, first in todo.applications]
    steps += [text("report.step_elternzeit", lang, parent=parent_name(case, pid), start=format_date(start, lang),
                   notice=format_date(notice, lang))
              + (" " + text("report.step_elternzeit_past", lang) if notice < today and start > today else "")
              for pid, start, notice in todo.elternzeit]
    for number, step in enumerate(steps, 1):
        pdf.para(f"{number}. {step}")
        pdf.ln(0.8)
    pdf.para(f"{len(steps) + 1}. {text('report.step_documents', lang)}")
    for key in todo.documents:
        pdf.set_x(pdf.l_margin + 5)
        pdf.multi_cell(WIDTH - 5, 4.4, "• " + text(key, lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

"""The family's handout in Leichte Sprache: ``handout_pdf(case, "de-LS")`` (ADR 0035).

Written after the rules of the Netzwerk Leichte Sprache: one statement per sentence and each sentence
on its own line, short sentences, the hard words explained at the end, no abbreviations and no § (the
advisor's handout has them), numbers as digits, dates written out ("10. März 2026"), money in
"Euro", long words split by a hyphen ("Eltern-Geld"), large type (14 pt), left-aligned with space
between the blocks.

It says the same as the German handout's plan part: the family's chosen plan as periods with dates and
amounts per parent, the Mutterschutz months, what to do by which day (the Elterngeld application,
§ 7 Abs. 1 BEEG; the Elternzeit notice, § 16 Abs. 1 BEEG), the papers to bring, who decides. The
dates come from :func:`workbench.report.blocks.next_steps`, the plans from
:func:`workbench.report.handout.handout_plans`: the report computes nothing itself (ADR 0023). Every
text is a catalog key ``easy.*`` (``workbench/messages/register.yaml``); the English texts say the
same in plain English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from babel import dates as babel_dates
from fpdf.enums import XPos, YPos

from workbench.clock import today as clock_today
from workbench.evaluation.elterngeld.engine import mutterschutz_ende
from workbench.i18n import format_decimal, locale_of, text
from workbench.report.blocks import HandoutPlan, HandoutSection, next_steps, parent_name

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.report.leichte_sprache_themen import EasyBlock
    from workbench.report.handout import HandoutPdf

BODY_PT = 13.0
HEADING_PT = 17.0
LINE_MM = 6.6
DOCUMENT_KEYS = {"report.doc_birth": "easy.doc.birth", "report.doc_birth_many": "easy.doc.birth_many", "report.doc_ids": "easy.doc.ids", "report.doc_ids_one": "easy.doc.ids",
                 "report.doc_pay": "easy.doc.pay",
                 "report.doc_profit": "easy.doc.profit", "report.doc_maternity": "easy.doc.maternity",
                 "report.doc_parttime": "easy.doc.parttime"}
WORDS = ("basis", "plus", "bonus", "lebensmonat", "mutterschutz", "elternzeit", "kindergeld", "kinderzuschlag",
         "unterhaltsvorschuss", "wohngeld", "bildung_teilhabe", "buergerbuero", "steuer_id", "familienkasse",
         "aufenthaltstitel", "kita_portal", "jugendamt", "beitrag", "pflegegrad", "pflegekasse", "darlehen", "betreuer",
         "vorsorgeregister", "notar", "bescheid")
LONG_DATES = {"de": "d. MMMM y", "en": "d MMMM y"}


def long_date(day: date, lang: str) -> str:
    """``10. März 2026`` / ``10 March 2026``: written out, no abbreviated month."""
    return babel_dates.format_date(day, LONG_DATES.get(lang, LONG_DATES["de"]), locale=locale_of(lang))


def euros(amount: Decimal, lang: str) -> str:
    """``1.648,05`` (the word "Euro" follows in the sentence)."""
    return format_decimal(amount.quantize(Decimal("0.01")), lang)


@dataclass(frozen=True)
class Abschnitt:
    """A run of Lebensmonate of one parent with the same kind and amount (or the Mutterschutz)."""

    start: date
    end: date
    kind: str          # basis | plus | bonus | maternity | partial (the days after the Mutterschutz)
    amount: Decimal


def abschnitte(case: "Case", hp: HandoutPlan, pid: str) -> list[Abschnitt]:
    """One parent's months as runs: consecutive Lebensmonate with the same kind and amount form one.

    When the Mutterschutz ends within a Lebensmonat, the days after it are a run of their own with the
    Elterngeld for those days (``partial``, § 3 Abs. 1 Satz 2 BEEG, from the household model).
    """
    partly = {g.month: g.teilmonat for g in hp.plan.haushalt.per_parent.get(pid, []) if g.teilmonat > 0}
    out: list[Abschnitt] = []
    last_month = 0
    protection_end = None
    for m in sorted(hp.plan.result.parents[pid].months, key=lambda m: m.month):
        kind = "maternity" if m.maternity else m.kind
        if kind == "maternity" and protection_end is None:
            protection_end = mutterschutz_ende(case)
        end = min(m.end, protection_end) if kind == "maternity" and protection_end else m.end
        previous = out[-1] if out else None
        if previous is not None and m.month == last_month + 1 and previous.kind == kind and kind != "partial" and \
                (kind == "maternity" or previous.amount == m.amount):
            out[-1] = Abschnitt(previous.start, end, kind, previous.amount)
        else:
            out.append(Abschnitt(m.start, end, kind, m.amount))
        last_month = m.month
        if kind == "maternity" and protection_end is not None and protection_end < m.end and m.month in partly:
            out.append(Abschnitt(protection_end + timedelta(days=1), m.end, "partial", partly[m.month]))
    return out


def parent_total(hp: HandoutPlan, pid: str) -> Decimal:
    """The parent's Elterngeld with the days after the Mutterschutz (the household model's sum)."""
    months = hp.plan.haushalt.per_parent.get(pid)
    return sum((g.elterngeld for g in months), Decimal(0)) if months else hp.plan.result.parents[pid].total


def _lines(pdf: "HandoutPdf", body: str, indent: float = 0.0, bold_first: bool = False) -> None:
    """Each sentence of ``body`` (one per line in the catalog) on its own line."""
    for index, line in enumerate(body.split("\n")):
        pdf.set_font("DejaVu", "B" if bold_first and index == 0 else "", BODY_PT)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(pdf.w - pdf.l_margin - pdf.r_margin - indent, LINE_MM, line,
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


def _heading(pdf: "HandoutPdf", label: str, keep_mm: float = 40) -> None:
    if pdf.get_y() > pdf.h - pdf.b_margin - keep_mm:
        pdf.add_page()  # a heading never stands alone at the foot of a page
    pdf.ln(5)
    pdf.set_font("DejaVu", "B", HEADING_PT)
    pdf.multi_cell(0, 8.5, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.ln(1.5)


def _who(case: "Case", lang: str) -> str:
    names = [parent_name(case, p.id) for p in case.household.parents]
    return f" {text('easy.and', lang)} ".join(names)


def _child(case: "Case", lang: str) -> str:
    child = case.plan_child()
    count = case.household.birth_size(child)
    key = ("easy.expected_one" if child.expected else "easy.born_one") if count == 1 else \
        ("easy.expected_many" if child.expected else "easy.born_many")
    return text(key, lang, date=long_date(child.birth_date, lang), count=count)


def _money(pdf: "HandoutPdf", case: "Case", hp: HandoutPlan, lang: str) -> None:
    _heading(pdf, text("easy.money_heading", lang))
    for p in case.household.parents:
        name = parent_name(case, p.id)
        pdf.set_font("DejaVu", "B", BODY_PT + 1)
        pdf.cell(0, LINE_MM + 1, name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        runs = abschnitte(case, hp, p.id)
        if not runs:
            _lines(pdf, text("easy.parent_none", lang, name=name), indent=4)
        for run in runs:
            start, end = long_date(run.start, lang), long_date(run.end, lang)
            if run.kind == "maternity":
                _lines(pdf, text("easy.run_maternity", lang, start=start, end=end, name=name), indent=4)
            elif run.kind == "partial":
                _lines(pdf, text("easy.run_partial", lang, start=start, end=end, name=name,
                                 amount=euros(run.amount, lang)), indent=4)
            else:
                _lines(pdf, text("easy.run_kind", lang, start=start, end=end, name=name,
                                 kind=text(f"easy.kind.{run.kind}", lang)), indent=4)
                _lines(pdf, text("easy.run_amount", lang, amount=euros(run.amount, lang)), indent=4)
            pdf.ln(1.5)
        if runs and any(r.kind != "maternity" for r in runs):
            _lines(pdf, text("easy.parent_total", lang, name=name, amount=euros(parent_total(hp, p.id), lang)), indent=4)
        pdf.ln(2.5)
    family = sum((parent_total(hp, p.id) for p in case.household.parents), Decimal(0))
    _lines(pdf, text("easy.family_total", lang, amount=euros(family, lang)), bold_first=True)
    pdf.ln(2)
    _lines(pdf, text("easy.estimate", lang))


def _todo(pdf: "HandoutPdf", case: "Case", hp: HandoutPlan | None, lang: str) -> None:
    _heading(pdf, text("easy.todo_heading", lang), keep_mm=75)  # with its first step
    pids = [p.id for p in case.household.parents]
    todo = next_steps(case, hp, pids)
    today = clock_today()
    blocks: list[str] = []
    for pid, deadline, _first in todo.applications:
        body = text("easy.apply", lang, name=parent_name(case, pid), date=long_date(deadline, lang))
        blocks.append(body + ("\n" + text("easy.past", lang) if deadline < today else ""))
    for pid, start, notice in todo.elternzeit:
        body = text("easy.leave", lang, name=parent_name(case, pid), start=long_date(start, lang),
                    date=long_date(notice, lang))
        blocks.append(body + ("\n" + text("easy.past", lang) if notice < today else ""))
    papers = text("easy.documents", lang)
    for key in todo.documents:  # one paper a line
        papers += "".join("\n• " + line for line in text(DOCUMENT_KEYS[key], lang).split("\n"))
    blocks.append(papers)
    for number, body in enumerate(blocks, 1):
        if pdf.get_y() > pdf.h - pdf.b_margin - 45:
            pdf.add_page()  # a step stays on one page
        pdf.set_font("DejaVu", "B", BODY_PT + 1)
        pdf.cell(0, LINE_MM + 1, text("easy.step", lang, n=number), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        _lines(pdf, body, indent=4)
        pdf.ln(3)


def used_words(case: "Case", hp: HandoutPlan | None, topics: Sequence[str] = ()) -> list[str]:
    """The hard words this sheet uses, in the order of :data:`WORDS` (a word not on the sheet is not explained);
    ``topics``: the words the topic blocks use (:class:`~workbench.report.leichte_sprache_themen.EasyBlock`)."""
    kinds = {("maternity" if m.maternity else m.kind) for r in (hp.plan.result.parents.values() if hp else ())
             for m in r.months}
    leave = bool(hp) and bool(next_steps(case, hp, [p.id for p in case.household.parents]).elternzeit)
    wanted = {"basis": "basis" in kinds, "plus": "plus" in kinds or "bonus" in kinds, "bonus": "bonus" in kinds,
              "lebensmonat": hp is not None, "mutterschutz": "maternity" in kinds, "elternzeit": leave,
              "bescheid": hp is not None}
    return [word for word in WORDS if wanted.get(word) or word in topics]


def _words(pdf: "HandoutPdf", case: "Case", hp: HandoutPlan | None, lang: str, topics: Sequence[str] = ()) -> None:
    _heading(pdf, text("easy.words_heading", lang))
    for word in used_words(case, hp, topics):
        if pdf.get_y() > pdf.h - pdf.b_margin - 25:
            pdf.add_page()
        pdf.set_font("DejaVu", "B", BODY_PT)
        pdf.cell(0, LINE_MM, text(f"easy.word.{word}", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        _lines(pdf, text(f"easy.word.{word}_text", lang), indent=4)
        pdf.ln(2)


def _topic(pdf: "HandoutPdf", block: "EasyBlock") -> None:
    """A topic in Leichte Sprache: its heading, then each paragraph kept on one page (a first line ending in
    a colon is the paragraph's title: bold)."""
    _heading(pdf, block.heading, keep_mm=60)
    for body in block.paragraphs:
        if pdf.get_y() > pdf.h - pdf.b_margin - 30:
            pdf.add_page()
        _lines(pdf, body, bold_first=body.split("\n", 1)[0].endswith(":"))  # a paragraph's own title
        pdf.ln(3)


def leichte_sprache_pdf(case: "Case", plans: Sequence[HandoutPlan], sections: Sequence[HandoutSection] = (),
                        language: str = "de") -> bytes:
    """The handout in Leichte Sprache (German; ``language="en"`` gives the same in plain English).

    ``plans``: the family's chosen plan first (the others are not shown: one plan, one set of dates).
    ``sections``: the other topics' sections of the German handout (not printed here: every topic the case
    holds is written on this sheet in Leichte Sprache, :func:`~workbench.report.leichte_sprache_themen.topic_blocks`:
    Neu in Bochum, the Leistungscheck, Mutterschutz, Elternzeit, Kita, Pflege and Vorsorge). Without an
    Elterngeld plan the sheet is about those topics alone.
    """
    from workbench.report.handout import HandoutPdf, layout
    from workbench.report.leichte_sprache_themen import topic_blocks

    lang = "en" if language == "en" else "de"
    case = case.model_copy(update={"language": lang})
    pdf = HandoutPdf(lang, layout())
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    chosen = plans[0] if plans else None
    blocks = topic_blocks(case, lang, with_plan=chosen is not None)
    title = text("easy.title" if chosen is not None or not blocks else "easy.title_topics", lang)
    pdf.set_title(title)
    pdf.set_creator("Familienbüro workbench")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 21)
    pdf.multi_cell(0, 10, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.set_font("DejaVu", "", BODY_PT)
    pdf.cell(0, LINE_MM, text("easy.subtitle", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    # the child's birth belongs to the Elterngeld plan; a sheet of other topics names it only for one child
    child = [_child(case, lang)] if chosen is not None or len(case.household.children) == 1 else []
    _lines(pdf, "\n".join((text("easy.for", lang, names=_who(case, lang)), *child,
                           text("easy.made", lang, date=long_date(clock_today(), lang)))))
    if chosen is not None or not blocks:
        _heading(pdf, text("easy.what_heading", lang))
        _lines(pdf, text("easy.what", lang))
        if chosen is None:
            pdf.ln(3)
            _lines(pdf, text("easy.no_plan", lang))
        else:
            _money(pdf, case, chosen, lang)
        _todo(pdf, case, chosen, lang)
    for block in blocks:
        _topic(pdf, block)
    _words(pdf, case, chosen, lang, [w for b in blocks for w in b.words])
    if chosen is not None or not blocks:
        _heading(pdf, text("easy.decides_heading", lang))
        _lines(pdf, text("easy.decides", lang))
    _heading(pdf, text("easy.contact_heading", lang))
    _lines(pdf, text("easy.contact", lang))
    pdf.ln(1)
    _lines(pdf, text("report.contact", lang))
    return pdf.finish()


__all__ = ["Abschnitt", "abschnitte", "euros", "leichte_sprache_pdf", "long_date", "parent_total", "used_words"]

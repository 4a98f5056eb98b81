"""The handout for the family: a one- or two-page PDF of their Elterngeld plan, in German or English.

``handout_pdf(case)`` shows the case's own plan, the advisor's own plans (``elterngeld_alternatives``),
the optimizer's best plan and one ready-made variant (four at most; ``plans=`` gives other ones, e.g.
those of the comparison page): totals per parent, a bar chart of the monthly Elterngeld, the chosen
plan month by month,
the next steps with their dates (application deadline, § 7 Abs. 1 BEEG; Elternzeit notice,
§ 16 Abs. 1 BEEG; documents), the office's contact and the note that the Elterngeldstelle decides.
Every text comes from ``workbench/messages/report.yaml``; the order of the blocks, their catalog keys
and the page's numbers come from the layout ``workbench/templates/reports/handout.yaml`` (ADR 0006). The PDF
is drawn with fpdf2 in DejaVu Sans (fonts-dejavu-core), so umlauts, quotes and the euro sign print
as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from fpdf.enums import XPos, YPos

from workbench.clock import today as clock_today
from workbench.errors import WorkbenchError
from workbench.i18n import catalog, format_date, text
from workbench.parameter_tracking import provisional_note, tracking
from workbench.report.blocks import (
    COLOURS, EMPLOYED, RETROACTIVE_MONTHS, WIDTH, HandoutPlan, HandoutSection, application_deadline, child_words, draw_chart,
    draw_month_table, draw_next_steps, draw_overview, draw_section, elternzeit_notice, parent_name, whole_euros,
)
from workbench.report.haushalt import chosen_paragraphs
from workbench.report.register import handout_language, without_citations
from workbench.evaluation.elterngeld.optimize import BewerteterPlan, evaluate, optimize
from workbench.evaluation.vergleich import comparison_objective
from workbench.report.pdf import WorkbenchPdf
from workbench.resources import resource_path, safe_yaml

if TYPE_CHECKING:
    from workbench.case import Case

TEMPLATE = resource_path("templates", "reports", "handout.yaml")


def family_plan_title(key: str, name: str, language: str) -> str:
    """A plan of the comparison page (its choice ``key`` and page ``name``) as the family's sheet names it.

    The page's "Plan im Fall" is the advisor's word for the plan saved in the case: the family reads "Ihr Plan",
    an own plan "Ihr Plan „…“" (as :func:`handout_plans` names them), and the best split and the ready variants
    in the handout's ``language`` even when the page speaks the other (walk9 N3).
    """
    source, _, rest = key.partition(":")
    if source == "case":
        return text("report.plan_family", language)
    if source == "own":
        return text("report.plan_own", language, name=rest)
    if source == "variant":
        return text(f"variante.{rest}", language)
    if source == "best" and rest.isdigit():
        alone = name in {text("vgl.plan_best_one", other) for other in ("de", "en")}
        return text("vgl.plan_best_one", language) if alone else text("vgl.plan_best", language, rank=int(rest))
    return name


def handout_plans(case: "Case") -> list[HandoutPlan]:
    """The family's plan, their own plans, the optimizer's best and one ready variant (each once, four at most)."""
    from workbench.evaluation.elterngeld.variants import ready_variants

    lang = case.language
    out: list[HandoutPlan] = []
    seen: list[dict[str, str]] = []

    def add(title: str, plan: BewerteterPlan) -> None:
        from workbench.evaluation.steuer.aus_haushalt import mit_steuer

        months = {pid: codes.rstrip("-") for pid, codes in plan.months.items() if codes.rstrip("-")}
        if months not in seen:
            seen.append(months)
            out.append(HandoutPlan(title, mit_steuer(case, plan)))

    own = case.elterngeld_plan
    if own is not None and any(own.months.values()):
        add(text("report.plan_family", lang), evaluate(case, dict(own.months)))
    for alternative in case.elterngeld_alternatives:
        if len(out) < layout().max_plans - 1:
            add(text("report.plan_own", lang, name=alternative.name), evaluate(case, dict(alternative.months)))
    try:
        objective = comparison_objective(case)
        key = {"household_income": "report.plan_best_household",
               "household_after_tax": "report.plan_best_after_tax"}.get(objective, "report.plan_best")
        add(text(key, lang), optimize(case, objective, top=1).plans[0])
    except WorkbenchError:
        pass  # constraints without a legal plan: the handout shows the others
    try:
        variants = ready_variants(case)
    except WorkbenchError:
        variants = []
    for v in variants:
        if v.plan is not None and not v.breaks_constraints and len(out) < min(3, layout().max_plans):
            before = len(out)
            add(text("report.plan_variant", lang, name=v.name(lang)), v.plan)
            if len(out) > before:
                break
    return out


HEADING_KEEP_LINES = 3
"""Lines of body text a heading needs below it on its page, else it starts the next page."""


class HandoutPdf(WorkbenchPdf):
    def __init__(self, language: str, spec: Layout) -> None:
        super().__init__()
        self.language = language
        self.base_size = spec.font_size
        self.set_margins(spec.margin_mm, spec.margin_mm, spec.margin_mm)
        self.set_auto_page_break(True, margin=spec.margin_mm)

    def normalize_text(self, text: str) -> str:
        """Every text drawn on the family's sheet without the law's citations (ADR 0035, amended 2026-12-08).

        The handout and the topic sheets are the family's side of the desk: the same catalog texts the
        advisor's views print with "(§ 7 Abs. 1 BEEG)" read here without it (:func:`without_citations`);
        fpdf2 passes each cell's and paragraph's text through this method before it is laid out.
        """
        return super().normalize_text(without_citations(text))

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(110, 110, 110)
        self.cell(0, 4, text("report.page", self.language, page=self.page_no()), align="R")
        self.set_text_color(0, 0, 0)

    def heading(self, label: str) -> None:
        """A section heading kept with the first lines of its section (walk9: "Ihre Beratung" ended page 1
        alone, its contact line and "Wichtig: … kein Bescheid" stood on an otherwise empty page 2)."""
        if self.will_page_break(2 + 6 + HEADING_KEEP_LINES * 4.6):
            self.add_page()
        self.ln(2)
        self.set_font("DejaVu", "B", self.base_size + 2)
        # wrapped: a long heading ran off the page ("… Pflegegrad 3, Stand 07.12.202", walk9)
        self.multi_cell(0, 6, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.set_font("DejaVu", "", self.base_size)

    def para(self, body: str, height: float = 4.6, size: float | None = None) -> None:
        self.set_font("DejaVu", "", size or self.base_size)
        self.multi_cell(0, height, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


@dataclass(frozen=True)
class Layout:
    """The handout's layout read from ``workbench/templates/reports/handout.yaml``."""

    blocks: tuple[dict[str, Any], ...]
    margin_mm: float
    font_size: float
    max_plans: int


@lru_cache(maxsize=4)
def layout(path: Path = TEMPLATE) -> Layout:
    """The handout layout; an unknown block or a missing field raises WorkbenchError naming the file."""
    try:
        data = safe_yaml(path.read_text(encoding="utf-8"))
        page, blocks = data["page"], tuple(data["blocks"])
        unknown = [b.get("block") for b in blocks if b.get("block") not in _BLOCKS]
        if unknown:
            raise ValueError(" / ".join(text("report.template_blocks", lang, unknown=unknown, known=sorted(_BLOCKS))
                                        for lang in ("de", "en")))
        return Layout(blocks, float(page["margin_mm"]), float(page["font_size"]), int(page["max_plans"]))
    except (OSError, KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as exc:
        raise WorkbenchError(f"{path}: {exc}") from None


@dataclass
class _Context:
    """What the blocks draw from."""

    case: "Case"
    language: str
    plans: list[HandoutPlan]
    pids: list[str]
    sections: Sequence[HandoutSection]
    provisional: str | None = None  # "vorläufig: Werte für 2027 …" when the plans used latest known values

    @property
    def others_only(self) -> bool:
        """No Elterngeld plan but other topics' sections (a Leistungscheck): a handout of those alone."""
        return not self.plans and bool(self.sections)


def handout_pdf(case: "Case", language: str = "de", sections: Sequence[HandoutSection] = (),
                plans: Sequence[HandoutPlan] | None = None) -> bytes:
    """The handout of the case as PDF bytes (A4, one or two pages) in ``language``: ``de``, ``en`` or
    ``de-LS`` (Leichte Sprache, :mod:`workbench.report.leichte_sprache`, ADR 0035).

    ``sections`` are further blocks (other benefits, dates) printed after the plan, before the next steps.
    ``plans`` replaces the plans of :func:`handout_plans` (the first is the family's chosen plan);
    at most ``max_plans`` of the layout are printed.
    """
    lang, easy = handout_language(language)
    case = case.model_copy(update={"language": lang})
    case.plan_child()  # a clear message before the PDF opens its font files (a case may have no child)
    spec = layout()
    with tracking() as used:  # the Elterngeld of a birth after the newest PAP is provisional (ADR 0019)
        chosen = list(plans) if plans is not None else handout_plans(case)
        if plans is not None and chosen:
            evaluate(case, dict(chosen[0].plan.months))
    if easy:
        from workbench.report.leichte_sprache import leichte_sprache_pdf

        return leichte_sprache_pdf(case, chosen, sections, lang)
    ctx = _Context(case, lang, chosen[:spec.max_plans], [p.id for p in case.household.parents], sections,
                   provisional_note(used.provisional, lang))
    pdf = HandoutPdf(lang, spec)
    pdf.set_title(text("leistungen.handout.title" if ctx.others_only else "report.title", lang))
    pdf.set_creator("Familienbüro workbench")
    pdf.add_page()
    for block in spec.blocks:
        _BLOCKS[block["block"]](pdf, ctx, block)
    return pdf.finish()


def _block_title(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    pdf.set_font("DejaVu", "B", 15)
    key = "leistungen.handout.title" if ctx.others_only else block["text"]
    pdf.multi_cell(0, 8, text(key, ctx.language), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


def _block_family(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    lang = ctx.language
    names = f" {text('report.and', lang)} ".join(parent_name(ctx.case, pid) for pid in ctx.pids)
    # the family's sheet names no case id (ADR 0035): the advisor finds the case by the family's names
    pdf.para(text(block["text"], lang, names=names, child=child_words(ctx.case, lang),
                  today=format_date(clock_today(), lang)), size=pdf.base_size - 0.5)


def _block_chosen(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    """The family's chosen plan first, by name, in plain words (``report/haushalt.py``)."""
    if not ctx.plans:
        return
    pdf.heading(text(block["heading"], ctx.language, name=ctx.plans[0].title))
    names = {pid: parent_name(ctx.case, pid) for pid in ctx.pids}
    for paragraph in chosen_paragraphs(ctx.case, ctx.plans[0], names, ctx.language):
        pdf.para(paragraph, size=pdf.base_size - 0.5)


def _block_plans(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    if ctx.others_only:
        pdf.ln(2)
        return
    if not ctx.plans:
        pdf.ln(4)
        pdf.para(text("report.no_plan", ctx.language))
        return
    draw_overview(pdf, ctx.case, ctx.plans, ctx.pids, block["heading"])
    if ctx.provisional:
        pdf.para(ctx.provisional, size=pdf.base_size - 0.5)


def _block_chart(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    if ctx.plans:  # "beide Eltern zusammen" only where there are two
        heading = block["heading"] + "_one" if len(ctx.pids) == 1 and f"{block['heading']}_one" in catalog() else block["heading"]
        draw_chart(pdf, ctx.plans, heading, block["axis"])


def _block_month_table(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    if ctx.plans:
        draw_month_table(pdf, ctx.case, ctx.plans[0], ctx.pids, block["heading"], block["footnote"])


def _block_sections(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    for section in ctx.sections:
        draw_section(pdf, section)


def _block_next_steps(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    if ctx.others_only:
        return  # the Elterngeld steps belong to a plan
    if pdf.get_y() > pdf.h - pdf.b_margin - float(block.get("keep_together_mm", 70)):
        pdf.add_page()  # keep the next steps together on the second page
    draw_next_steps(pdf, ctx.case, ctx.plans[0] if ctx.plans else None, ctx.pids, block["heading"])


def _block_terms(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    """Each term in bold with its plain explanation (catalog ``<key>`` and ``<key>_text``)."""
    if ctx.others_only:
        return  # the Elterngeld terms belong to a plan
    lang = ctx.language
    pdf.heading(text(block["heading"], lang))
    for key in block.get("terms", []):
        pdf.set_font("DejaVu", "B", pdf.base_size)
        pdf.write(4.6, text(key, lang) + ": ")
        pdf.set_font("DejaVu", "", pdf.base_size)
        pdf.write(4.6, text(f"{key}_text", lang))
        pdf.ln(5.4)


def _block_contact(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    pdf.heading(text(block["heading"], ctx.language))
    pdf.para(text(block["text"], ctx.language))


def _block_decides(pdf: "HandoutPdf", ctx: _Context, block: dict[str, Any]) -> None:
    pdf.ln(1.5)
    pdf.set_font("DejaVu", "B", pdf.base_size)
    key = "leistungen.handout.decides" if ctx.others_only else block["text"]
    pdf.multi_cell(0, 4.6, text(key, ctx.language), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


_BLOCKS: dict[str, Callable[["HandoutPdf", _Context, dict[str, Any]], None]] = {
    "title": _block_title, "family": _block_family, "chosen": _block_chosen, "plans": _block_plans, "chart": _block_chart,
    "month_table": _block_month_table, "sections": _block_sections, "next_steps": _block_next_steps,
    "terms": _block_terms, "contact": _block_contact, "decides": _block_decides,
}
BLOCK_KEYS = ("text", "heading", "axis", "footnote", "terms")
"""Fields of a block that name catalog keys (checked by tests/test_report_template.py)."""


__all__ = ["BLOCK_KEYS", "TEMPLATE", "HandoutPdf", "Layout", "family_plan_title", "handout_pdf", "handout_plans", "layout"]

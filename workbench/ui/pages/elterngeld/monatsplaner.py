"""The month planner: one row per parent × 32 Lebensmonate, a click cycles Basis/Plus/Bonus/none.

Every cell is a real button (focusable; Enter and Space click it) whose accessible name
says who, which Lebensmonat with its dates and what is planned ("Elternteil Eva,
Lebensmonat 3, 15.08.–14.09.2026: Basiselterngeld"); its visible text is the kind and the
amount. After each click the case is recomputed with the Elterngeld engine (about a
millisecond) and amounts, totals, the remaining contingent and the rule violations on the
months concerned update at once. Months with Mutterschaftsleistungen are fixed.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import ipywidgets as w
from babel import dates as babel_dates

from workbench.i18n import format_date, format_decimal, format_money, locale_of, text
from workbench.ui.kit.callbacks import guarded

if TYPE_CHECKING:
    from workbench.rules.elterngeld.result import ElterngeldResult
    from workbench.evaluation.elterngeld.haushalt import Haushaltsgeld

MONTHS = 32
BLOCKS = ((1, 12), (13, 24), (25, 32))
NEXT = {"none": "basis", "basis": "plus", "plus": "bonus", "bonus": "none"}
CODES = {"basis": "B", "plus": "P", "bonus": "+", "none": "-"}
KINDS = {code: kind for kind, code in CODES.items()}


SHORT_DATE = {"de": "dd.MM.", "en": "d MMM"}


def short_date(day: date, language: str) -> str:
    """``15.08.`` (de) or ``15 Aug`` (en), the column heads and the start of a cell's dates (babel)."""
    return babel_dates.format_date(day, SHORT_DATE.get(language, SHORT_DATE["de"]), locale=locale_of(language))


def default_months(parent_ids: list[str], single_parent: bool) -> dict[str, str]:
    """A first proposal: the first parent 12 Basis months, the second the 2 Partnermonate."""
    if len(parent_ids) == 2:
        return {parent_ids[0]: "B" * 12, parent_ids[1]: "-" * 12 + "BB"}
    return {parent_ids[0]: "B" * (14 if single_parent else 12)}


def _count(value: Decimal, language: str) -> str:
    """Months as ``12`` or ``12,5``."""
    return format_decimal(value.quantize(Decimal(1)) if value == value.to_integral_value() else value, language)


class Monatsplaner:
    """The planner for the case dict ``data`` (its ``elterngeld_plan.months`` are edited in place)."""

    def __init__(self, language: str, on_change: Callable[[], None], on_error: Callable[[str], None]) -> None:
        self.language = language
        self.on_change = on_change
        self.on_error = on_error
        self.data: dict[str, Any] = {}
        self.parent_ids: list[str] = []
        self.names: dict[str, str] = {}
        self.kinds: dict[str, list[str]] = {}
        self.fixed: dict[str, frozenset[int]] = {}
        self.cells: dict[tuple[str, int], w.Button] = {}
        self.headers: list[list[w.HTML]] = []
        self.result: ElterngeldResult | None = None
        self.household: Haushaltsgeld | None = None
        self.summary = w.HTML()
        self.violations = w.HTML()
        self.grids = w.VBox([])
        legend = html.escape(text("ui.plan.legend", language))
        self.widget = w.VBox([w.HTML(f'<p class="wb-legend" lang="{language}">{legend}</p>'),
                              self.grids, self.violations, self.summary])
        self.widget.add_class("wb-planner")

    # --- data ----------------------------------------------------------------------
    def set_case(self, data: dict[str, Any]) -> None:
        """Show the plan of ``data`` (proposing one if it has none) and compute it."""
        from workbench.case import load_case
        from workbench.evaluation.elterngeld.engine import mutterschutz_monate

        self.data = data
        parents = data["household"]["parents"]
        ids = [p["id"] for p in parents]
        self.names = {p["id"]: str(p.get("name") or "").strip() or text("ui.eg.parent_heading", self.language, number=i + 1)
                      for i, p in enumerate(parents)}
        plan = data.setdefault("elterngeld_plan", {"child": "K1", "months": {}})
        months = {pid: m for pid, m in plan.get("months", {}).items() if pid in ids}
        if not any(CODES["none"] != c for m in months.values() for c in m):
            months = default_months(ids, bool(data["household"].get("single_parent")))
        case = load_case({**data, "elterngeld_plan": {**plan, "months": months}})
        child = case.plan_child()
        self.fixed = {p.id: mutterschutz_monate(p, child, case.mutterschutz) for p in case.household.parents}
        self.kinds = {pid: [KINDS[c] for c in months.get(pid, "").ljust(MONTHS, "-")] for pid in ids}
        for pid, fixed in self.fixed.items():
            for m in fixed:
                self.kinds[pid][m - 1] = "basis"
        if ids != self.parent_ids:
            self.parent_ids = ids
            self._build_grids()
        self._write_plan()
        self.recompute()

    def _write_plan(self) -> None:
        plan = self.data["elterngeld_plan"]
        plan["months"] = {pid: "".join(CODES[k] for k in kinds).rstrip("-") for pid, kinds in self.kinds.items()}

    def cycle(self, pid: str, month: int) -> None:
        """The click on a cell: next kind, recompute, save."""
        if month in self.fixed.get(pid, frozenset()):
            return
        self.kinds[pid][month - 1] = NEXT[self.kinds[pid][month - 1]]
        self._write_plan()
        self.recompute()
        self.on_change()

    def recompute(self) -> None:
        """Run the household model (the engine and the household's other money, ADR 0028) on the plan and
        refresh every cell, the totals and the violations."""
        from workbench.case import load_case
        from workbench.evaluation.elterngeld.haushalt import haushaltsgeld

        case = load_case(self.data)
        plan = case.elterngeld_plan
        self.household = haushaltsgeld(case, dict(plan.months) if plan is not None else {})
        self.result = self.household.result
        self._render()

    # --- rendering --------------------------------------------------------------------
    def _build_grids(self) -> None:
        self.cells = {}
        self.headers = []
        grids = []
        for first, last in BLOCKS:
            children: list[w.Widget] = [w.HTML(f'<span class="wb-corner">{html.escape(text("ui.plan.month", self.language))}</span>')]
            headers = [w.HTML() for _ in range(first, last + 1)]
            gap = [w.HTML() for _ in range(12 - len(headers))]  # the last block has 8 months
            children += headers + gap
            for pid in self.parent_ids:
                children.append(w.HTML(f'<span class="wb-rowname">{html.escape(self.names[pid])}</span>'))
                for m in range(first, last + 1):
                    button = w.Button()
                    button.add_class("wb-cell")
                    button.on_click(guarded(lambda _b, p=pid, n=m: self.cycle(p, n), self.on_error))
                    self.cells[(pid, m)] = button
                    children.append(button)
                children += [w.HTML() for _ in gap]
            grid = w.GridBox(children, layout=w.Layout(grid_template_columns="8.5rem repeat(12, minmax(0, 1fr))",
                                                       grid_gap="4px", width="100%"))
            grid.add_class("wb-grid")
            self.headers.append(headers)
            grids.append(grid)
        self.grids.children = tuple(grids)

    def _render(self) -> None:
        assert self.result is not None
        lang = self.language
        result = self.result
        from workbench.rules.elterngeld.lebensmonate import lebensmonate

        lms = lebensmonate(result.birth, MONTHS)
        for headers, (first, last) in zip(self.headers, BLOCKS):
            for header, m in zip(headers, range(first, last + 1)):
                lm = lms[m - 1]
                header.value = (f'<span class="wb-head"><strong>{m}</strong><br>'
                                f'{short_date(lm.start, lang)}</span>')
        flagged: dict[tuple[str, int], list[str]] = {}
        for v in result.violations:
            for m in v.months:
                planned = [pid for pid in self.parent_ids if self.kinds[pid][m - 1] != "none"] or self.parent_ids
                for pid in planned:
                    flagged.setdefault((pid, m), []).append(v.message(lang))
        for pid in self.parent_ids:
            amounts = {mb.month: mb for mb in result.parents[pid].months}
            for m in range(1, MONTHS + 1):
                self._render_cell(pid, m, lms[m - 1], amounts.get(m), flagged.get((pid, m), []))
        self._render_violations()
        self._render_summary()

    def _render_cell(self, pid: str, m: int, lm: Any, amount: Any, problems: list[str]) -> None:
        lang = self.language
        kind = self.kinds[pid][m - 1]
        fixed = m in self.fixed.get(pid, frozenset())
        label = text("ui.plan.maternity" if fixed else f"ui.plan.kind_{kind}", lang)
        dates = f"{short_date(lm.start, lang)}–{format_date(lm.end, lang)}"
        name = text("ui.plan.cell_name", lang, parent=self.names[pid], month=m, dates=dates, kind=label)
        if amount is not None:
            name += f", {format_money(amount.amount, lang)}"
        if problems:
            name += ". " + text("ui.plan.cell_problem", lang) + " " + " ".join(problems)
        short = text("ui.plan.maternity_short" if fixed else f"ui.plan.short_{kind}", lang)
        shown = short if amount is None or fixed else f"{short}\n{format_decimal(amount.amount, lang)}"
        button = self.cells[(pid, m)]
        button.description = name
        button.tooltip = shown
        button.disabled = fixed
        button._dom_classes = tuple(
            c for c in ("wb-cell", f"wb-k-{kind}", "wb-fixed" if fixed else "", "wb-problem" if problems else "") if c)

    def _render_violations(self) -> None:
        assert self.result is not None
        lang = self.language
        if not self.result.violations:
            body = f'<p class="wb-ok">{html.escape(text("ui.plan.valid", lang))}</p>'
        else:
            items = "".join(
                f"<li>{html.escape(text('ui.plan.months_label', lang, months=', '.join(map(str, v.months))) if v.months else '')}"
                f"{html.escape(v.message(lang))}</li>" for v in self.result.violations)
            body = (f'<h3>{html.escape(text("ui.plan.problems", lang))}</h3>'
                    f'<ul class="wb-problems">{items}</ul>')
        self.violations.value = f'<div class="wb-violations" role="status" lang="{lang}">{body}</div>'

    def _render_summary(self) -> None:
        from workbench.case import load_case
        from workbench.evaluation.elterngeld.engine import plan_situation
        from workbench.rules.elterngeld.plan import basis_equivalents, limits

        assert self.result is not None
        lang = self.language
        limit = limits(plan_situation(load_case(self.data)))
        used = sum((basis_equivalents(k) for k in self.kinds.values()), Decimal(0))
        left = max(Decimal(limit.total_basis) - used, Decimal(0))
        bonus = max((sum(1 for k in kinds if k == "bonus") for kinds in self.kinds.values()), default=0)
        rows = "".join(
            f'<tr><th scope="row">{html.escape(self.names[pid])}</th>'
            f'<td class="wb-total" data-parent="{pid}">{html.escape(format_money(p.total, lang))}</td></tr>'
            for pid, p in self.result.parents.items())
        rows += (f'<tr class="wb-sum"><th scope="row">{html.escape(text("ui.result.household", lang))}</th>'
                 f'<td class="wb-total" data-parent="all">{html.escape(format_money(self.result.total, lang))}</td></tr>')
        money = self.household.total if self.household is not None else self.result.total
        rows += (f'<tr><th scope="row">{html.escape(text("ui.plan.household_money", lang))}</th>'
                 f'<td class="wb-total" data-household-money="all">{html.escape(format_money(money, lang))}</td></tr>')
        contingent = text("ui.plan.contingent", lang, used=_count(used, lang), total=limit.total_basis,
                          left=_count(left, lang), plus=_count(left * 2, lang),
                          bonus=bonus, bonus_max=limit.bonus_max)
        self.summary.value = (
            f'<div class="wb-plan-summary" aria-live="polite" lang="{lang}">'
            f'<table class="wb-result"><caption>{html.escape(text("ui.plan.totals", lang))}</caption>'
            f'<tbody>{rows}</tbody></table><p class="wb-contingent">{html.escape(contingent)}</p></div>')

"""The result of the Elterngeld wizard: totals, a per-month table and, on demand, every step."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from workbench.i18n import format_date, format_money, text
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.parameter_notes import notes_html
from workbench.ui.kit.step import WizardStep

if TYPE_CHECKING:
    from workbench.rules.elterngeld.result import ElterngeldResult


def _who(result: ElterngeldResult, pid: str, index: int, language: str) -> str:
    name = result.parents[pid].name
    return name or text("ui.eg.parent_heading", language, number=index + 1)


def result_tables(result: ElterngeldResult, language: str) -> str:
    """Totals per parent and household, then one row per Lebensmonat with Elterngeld."""
    lang = language
    pids = list(result.parents)
    who = {pid: html.escape(_who(result, pid, i, lang)) for i, pid in enumerate(pids)}
    totals = "".join(f'<tr><th scope="row">{who[pid]}</th><td data-total="{pid}">'
                     f'{html.escape(format_money(result.parents[pid].total, lang))}</td></tr>' for pid in pids)
    totals += (f'<tr class="wb-sum"><th scope="row">{html.escape(text("ui.result.household", lang))}</th>'
               f'<td data-total="all">{html.escape(format_money(result.total, lang))}</td></tr>')
    by_month: dict[int, dict[str, Any]] = {}
    for pid in pids:
        for mb in result.parents[pid].months:
            by_month.setdefault(mb.month, {"start": mb.start, "end": mb.end})[pid] = mb
    head = "".join(f'<th scope="col">{who[pid]}</th>' for pid in pids)
    rows = ""
    for month in sorted(by_month):
        row = by_month[month]
        period = f"{format_date(row['start'], lang)} – {format_date(row['end'], lang)}"
        cells = ""
        for pid in pids:
            if pid not in row:
                cells += "<td>–</td>"
                continue
            mb = row[pid]
            kind = text("ui.plan.maternity" if mb.maternity else f"ui.plan.kind_{mb.kind}", lang)
            cells += f'<td data-parent="{pid}"><span class="wb-kind">{html.escape(kind)}</span> {html.escape(format_money(mb.amount, lang))}</td>'
        rows += (f'<tr><th scope="row">{html.escape(text("ui.result.month_row", lang, month=month))}'
                 f'<br><span class="wb-period">{html.escape(period)}</span></th>{cells}</tr>')
    return (f'<table class="wb-result wb-totals"><caption>{html.escape(text("ui.result.totals", lang))}</caption>'
            f"<tbody>{totals}</tbody></table>"
            f'<table class="wb-result wb-months"><caption>{html.escape(text("ui.result.per_month", lang))}</caption>'
            f'<thead><tr><th scope="col">{html.escape(text("ui.plan.month", lang))}</th>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def explanation_html(result: ElterngeldResult, language: str) -> str:
    """Every step per parent with its paragraph, then the plan check."""
    parts = []
    for i, (pid, parent) in enumerate(result.parents.items()):
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in parent.explanation.render(language))
        parts.append(f"<h3>{html.escape(_who(result, pid, i, language))}</h3><ol class=\"wb-explanation\">{lines}</ol>")
    notes = "".join(f"<li>{html.escape(text(key, language))}</li>" for key in result.notes)
    values = notes_html(result.provisional, result.unverified, language)  # the steps are provisional too
    return f'<div lang="{language}">{values}{"".join(parts)}<ul class="wb-notes">{notes}</ul></div>'


def compare_link_html(case_id: str, language: str) -> str:
    """The link from the result to the comparison of this case (plans side by side, handout)."""
    from workbench.ui.kit.case_list import comparison_link

    label = html.escape(text("ui.result.compare", language))
    hint = html.escape(text("ui.result.compare_hint", language))
    return (f'<p class="wb-compare-link" lang="{language}"><a href="{html.escape(comparison_link(case_id))}" '
            f'target="_blank" rel="noopener">{label}</a> – {hint}</p>')


class ErgebnisStep(WizardStep):
    """Totals, per-month table, the plan's problems and "Wie wird das berechnet?"."""

    title_key = "ui.eg.step_result"

    def build(self) -> None:
        language = self.language
        self.result: ElterngeldResult | None = None
        self.tables = w.HTML()
        self.problems = w.HTML()
        self.toggle = w.ToggleButton(value=False, description=text("ui.result.how", language))
        self.toggle.add_class("wb-how")
        self.toggle.observe(guarded(lambda _c: self._render_explanation(), lambda r: self.on_error(r)), names="value")
        self.explanation = w.HTML(layout=w.Layout(display="none"))
        self.compare = w.HTML()
        self.body.children = (self.problems, self.tables, self.compare, self.toggle, self.explanation)

    def shown(self, data: dict[str, Any]) -> None:
        from workbench.case import load_case
        from workbench.evaluation.elterngeld.engine import compute_elterngeld

        lang = self.language
        self.result = compute_elterngeld(load_case(data))
        notes = notes_html(self.result.provisional, self.result.unverified, lang)
        self.tables.value = f'<div lang="{lang}">{notes}{result_tables(self.result, lang)}</div>'
        if self.result.violations:
            items = "".join(f"<li>{html.escape(v.message(lang))}</li>" for v in self.result.violations)
            self.problems.value = (f'<div class="wb-note" lang="{lang}"><p>{html.escape(text("ui.result.invalid", lang))}'
                                   f"</p><ul>{items}</ul></div>")
        else:
            self.problems.value = f'<p class="wb-ok" lang="{lang}">{html.escape(text("ui.plan.valid", lang))}</p>'
        self.compare.value = compare_link_html(str(data.get("case_id", "")), lang)
        self._render_explanation()

    def _render_explanation(self) -> None:
        if self.toggle.value and self.result is not None:
            self.explanation.value = explanation_html(self.result, self.language)
            self.explanation.layout.display = None
        else:
            self.explanation.layout.display = "none"

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        return True

"""The family comparison drawn: one plan's monthly household income as accessible inline SVG.

:func:`chart_svg` stacks per parent the Elterngeld and the net pay of work per Lebensmonat (title,
description, and the values as a table for screen readers), :func:`legend_html` names the colours;
both draw a :class:`~workbench.evaluation.vergleich.Vergleichsansicht` computed by
:func:`workbench.evaluation.vergleich.compare`.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import ROUND_CEILING, Decimal

from babel import dates as babel_dates

from workbench.evaluation.vergleich import Spalte, Vergleichsansicht
from workbench.i18n import format_money, locale_of, text
from workbench.money import ZERO
from workbench.rules.elterngeld.lebensmonate import lebensmonate
from workbench.rules.elterngeld.plan import LEBENSMONATE

# per parent: Elterngeld (dark) and net pay of work (light); contrast ≥ 3:1 to white and to each other
COLOURS = (("#0b57d0", "#8ab4f8"), ("#9c4a00", "#f6b26b"))


def axis_top(view: Vergleichsansicht) -> Decimal:
    """One y-axis for every plan shown: the highest monthly household income, up to a round 500 €."""
    highest = max((sum((c.elterngeld[pid][m] + c.work[pid][m] for pid in view.parent_ids), ZERO)
                   for c in view.columns for m in range(LEBENSMONATE)), default=ZERO)
    if highest <= 0:
        return Decimal(500)
    return (highest / 500).to_integral_value(rounding=ROUND_CEILING) * 500


def gets_maternity_pay(view: Vergleichsansicht, pid: str) -> bool:
    """Whether the parent receives Mutterschaftsleistungen in any plan shown (the legend names them only then)."""
    return any(any(g.mutterschaft > 0 for g in c.plan.haushalt.per_parent.get(pid, ())) for c in view.columns)


def work_label(view: Vergleichsansicht, pid: str) -> str:
    """The legend's name of the light layer: "Netto aus Arbeit", with "Mutterschaftsgeld" only for a parent who
    receives it (walk10 F4: the father's entry named it)."""
    key = "vgl.legend_work_maternity" if gets_maternity_pay(view, pid) else "vgl.legend_work"
    return text(key, view.language, parent=view.names[pid])


def _whole(amount: Decimal, lang: str) -> str:
    return format_money(amount, lang).replace(",00 €", " €").removesuffix(".00")


def chart_svg(view: Vergleichsansicht, column: Spalte, chart_id: str) -> str:
    """One plan's household income per Lebensmonat, stacked per parent (Elterngeld, net pay of work).

    The SVG has ``role="img"`` with a title and a description; the exact values follow in a table
    that is visually hidden but read by screen readers.
    """
    lang = view.language
    last = max(view.last_month, 1)
    top = axis_top(view)
    width, height, left, bottom, top_pad = 480.0, 236.0, 64.0, 44.0, 8.0
    starts = [lm.start for lm in lebensmonate(view.birth, last)] if view.birth is not None else []
    plot_w, plot_h = width - left - 6, height - bottom - top_pad
    slot = plot_w / last
    bar = max(slot * 0.72, 1.5)
    title = text("vgl.chart_title", lang, plan=column.name)
    maternity = any(gets_maternity_pay(view, pid) for pid in view.parent_ids)
    desc = text("vgl.chart_desc_maternity" if maternity else "vgl.chart_desc", lang, total=format_money(column.household_income, lang), months=last)
    parts = [f'<svg class="wb-chart" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
             f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{chart_id}-t">{html.escape(title)}</title><desc id="{chart_id}-d">{html.escape(desc)}</desc>']
    for fraction in (Decimal(0), Decimal("0.5"), Decimal(1)):
        y = top_pad + plot_h - float(fraction) * plot_h
        parts.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{width - 6:.1f}" y2="{y:.1f}" stroke="#5f6368" stroke-width="0.8"/>')
        parts.append(f'<text x="{left - 6:.1f}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="#1b1b1b">'
                     f'{html.escape(_whole(top * fraction, lang))}</text>')
    for m in range(1, last + 1):
        x = left + (m - 1) * slot + (slot - bar) / 2
        y = top_pad + plot_h
        for index, pid in enumerate(view.parent_ids):
            for layer, series in enumerate((column.elterngeld[pid], column.work[pid])):
                value = series[m - 1]
                if value <= 0:
                    continue
                h = float(value / top) * plot_h
                y -= h
                colour = COLOURS[index % len(COLOURS)][layer]
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}"/>')
        if m == 1 or m % 3 == 0 or last <= 14:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - 26:.1f}" text-anchor="middle" font-size="12" '
                         f'fill="#1b1b1b">{m}</text>')
        if starts and m % 3 == 0:  # the date axis: the month in which every third Lebensmonat starts (§ 4 BEEG)
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - 8:.1f}" text-anchor="middle" font-size="10" '
                             f'fill="#1b1b1b" class="wb-axis-date">{html.escape(month_label(starts[m - 1], lang))}</text>')
    parts.append("</svg>")
    return "".join(parts) + values_table(view, column)


def month_label(day: date, language: str) -> str:
    """``Jun 26`` / ``Juni 26``: the month and year under a Lebensmonat on a chart's axis (babel)."""
    return babel_dates.format_date(day, "MMM yy", locale=locale_of(language)).replace(".", "")


def legend_html(view: Vergleichsansicht) -> str:
    """Which colour is which parent's Elterngeld and net pay of work."""
    lang = view.language
    items = []
    for index, pid in enumerate(view.parent_ids):
        labels = (text("vgl.legend_elterngeld", lang, parent=view.names[pid]), work_label(view, pid))
        for layer, label in enumerate(labels):
            colour = COLOURS[index % len(COLOURS)][layer]
            items.append(f'<li><span class="wb-swatch" style="background:{colour}"></span>'
                         f'{html.escape(label)}</li>')
    return f'<ul class="wb-legend-list" lang="{lang}">{"".join(items)}</ul>'


def values_table(view: Vergleichsansicht, column: Spalte) -> str:
    """The chart's values as a table for screen readers (visually hidden)."""
    lang = view.language
    head = "".join(f'<th scope="col">{html.escape(text("vgl.legend_elterngeld", lang, parent=view.names[pid]))}</th>'
                   f'<th scope="col">{html.escape(work_label(view, pid))}</th>'
                   for pid in view.parent_ids)
    rows = ""
    for m in range(1, max(view.last_month, 1) + 1):
        cells = "".join(f"<td>{html.escape(format_money(column.elterngeld[pid][m - 1], lang))}</td>"
                        f"<td>{html.escape(format_money(column.work[pid][m - 1], lang))}</td>" for pid in view.parent_ids)
        rows += f'<tr><th scope="row">{html.escape(text("vgl.month_row", lang, month=m))}</th>{cells}</tr>'
    caption = html.escape(text("vgl.chart_title", lang, plan=column.name))
    return (f'<table class="wb-hidden"><caption>{caption}</caption><thead><tr>'
            f'<th scope="col">{html.escape(text("vgl.lebensmonat", lang))}</th>{head}</tr></thead><tbody>{rows}</tbody></table>')


__all__ = ["COLOURS", "axis_top", "chart_svg", "gets_maternity_pay", "legend_html", "month_label", "values_table",
           "work_label"]

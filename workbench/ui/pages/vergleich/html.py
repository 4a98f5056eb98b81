"""HTML of the comparison page: the side-by-side table, one card per plan, the glossary of terms.

Pure functions of a :class:`~workbench.evaluation.vergleich.Vergleichsansicht` (tested without a browser).
Jargon (Basiselterngeld, ElterngeldPlus, Partnerschaftsbonus, Lebensmonat) carries its explanation
as a hover title wherever it appears, and the glossary explains each term on click or Enter
(``<details>``, keyboard-accessible without script).
"""

from __future__ import annotations

import html
from decimal import Decimal

from workbench.i18n import format_money, text
from workbench.evaluation.vergleich import Spalte, Vergleichsansicht
from workbench.report.vergleich import chart_svg, legend_html
from workbench.report.register import FAMILY, Register, say, without_citations

TERMS = ("basis", "plus", "bonus", "lebensmonat")


def term_explanation(term: str, language: str) -> str:
    """The plain explanation of a term (``basis``, ``plus``, ``bonus``, ``lebensmonat``)."""
    return text(f"vgl.term.{term}_text", language)


def glossary_html(language: str) -> str:
    """Each term as a ``<details>``: its name (with the explanation as hover title) opens the explanation."""
    lang = language
    items = "".join(
        f'<details class="wb-term"><summary title="{html.escape(term_explanation(t, lang))}">'
        f'{html.escape(text(f"vgl.term.{t}", lang))}</summary><p>{html.escape(term_explanation(t, lang))}</p></details>'
        for t in TERMS)
    return (f'<section class="wb-glossary" lang="{lang}" aria-labelledby="vgl-terms">'
            f'<h2 id="vgl-terms">{html.escape(text("vgl.terms_heading", lang))}</h2>{items}</section>')


def with_term_titles(escaped: str, language: str) -> str:
    """Mark the kinds of Elterngeld in an already escaped text with their explanation as hover title."""
    for term in ("basis", "plus", "bonus"):
        label = html.escape(text(f"art.{term}", language))
        span = (f'<span class="wb-term-inline" title="{html.escape(term_explanation(term, language))}">'
                f"{label}</span>")
        escaped = escaped.replace(label, span)
    return escaped


def _money(amount: object, language: str) -> str:
    assert isinstance(amount, Decimal)
    return html.escape(format_money(amount, language))


def _signed(amount: Decimal, language: str) -> str:
    """``+1.374,53 €`` / ``−210,00 €``: a refund or an additional payment with its sign."""
    return ("+" if amount > 0 else "−" if amount < 0 else "") + _money(abs(amount), language)


def overview_table(view: Vergleichsansicht, register: Register = FAMILY) -> str:
    """The plans as columns: together, after tax with the refund or additional payment it adds, Elterngeld, per
    parent income and months, difference to the best. Under the table why "after tax" can exceed "together"
    (walk10 F4): with the § (§§ 26b, 32b EStG) in the advisor's register, in plain words for the family."""
    lang = view.language
    if not view.columns:
        return f'<p lang="{lang}">{html.escape(text("vergleich.leer", lang))}</p>'
    head = ""
    for i, col in enumerate(view.columns):
        marker = (f'<br><span class="wb-best">{html.escape(text("vgl.best_marker", lang))}</span>' if i == 0 else "")
        head += f'<th scope="col" data-plan="{html.escape(col.choice.key)}">{html.escape(col.name)}{marker}</th>'

    def row(label: str, cells: list[str], css: str = "") -> str:
        return f'<tr class="{css}"><th scope="row">{html.escape(label)}</th>{"".join(cells)}</tr>'

    rows = [row(text("vgl.row_household", lang),
                [f'<td data-household="{html.escape(c.choice.key)}">{_money(c.household_income, lang)}</td>'
                 for c in view.columns], "wb-sum-top"),
            row(text("vgl.row_after_tax", lang),
                [f'<td data-after-tax="{html.escape(c.choice.key)}">'
                 f'{"–" if c.after_tax is None else _money(c.after_tax, lang)}</td>' for c in view.columns]),
            row(text("vgl.row_tax_settlement", lang),
                [f'<td data-tax-settlement="{html.escape(c.choice.key)}">'
                 f'{"–" if c.after_tax is None else _signed(c.after_tax - c.household_income, lang)}</td>'
                 for c in view.columns], "wb-sub"),
            row(text("vgl.row_elterngeld", lang),
                [f'<td data-elterngeld="{html.escape(c.choice.key)}">{_money(c.total, lang)}</td>' for c in view.columns])]
    for pid in view.parent_ids:
        name = view.names[pid]
        rows.append(row(text("vgl.row_parent_income", lang, parent=name),
                        [f"<td>{_money(c.parent_income(pid), lang)}</td>" for c in view.columns]))
        rows.append(row(text("vgl.row_at_home", lang, parent=name),
                        [f"<td>{c.at_home[pid]}</td>" for c in view.columns]))
    gap_key = {"elterngeld": "vgl.row_gap_elterngeld", "household_after_tax": "vgl.row_gap_after_tax"}.get(
        view.objective, "vgl.row_gap")
    rows.append(row(text(gap_key, lang),
                    [f'<td data-gap="{html.escape(c.choice.key)}">'
                     f'{"–" if c.gap == 0 else "−" + _money(c.gap, lang)}</td>' for c in view.columns]))
    ranked = (f'<p class="wb-note" lang="{lang}">{html.escape(text("vgl.ranked_elterngeld", lang))}</p>'
              if view.objective == "elterngeld" else "")
    if any(c.after_tax is not None for c in view.columns):
        ranked += (f'<p class="wb-note wb-after-tax-why" lang="{lang}">'
                   f'{html.escape(say("vgl.after_tax_why", lang, register))}</p>')
    return (f'<table class="wb-result wb-compare" lang="{lang}"><caption>{html.escape(text("vgl.table_caption", lang))}'
            f'</caption><thead><tr><td></td>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"{ranked}{legend_html(view)}")


def card_html(view: Vergleichsansicht, col: Spalte, index: int, register: Register = FAMILY) -> str:
    """One plan: name, household total, the sentence on the difference, rule problems, the chart; the note
    after tax cites § 32b EStG only in the advisor's register (ADR 0042)."""
    lang = view.language
    cid = f"vgl-plan-{index}"
    sentence = with_term_titles(html.escape(col.sentence), lang) if col.sentence else ""
    sentence = sentence.replace("(−", "(−\u2060").replace("(+", "(+\u2060")  # the sign stays with its amount
    invalid = ""
    if not col.plan.result.valid:
        reasons = "; ".join(v.message(lang) for v in col.plan.result.violations)
        reasons = without_citations(reasons) if register is FAMILY else reasons  # the § for the advisor (ADR 0035)
        invalid = f'<p class="wb-note">{html.escape(text("vgl.invalid", lang, reasons=reasons))}</p>'
    if col.breaks_wishes:
        invalid += f'<p class="wb-note wb-breaks-wishes">{html.escape(text("vgl.breaks_wishes", lang))}</p>'
    tie = f'<p class="wb-note wb-tie">{html.escape(col.choice.note)}</p>' if col.choice.note else ""
    kindergeld = html.escape(text("vgl.kindergeld_apart", lang, amount=format_money(col.kindergeld, lang)))
    if col.after_tax is not None:
        kindergeld += ('</p><p class="wb-note wb-after-tax">'
                       + html.escape(say("vgl.after_tax_note", lang, register, amount=format_money(col.after_tax, lang))))
    return (f'<div class="wb-card-body" lang="{lang}"><h3 id="{cid}">{html.escape(col.name)}</h3>'
            f'<p class="wb-big">{_money(col.household_income, lang)}</p><p class="wb-note wb-kindergeld">{kindergeld}</p>'
            f'<p class="wb-sentence">{sentence}</p>{tie}{invalid}{chart_svg(view, col, cid + "-chart")}</div>')

"""The tax panel of the comparison page (issue 22 items 4–6; ADR 0029).

For the plans shown: the extra tax from the Progressionsvorbehalt and the expected Nachzahlung per
plan; for the first plan (the best household figure shown) the Steuerklassenwahl and the years and,
behind "Wie wird das berechnet?", every step. The page's register decides the wording (ADR 0042):
the comparison is what the family looks at across the desk, so by default it reads in the family's
register – plain words, amounts in euros, no § and no "bitte prüfen"; in the advisor's register
(``?ansicht=beratung``, and ``workbench steuer``) the same blocks carry the §§ and the assumptions.
The handout of the page gets the family's view of the same plan (:func:`handout_sections`).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from workbench.errors import WorkbenchError
from workbench.i18n import text
from workbench.report.register import FAMILY, Register
from workbench.ui.kit.topic import explanation_details

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.evaluation.vergleich import Vergleichsansicht
    from workbench.report import HandoutSection


def _sections_html(sections: "list[HandoutSection]", language: str) -> str:
    """Sections as blocks of their own class: ``.wb-card`` stays the plans' cards (the page counts them)."""
    parts: list[str] = []
    for section in sections:
        body = "".join(f"<p>{html.escape(p)}</p>" for p in section.paragraphs)
        if section.rows:
            head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in section.rows[0])
            rows = "".join("<tr>" + f'<th scope="row">{html.escape(row[0])}</th>'
                           + "".join(f"<td>{html.escape(c)}</td>" for c in row[1:]) + "</tr>" for row in section.rows[1:])
            body += f'<table class="wb-result"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        parts.append(f'<section class="wb-steuer"><h3>{html.escape(section.heading)}</h3>{body}</section>')
    return f'<div class="wb-panel wb-steuer-panel" lang="{language}">{"".join(parts)}</div>'


def steuer_panel_html(case: "Case", view: "Vergleichsansicht", language: str, register: Register = FAMILY) -> str:
    """The panel's HTML in the page's ``register``; a short note instead when the tax cannot be estimated."""
    from workbench.evaluation.elterngeld.optimize import with_plan
    from workbench.evaluation.steuer import steuer_result
    from workbench.report.steuer import steuer_sections, vergleich_section, wahl_section

    if not view.columns:
        return ""
    advisor = register is not FAMILY
    try:
        first = view.columns[0]
        r = steuer_result(with_plan(case, first.choice.months).model_copy(update={"language": language}),
                          first.plan.result)
        sections = [s for s in (vergleich_section(case, view.columns, language),) if s is not None]
        own = steuer_sections(r, view.names, advisor=advisor)
    except WorkbenchError as error:
        return (f'<p class="wb-note" lang="{language}">'
                f'{html.escape(text("steuer.block.nicht_berechnet", language, details=str(error)))}</p>')
    if own:
        heading = text("steuer.block.fuer_plan", language, heading=own[0].heading, plan=first.name)
        own[0] = type(own[0])(heading, own[0].paragraphs, own[0].rows)
    # the Steuerklassen steps only where their block is shown (the family's view drops a choice that came too late)
    shown = r.wahl is not None and wahl_section(r, view.names, advisor) is not None
    steps = [o.explanation for o in (r.wahl.optionen if r.wahl and shown else [])] + [
        v.explanation for j in r.jahre for v in j.veranlagungen]
    title = f'<h2 lang="{language}">{html.escape(text("steuer.block.titel", language))}</h2>'
    return title + _sections_html([*sections, *own], language) + explanation_details(steps, language, advisor=advisor)


def handout_sections(case: "Case", view: "Vergleichsansicht | None", language: str) -> list["HandoutSection"]:
    """The family's tax block for the handout, for the family's chosen plan (named in the heading), which leads it."""
    from workbench.evaluation.elterngeld.optimize import with_plan
    from workbench.evaluation.vergleich import chosen_first
    from workbench.report.handout import family_plan_title
    from workbench.report.steuer import steuer_handout_sections

    if view is None or not view.columns:
        return []
    first = chosen_first(view)[0]
    try:
        return steuer_handout_sections(with_plan(case, first.choice.months), language,
                                       plan_name=family_plan_title(first.choice.key, first.name, language))
    except WorkbenchError:
        return []

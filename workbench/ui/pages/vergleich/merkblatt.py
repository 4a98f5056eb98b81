"""The comparison page's handout: its language (Deutsch, Leichte Sprache, Englisch; ADR 0035) and the download link."""

from __future__ import annotations

import base64
import html
from typing import TYPE_CHECKING

import ipywidgets as w

from workbench.i18n import text

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.evaluation.vergleich import Vergleichsansicht


def handout_language_choice(language: str) -> w.Dropdown:
    """The handout's language, chosen like a language; the page's own language first selected."""
    return w.Dropdown(options=[(text("vgl.handout_lang_de", language), "de"),
                               (text("vgl.handout_lang_ls", language), "de-LS"),
                               (text("vgl.handout_lang_en", language), "en")],
                      value=language, description=text("vgl.handout_language", language),
                      style={"description_width": "initial"}, layout=w.Layout(width="30rem", max_width="100%"))


def handout_link(case: "Case", view: "Vergleichsansicht", chosen: str, language: str, case_id: str) -> str:
    """The handout of the plans shown (the family's chosen plan first) in ``chosen`` as a download link."""
    from workbench.evaluation.vergleich import chosen_first
    from workbench.report import HandoutPlan, handout_pdf
    from workbench.report.handout import family_plan_title
    from workbench.ui.pages.vergleich.steuer import handout_sections

    words = "en" if chosen == "en" else "de"  # the sections' language; de-LS names them as a sheet of their own
    # the family's names of the plans ("Ihr Plan", not the page's "Plan im Fall"), in the handout's language
    plans = [HandoutPlan(family_plan_title(col.choice.key, col.name, words), col.plan) for col in chosen_first(view)]
    pdf = handout_pdf(case, chosen, handout_sections(case, view, words), plans=plans)
    suffix = "-" + text("vgl.handout_file_ls", language) if chosen == "de-LS" else ""
    name = f"{text('vgl.handout_file', language)}{suffix}-{case_id}.pdf"
    data = base64.b64encode(pdf).decode("ascii")
    return (f'<p lang="{language}"><a class="wb-download" download="{html.escape(name)}" '
            f'href="data:application/pdf;base64,{data}">'
            f'{html.escape(text("vgl.handout_link", language, name=name))}</a></p>')

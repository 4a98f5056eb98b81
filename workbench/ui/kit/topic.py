"""Shared parts of the Kita, Pflege and Vorsorge wizards: a step of bound fields, a result step
that shows handout sections as HTML, and the page function every topic notebook calls.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import ipywidgets as w

from workbench.errors import UnsupportedPeriod
from workbench.explain import Explanation
from workbench.i18n import LANGUAGES, text
from workbench.parameter_tracking import tracking
from workbench.report import HandoutSection
from workbench.ui.kit.page import default_store, open_case_wizard, show_wizard_page
from workbench.ui.kit.fields import Field
from workbench.ui.kit.parameter_notes import notes_html
from workbench.ui.kit.saving import Store
from workbench.ui.kit.step import WizardStep
from workbench.ui.kit.wizard import Wizard


class FieldsStep(WizardStep):
    """A step whose fields are made by ``make_fields`` (case path → field), shown in that order."""

    def __init__(self, language: str, title_key: str, make_fields: Callable[[str], dict[str, Field]],
                 area: tuple[str, ...] = ()) -> None:
        super().__init__(language)
        self.title_key = title_key
        self._make = make_fields
        self._area = area
        self._fields: dict[str, Field] = {}

    def build(self) -> None:
        self._fields = self._make(self.language)
        for field in self._fields.values():
            self.watch(field)
        self.body.children = tuple(f.widget for f in self._fields.values())

    def fields(self) -> dict[str, Field]:
        return self._fields

    def area(self) -> tuple[str, ...]:
        return self._area


# paragraphs that ask the advisor to check something stand out (unverified values, the Satzung): they
# begin with the words before the colon of these catalog messages, in either language
CHECK_KEYS = ("pflege.unverified", "kita.fee.satzung_pruefen", "kita.before_claim", "vorsorge.disclaimer",
              "params.provisional", "zuzug.ogs_fee")
CHECK_PREFIXES = tuple(text(key, lang).split(":")[0] for key in CHECK_KEYS for lang in LANGUAGES)


URL = re.compile(r"https://[A-Za-z0-9./_-]+[A-Za-z0-9/]")


def _linked(paragraph: str) -> str:
    """The paragraph escaped, its https addresses as links (the Satzung, the Kita-Portal)."""
    return URL.sub(lambda m: f'<a href="{m.group(0)}" target="_blank" rel="noopener">{m.group(0)}</a>',
                   html.escape(paragraph))


def sections_html(sections: Sequence[HandoutSection], language: str) -> str:
    """Handout sections as result cards: heading, paragraphs, a real table with row headers."""
    parts: list[str] = []
    for section in sections:
        body = "".join(f'<p class="wb-note">{_linked(p)}</p>' if p.startswith(CHECK_PREFIXES)
                       else f"<p>{_linked(p)}</p>" for p in section.paragraphs)
        if section.rows:
            head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in section.rows[0])
            rows = "".join(
                "<tr>" + f'<th scope="row">{html.escape(row[0])}</th>'
                + "".join(f"<td>{html.escape(c)}</td>" for c in row[1:]) + "</tr>"
                for row in section.rows[1:])
            body += (f'<table class="wb-result"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
        parts.append(f'<section class="wb-card"><h3>{html.escape(section.heading)}</h3>{body}</section>')
    return f'<div class="wb-topic-result" lang="{language}">{"".join(parts)}</div>'


def explanation_details(explanations: Sequence[Explanation], language: str, *, advisor: bool = True) -> str:
    """Every step with its paragraph behind "Wie wird das berechnet?"; for the family (``advisor=False``)
    without § and without "bitte prüfen" (the two registers, ADR 0035)."""
    lines = "".join(f"<li>{html.escape(line)}</li>" for e in explanations
                    for line in e.render(language, advisor, cite=advisor))
    return (f'<details class="wb-how-details" lang="{language}"><summary>{html.escape(text("ui.result.how", language))}'
            f'</summary><ol class="wb-explanation">{lines}</ol></details>')


def pdf_link(data: bytes, filename: str, label: str) -> str:
    """A download link carrying the PDF itself (no file on the server)."""
    encoded = base64.b64encode(data).decode("ascii")
    return (f'<p><a class="wb-download" download="{html.escape(filename)}" '
            f'href="data:application/pdf;base64,{encoded}">{html.escape(label)}</a></p>')


class SectionsStep(WizardStep):
    """The last step: the topic's results for the case as saved, with explanation and PDF."""

    def __init__(self, language: str, title_key: str,
                 render: Callable[[dict[str, Any], str], str]) -> None:
        super().__init__(language)
        self.title_key = title_key
        self._render = render

    def build(self) -> None:
        self.output = w.HTML()
        self.body.children = (self.output,)

    def shown(self, data: dict[str, Any]) -> None:
        lang = self.language
        # the result (with the family's PDF) takes a second or two on the office machine: say so meanwhile, the box
        # stood empty under "Ergebnis" (walk10)
        self.output.value = (f'<p class="wb-note" role="status" lang="{lang}">'
                             f'{html.escape(text("ui.result.computing", lang))}</p>')
        try:
            with tracking() as used:  # the advisor sees "bitte prüfen" for unverified values that acted
                rendered = self._render(data, lang)
        except UnsupportedPeriod as error:  # a date before the first values: which years are supported
            self.output.value = (f'<div class="wb-alert wb-alert-general" role="alert" lang="{lang}">'
                                 f"{html.escape(error.text(lang))}</div>")
            return
        except Exception:
            self.output.value = ""  # the wizard shows its error message; "wird berechnet" must not stay
            raise
        self.output.value = notes_html((), used.unverified, lang) + rendered

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        return True


def today() -> date:
    """The consultation date (the rules are looked up for it); ``$WORKBENCH_TODAY`` for rehearsals and tests."""
    from workbench.clock import today as clock_today

    return clock_today()


def show_topic_wizard(make: Callable[[dict[str, Any], Store, int | None], Wizard],
                      new_case: Callable[[str], dict[str, Any]], name: str, warm: Sequence[str] = ()) -> None:
    """What a topic notebook shows: the case of ``?case=`` or a new one (``?lang=en``); never a traceback.

    ``warm``: modules the result needs, imported by a preheated kernel before the request."""
    show_wizard_page(name, lambda params: open_case_wizard(params, default_store(), make, new_case), wide=False,
                     warm=warm)

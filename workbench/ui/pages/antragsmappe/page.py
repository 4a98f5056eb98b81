"""The Antragsmappe page (``notebooks/antragsmappe.ipynb?case=<id>``): every application of a case with its
office, deadline, status and documents; the cover letter and "weitergeleitet" (issue 20, ADR 0037).

Every change (a tick, "unterschrieben", "weitergeleitet", a decision) is one new version of the case in
the store, refused and never overwritten when someone else saved meanwhile (``ui/kit/saving.py``).
Opening the page and switching the language write nothing (ADR 0016).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from workbench.case import Case, dump_case, load_case
from workbench.clock import today as clock_today
from workbench.errors import CaseError, WorkbenchError
from workbench.evaluation.mappe_status import Eintrag, enclosure_keys, folder, with_record
from workbench.i18n import format_date, text
from workbench.ui.kit.case_list import START_PAGE, case_link
from workbench.ui.kit.header import PageHeader
from workbench.ui.kit.page import save_problem_html
from workbench.ui.kit.saving import CaseSaver, Store
from workbench.ui.kit.theme import theme_style
from workbench.ui.kit.widgets import FieldMessage
from workbench.ui.pages.antragsmappe.panel import ApplicationPanel


class AntragsmappePage:
    """The folder of one stored case; ``AntragsmappePage(data, store, version).widget``."""

    def __init__(self, data: dict[str, Any], store: Store | None, version: int | None) -> None:
        self.data = data
        self.language = "en" if data.get("language") == "en" else "de"
        self.saver = (CaseSaver(store, version, self._saved, self._refused, baseline=data,
                                on_unavailable=self._unavailable) if store is not None else None)
        self.header = PageHeader("antragsmappe.ui.title", self.language, self.set_language, self.show_error)
        self.error = FieldMessage(self.language, css_class="wb-alert wb-alert-general")
        self.status = w.HTML()
        self.body = w.VBox([])
        self.panels: list[ApplicationPanel] = []
        self.widget = w.VBox([theme_style(), self.header.widget, self.body, self.status, self.error.widget])
        self.widget.add_class("wb-page")
        self._build()

    def _build(self) -> None:
        lang = self.language
        today = clock_today()
        try:
            case = load_case(self.data)
            entries = folder(case, today, lang)
        except WorkbenchError as error:  # a draft, or a case the Leistungscheck cannot compute yet
            details = "; ".join(error.messages) if isinstance(error, CaseError) else str(error)
            self.body.children = (w.HTML(
                f'<div class="wb-alert wb-alert-general" role="alert" lang="{lang}"><p>'
                f'{html.escape(text("antragsmappe.ui.case_problem", lang, details=details))}</p></div>'
                + self._links()),)
            return
        from workbench.rules.leistungen.offices import office_info

        intro = w.HTML(f'<p lang="{lang}">{html.escape(self._family(case))}</p>'
                       f'<p lang="{lang}">{html.escape(text("antragsmappe.ui.intro", lang, date=format_date(today, lang)))}</p>'
                       + self._links())
        self.panels = []
        for entry in entries:
            info = office_info(entry.benefit, lang, today)
            office = {"name": info["office"]["name"], "unverified": info["office_unverified"]}
            who = (case.parent(entry.parent).name or entry.parent) if entry.parent else ""
            self.panels.append(ApplicationPanel(entry, who, office, lang, self.change, self.letter, self.show_error,
                                                case.case_id))
        none = [] if entries else [w.HTML(f'<p lang="{lang}">{html.escape(text("antragsmappe.cli.none", lang))}</p>')]
        self.body.children = (intro, *none, *[p.widget for p in self.panels])

    def _family(self, case: Case) -> str:
        names = " & ".join(p.name for p in case.household.parents if p.name)
        return text("antragsmappe.ui.family", self.language, case=case.case_id, names=names or "–")

    def _links(self) -> str:
        lang = self.language
        case_id = str(self.data.get("case_id", ""))
        return (f'<p class="wb-back" lang="{lang}"><a href="{START_PAGE}">{html.escape(text("ui.wizard.to_start", lang))}</a>'
                f' · <a href="{html.escape(case_link(case_id))}">{html.escape(text("antragsmappe.ui.to_case", lang))}</a></p>')

    # --- what the panels ask for ---------------------------------------------------------------------
    def change(self, benefit: str, parent: str | None, **changes: Any) -> Eintrag | None:
        """Record ``changes`` for the application, save the case and return its new entry (None: refused)."""
        case = with_record(load_case(self.data), benefit, parent, **changes)
        new = dump_case(case)
        new["language"] = self.language
        if self.saver is not None and not self.saver.save(new, self.language):
            return None
        self.data = new
        return next((e for e in folder(case, clock_today(), self.language)
                     if e.benefit == benefit and e.parent == parent), None)

    def letter(self, entry: Eintrag) -> tuple[bytes, str]:
        """The cover letter of ``entry`` (its ticked documents; the day it was signed as the day of receipt)."""
        from workbench.report.begleitschreiben import letter_for, letter_pdf

        case = load_case(self.data)
        received = entry.record.signed_on if entry.record is not None else None
        letter = letter_for(case, entry.benefit, entry.parent, clock_today(), received, ticked=enclosure_keys(entry))
        name = text("antragsmappe.ui.letter_file", self.language, case=case.case_id,
                    what=entry.benefit + (f"-{entry.parent}" if entry.parent else ""))
        return letter_pdf(letter), name

    # --- saving, language, errors --------------------------------------------------------------------
    def _saved(self, version: int) -> None:
        message = text("ui.wizard.saved", self.language, case_id=self.data.get("case_id", ""), version=version)
        self.status.value = f'<p class="wb-status" role="status" lang="{self.language}">{html.escape(message)}</p>'

    def _refused(self, message: str) -> None:
        self.status.value = save_problem_html(message, "vgl.conflict_hint", self.language)

    def _unavailable(self, message: str) -> None:
        self.status.value = save_problem_html(message, "ui.wizard.unavailable_hint", self.language)

    def set_language(self, language: str) -> None:
        """Show the page in ``language``; the case keeps it for its next save (the switch writes nothing)."""
        self.language = language
        self.data["language"] = language
        self.header.set_language(language)
        self.error.set_language(language)
        self.status.value = ""
        self._build()

    def show_error(self, reference: str) -> None:
        """An unexpected error: a short message with its reference number."""
        self.error.show("ui.error.unexpected", reference=reference)

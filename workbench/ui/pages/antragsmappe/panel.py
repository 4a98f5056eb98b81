"""One application of the Antragsmappe page: office, deadline and status, the checklist with ticks, and the
steps the office takes with it (signed, cover letter, forwarded, decision).

The panel does not save by itself: every change goes to :meth:`Change.__call__` of the page, which writes the
case's ``antragsmappe`` (one new version per change, ``ui/kit/saving.py``) and returns the new state.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

import ipywidgets as w

from workbench.clock import today as clock_today
from workbench.evaluation.fristen import benefit_name
from workbench.evaluation.mappe_status import Eintrag
from workbench.i18n import format_date, text
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.dates import DateInputError, parse_date_input
from workbench.ui.kit.topic import explanation_details, pdf_link
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE, FieldMessage, text_input


class Change(Protocol):
    """The page's way to record what the office did: the new entry, or None when the save was refused."""

    def __call__(self, benefit: str, parent: str | None, **changes: Any) -> Eintrag | None: ...


def status_line(entry: Eintrag, lang: str) -> str:
    """``unterschrieben am …``, ``weitergeleitet am …``, ``Bescheid vom …`` / ``abgelehnt`` (with the Widerspruch)."""
    record = entry.record
    if record is None or entry.status == "vorbereitet":
        return text("antragsmappe.ui.status.vorbereitet", lang)
    day = {"unterschrieben": record.signed_on, "weitergeleitet": record.forwarded_on}.get(entry.status, record.decided_on)
    line = text(f"antragsmappe.ui.status.{entry.status}", lang, date=format_date(day, lang) if day else "")
    if entry.widerspruch is not None:
        line += " – " + text("antragsmappe.ui.widerspruch", lang, date=format_date(entry.widerspruch.bis, lang))
    return line


def deadline_line(entry: Eintrag, on: date, lang: str) -> str:
    """The last day (or VERPASST) and, when earlier months are lost, from when it still pays (HTML)."""
    antrag = entry.antrag
    if antrag is None:
        return ""
    key = "antragsmappe.ui.deadline_missed" if antrag.overdue(on) else "antragsmappe.ui.deadline"
    line = html.escape(text(key, lang, date=format_date(antrag.frist.bis, lang)))
    if antrag.paid_from is not None:
        line += "<br>" + html.escape(text("antragsmappe.cli.paid_from", lang, date=format_date(antrag.paid_from, lang)))
    return line


class ApplicationPanel:
    """The panel of one application (``wb-panel``); ``widget`` is what the page shows."""

    def __init__(self, entry: Eintrag, who: str, office: dict[str, Any], lang: str, change: Change,
                 letter: Callable[[Eintrag], tuple[bytes, str]], on_error: Callable[[str], None],
                 case_id: str) -> None:
        self.entry, self.lang, self.change, self.letter, self.office = entry, lang, change, letter, office
        self.who, self.case_id = who, case_id
        self.on_error = on_error
        title = benefit_name(entry.benefit, lang) + (f" – {who}" if who else "")
        self.heading = w.HTML(f'<h2 lang="{lang}">{html.escape(title)}</h2>')
        self.info = w.HTML()
        self.ticks: list[tuple[str, w.Checkbox]] = []
        self.actions = w.HBox([])
        self.actions.add_class("wb-actions")
        self.link = w.HTML()
        self.message = FieldMessage(lang)
        self.decision_day = text_input(description=text("antragsmappe.ui.decision_day", lang),
                                       placeholder=text("ui.date.placeholder", lang), style=LABEL_STYLE,
                                       layout=w.Layout(**FIELD_LAYOUT))
        self.rejected = w.Checkbox(description=text("antragsmappe.ui.rejected", lang), indent=False)
        self.decision = w.VBox([self.decision_day, self.rejected])
        parts: list[w.Widget] = [self.heading, self.info]
        if entry.benefit != "elternzeit":
            parts.append(w.HTML(f'<h3 lang="{lang}">{html.escape(text("antragsmappe.ui.checklist", lang))}</h3>'))
            checks = w.VBox([])
            checks.add_class("wb-checks")  # long labels wrap (theme.css)
            for key, label in entry.checklist:
                box = w.Checkbox(value=key in entry.ticked, description=label, indent=False,
                                 layout=w.Layout(width="auto"))
                box.add_class("wb-tick")
                box.observe(guarded(lambda _c: self._ticked(), on_error), names="value")
                self.ticks.append((key, box))
            checks.children = tuple(box for _, box in self.ticks)
            parts.append(checks)
            parts += [self.decision, self.message.widget, self.actions, self.link]
        self.widget = w.VBox(parts)
        self.widget.add_class("wb-panel")
        self.widget.add_class("wb-application")
        self._render()

    def _button(self, key: str, handler: Callable[[], None], primary: bool = False) -> w.Button:
        button = w.Button(description=text(key, self.lang), button_style="primary" if primary else "")
        button.add_class("wb-action")
        button.on_click(guarded(lambda _b: handler(), self.on_error))
        return button

    def _render(self) -> None:
        """Info lines and the buttons that fit the status (the ticks keep their focus: they are not rebuilt)."""
        entry, lang = self.entry, self.lang
        office = html.escape(self.office["name"])
        if self.office.get("unverified"):
            office += f' ({html.escape(text("antragsmappe.cli.unverified", lang))})'
        lines = [text("antragsmappe.cli.office", lang, office="") + office]
        deadline = "" if entry.forwarded else deadline_line(entry, clock_today(), lang)  # made: no window left
        if deadline:
            lines.append(deadline)
        lines.append(f'<strong>{html.escape(status_line(entry, lang))}</strong>')
        if entry.benefit == "elternzeit":
            lines.append(html.escape(text("antragsmappe.ui.elternzeit_hint", lang)) +
                         f' <a href="elternzeit.ipynb?case={html.escape(self.case_id)}">'
                         f'{html.escape(text("antragsmappe.ui.to_elternzeit", lang))}</a>')
        missing = entry.missing if entry.benefit != "elternzeit" else ()
        if missing and not entry.forwarded:
            lines.append(html.escape(text("antragsmappe.ui.missing", lang, n=len(missing))))
        explanations = [e for e in (entry.antrag.frist.explanation if entry.antrag else None,
                                    entry.widerspruch.explanation if entry.widerspruch else None) if e is not None]
        how = explanation_details(explanations, lang) if explanations else ""
        self.info.value = (f'<div lang="{lang}" class="wb-application-info">'
                           + "".join(f"<p>{line}</p>" for line in lines) + how + "</div>")
        if entry.benefit == "elternzeit":
            return
        buttons: list[w.Button] = []
        status = entry.status
        if status == "vorbereitet":
            buttons.append(self._button("antragsmappe.ui.sign", self._sign))
        if status in ("vorbereitet", "unterschrieben"):
            buttons.append(self._button("antragsmappe.ui.letter", self._letter, primary=True))
        if self.link.value and status in ("vorbereitet", "unterschrieben"):
            buttons.append(self._button("antragsmappe.ui.forwarded", self._forwarded, primary=True))
        self.decision.layout.display = None if status == "weitergeleitet" else "none"
        if status == "weitergeleitet":
            buttons.append(self._button("antragsmappe.ui.decided", self._decided))
        self.actions.children = tuple(buttons)

    def _update(self, entry: Eintrag | None) -> None:
        if entry is not None:
            self.entry = entry
        self._render()

    def _ticked(self) -> None:
        keys = [key for key, box in self.ticks if box.value]
        self._update(self.change(self.entry.benefit, self.entry.parent, documents=keys))

    def _sign(self) -> None:
        self._update(self.change(self.entry.benefit, self.entry.parent, signed_on=clock_today()))

    def _letter(self) -> None:
        """The cover letter as a download (no file on the server); then "weitergeleitet" can be confirmed."""
        pdf, name = self.letter(self.entry)
        self.link.value = (f'<div lang="{self.lang}" role="status">'
                           + pdf_link(pdf, name, text("antragsmappe.ui.letter_download", self.lang, name=name))
                           + f'<p>{html.escape(text("antragsmappe.ui.letter_confirm_hint", self.lang))}</p></div>')
        self._render()

    def _forwarded(self) -> None:
        record = self.entry.record
        changes: dict[str, Any] = {"forwarded_on": clock_today()}
        if record is None or record.signed_on is None:
            changes["signed_on"] = clock_today()
        entry = self.change(self.entry.benefit, self.entry.parent, **changes)
        if entry is not None:
            self.link.value = ""
        self._update(entry)

    def _decided(self) -> None:
        try:
            day = parse_date_input(str(self.decision_day.value))
        except DateInputError as error:
            self.message.show(error.key, entered=error.entered)
            return
        record = self.entry.record
        if day is None or (record is not None and record.forwarded_on is not None and day < record.forwarded_on):
            self.message.show("antragsmappe.ui.decision_day_needed")
            return
        self.message.clear()
        self._update(self.change(self.entry.benefit, self.entry.parent, decided_on=day,
                                 rejected=bool(self.rejected.value)))

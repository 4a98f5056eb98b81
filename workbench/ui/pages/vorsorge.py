"""The Vorsorge wizard: Dokumente → Checkliste → Zusammenfassung (``notebooks/vorsorge.ipynb``).

A guided checklist, not legal advice: every point repeats the official brochures and names its §.
"""

from __future__ import annotations

import html
import secrets
from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from workbench.clock import today as clock_today
from workbench.i18n import text
from workbench.ui.kit.fields import CheckField, ChoiceField, Field, Observer, TextField, whole_numbers
from workbench.ui.kit.saving import Store
from workbench.ui.kit.topic import FieldsStep, SectionsStep, pdf_link, sections_html, show_topic_wizard, today
from workbench.ui.kit.widgets import FieldMessage
from workbench.ui.kit.step import WizardStep
from workbench.ui.kit.wizard import Wizard

DOCUMENTS = ("vollmacht", "betreuungsverfuegung", "patientenverfuegung")


def new_vorsorge_case(language: str = "de") -> dict[str, Any]:
    """An empty Vorsorge case (no children needed, ADR 0011) with a fresh id (``VO-20261125-3F2A``)."""
    return {"format": "workbench-case/1", "case_id": f"VO-{clock_today():%Y%m%d}-{secrets.token_hex(2).upper()}",
            "language": language, "household": {"parents": [{"id": "A"}], "children": []},
            "vorsorge": {"documents": list(DOCUMENTS), "agents": 1, "certification": False, "registry": "online",
                         "payment": "lastschrift", "done": []}, "notes": ""}


class ChecksField(Field):
    """Several checkboxes bound to one list of ids (documents, checklist points)."""

    def __init__(self, label_key: str, language: str, options: Sequence[tuple[str, str]] = (),
                 default: Sequence[str] = ()) -> None:
        self.language = language
        self.default = tuple(default)  # what a case without the key means (the model's default)
        self.message = FieldMessage(language)
        self.legend = w.HTML(f'<p class="wb-legend" lang="{language}"><strong>{html.escape(text(label_key, language))}'
                             f"</strong></p>")
        self.box = w.VBox([])
        self._observers: list[Observer] = []
        self.boxes: dict[str, w.Checkbox] = {}
        self.set_options(options)
        self.widget = w.VBox([self.legend, self.box, self.message.widget])
        self.widget.add_class("wb-field")
        self.widget.add_class("wb-checks")

    def set_options(self, options: Sequence[tuple[str, str]], checked: Sequence[str] | None = None) -> None:
        """Show one checkbox per (label, id); keep what was checked unless ``checked`` says otherwise."""
        keep = set(self.read()) if checked is None else set(checked)
        self.boxes = {}
        for label, key in options:
            box = w.Checkbox(value=key in keep, description=label, indent=False,
                             layout=w.Layout(width="auto"), style={"description_width": "initial"})
            for observer in self._observers:
                box.observe(observer, names="value")
            self.boxes[key] = box
        self.box.children = tuple(self.boxes.values())

    def read(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.value]

    def write(self, value: Any) -> None:
        chosen = set(self.default if value is None else value)
        for key, box in self.boxes.items():
            box.value = key in chosen

    def observe(self, callback: Observer) -> None:
        self._observers.append(callback)
        for box in self.boxes.values():
            box.observe(callback, names="value")


def _plan_fields(lang: str) -> dict[str, Field]:
    v = "vorsorge"
    return {
        f"{v}.person": TextField("ui.vorsorge.person", lang),
        f"{v}.documents": ChecksField("ui.vorsorge.documents", lang,
                                      [(text(f"vorsorge.doc.{d}", lang), d) for d in DOCUMENTS],
                                      default=DOCUMENTS),  # a saved case without "documents" means all three
        f"{v}.agents": ChoiceField("ui.vorsorge.agents", lang, whole_numbers(1, 10), width="22em"),
        f"{v}.certification": CheckField("ui.vorsorge.certification", lang),
        f"{v}.registry": ChoiceField("ui.vorsorge.registry", lang, [("ui.vorsorge.registry_online", "online"),
                                                                    ("ui.vorsorge.registry_post", "post"),
                                                                    ("ui.vorsorge.registry_none", "none")]),
        f"{v}.payment": ChoiceField("ui.vorsorge.payment", lang, [("ui.vorsorge.payment_lastschrift", "lastschrift"),
                                                                  ("ui.vorsorge.payment_ueberweisung", "ueberweisung")]),
    }


class ChecklistStep(WizardStep):
    """The points of the chosen documents, each with what it means and its paragraph."""

    title_key = "ui.vorsorge.step_checklist"

    def build(self) -> None:
        self.intro = w.HTML(f'<p lang="{self.language}">{html.escape(text("ui.vorsorge.checklist_intro", self.language))}</p>')
        self.points = ChecksField("ui.vorsorge.checklist", self.language)
        self.watch(self.points)
        self.body.children = (self.intro, self.points.widget)

    def fields(self) -> dict[str, Field]:
        return {"vorsorge.done": self.points}

    def load(self, data: dict[str, Any]) -> None:
        self._options(data)

    def shown(self, data: dict[str, Any]) -> None:
        self._options(data)

    def _options(self, data: dict[str, Any]) -> None:
        from workbench.rules.vorsorge import checklist, item_args

        v = data.get("vorsorge") or {}
        lang = self.language
        items = checklist(v.get("documents", DOCUMENTS) or [])
        figures = item_args()
        options = [(f"{text(f'vorsorge.doc.{i.document}', lang)}: {text(f'vorsorge.item.{i.id}', lang, **figures)} ({i.citation})", i.id)
                   for i in items]
        self.points.set_options(options, v.get("done") or [])


def render_vorsorge(data: dict[str, Any], language: str) -> str:
    """The family's summary as cards and as PDF."""
    from workbench.report.vorsorge import vorsorge_pdf, vorsorge_sections
    from workbench.case import load_case

    case = load_case(data)
    on = today()
    return (sections_html(vorsorge_sections(case, language, on), language)
            + pdf_link(vorsorge_pdf(case, language, on), f"vorsorge-{case.case_id}.pdf",
                       text("ui.vorsorge.pdf", language)))


class VorsorgeWizard(Wizard):
    """Three steps on one case dict."""

    def __init__(self, data: dict[str, Any], store: Store, version: int | None = None,
                 autosave_delay: float = 1.0) -> None:
        lang = "en" if data.get("language") == "en" else "de"
        steps = [FieldsStep(lang, "ui.vorsorge.step_plan", _plan_fields, ("vorsorge",)),
                 ChecklistStep(lang), SectionsStep(lang, "ui.vorsorge.step_result", render_vorsorge)]
        super().__init__(steps, data, store, version, lang, "ui.vorsorge.title", autosave_delay)


def show_vorsorge_wizard() -> None:
    """What ``notebooks/vorsorge.ipynb`` shows."""
    show_topic_wizard(lambda d, s, v: VorsorgeWizard(d, s, v), new_vorsorge_case, "show_vorsorge_wizard",
                      warm=("workbench.report.vorsorge",))

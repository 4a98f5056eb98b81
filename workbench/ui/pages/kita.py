"""The Kita wizard: Kind und Wunsch → Einkommen → Ergebnis (``notebooks/kita.ipynb``)."""

from __future__ import annotations

import secrets
from typing import Any

from workbench.clock import today as clock_today
from workbench.i18n import text
from workbench.ui.kit.fields import ChoiceField, DateField, Field, MoneyField, TextField
from workbench.ui.kit.saving import Store
from workbench.ui.kit.topic import (
    FieldsStep, SectionsStep, explanation_details, pdf_link, sections_html, show_topic_wizard, today,
)
from workbench.ui.kit.wizard import Wizard
from workbench.ui.kit.familie import COUNT_OPTIONS

COUNT = "birth_size"
"""The "Zwillinge/Mehrlinge?" answer: how many children of the birth need a place (no case path of its own)."""

TRANSFERS = ("none", "kiz", "wohngeld", "buergergeld", "sgb_xii", "asylblg")


def new_kita_case(language: str = "de") -> dict[str, Any]:
    """An empty Kita case with a fresh id (``KI-20261125-3F2A``)."""
    return {"format": "workbench-case/1", "case_id": f"KI-{clock_today():%Y%m%d}-{secrets.token_hex(2).upper()}",
            "language": language, "household": {"parents": [{"id": "A"}], "children": [{"id": "K1"}]},
            "kita": {"child": "K1", "hours": 35, "transfer": "none"}, "notes": ""}


def _child_fields(lang: str) -> dict[str, Field]:
    return {
        "household.parents[0].name": TextField("ui.kita.parent_name", lang),
        "household.children[0].birth_date": DateField("ui.kita.child_birth", lang),
        COUNT: ChoiceField("ui.eg.count", lang, COUNT_OPTIONS, width="28em"),
        "kita.start": DateField("ui.kita.start", lang, "ui.error.kita_start_empty"),
        "kita.hours": ChoiceField("ui.kita.hours", lang, [("ui.kita.hours_25", 25), ("ui.kita.hours_35", 35),
                                                           ("ui.kita.hours_45", 45)]),
    }


class KitaKindStep(FieldsStep):
    """Child and wish; twins are two children of one birth, each with its own place (ADR 0027)."""

    def fields(self) -> dict[str, Field]:
        return {p: f for p, f in self._fields.items() if p != COUNT}

    def load(self, data: dict[str, Any]) -> None:
        from workbench.case.births import birth_size_in

        super().load(data)
        children = (data.get("household") or {}).get("children") or []
        if children and isinstance(children[0], dict) and children[0].get("id"):
            self._fields[COUNT].write(birth_size_in(children, children[0]["id"]))

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        from workbench.case.births import resize_birth

        ok = super().store(data, lenient)
        household = data.setdefault("household", {})
        children = household.get("children") or []
        if children and isinstance(children[0], dict) and children[0].get("id"):
            household["children"] = resize_birth(children, children[0]["id"], int(self._fields[COUNT].read() or 1))
        return ok


def _income_fields(lang: str) -> dict[str, Field]:
    options = [(text(f"kita.transfer.{t}", lang), t) for t in TRANSFERS]
    return {
        "kita.household_income_y": MoneyField("ui.kita.income", lang, optional=True, example=45000),
        "kita.transfer": ChoiceField("ui.kita.transfer", lang, options),
    }


def render_kita(data: dict[str, Any], language: str) -> str:
    """The result cards, the explanation and the PDF for the case as entered."""
    from workbench.case import load_case
    from workbench.evaluation.kita import kita_result
    from workbench.report import topic_pdf
    from workbench.report.kita import kita_sections
    from workbench.report.register import FAMILY

    case = load_case(data)
    sections = kita_sections(case, language, today=today())
    result = kita_result(case)
    assert result is not None  # the step opens only with a wish and its start
    t, fee = result.termine, result.fee
    pdf = topic_pdf(text("ui.kita.pdf_title", language), text("ui.kita.pdf_intro", language, case_id=case.case_id),
                    kita_sections(case, language, today=today(), register=FAMILY), language)  # the family's wording
    return (sections_html(sections, language) + explanation_details([t.explanation, fee.explanation], language)
            + pdf_link(pdf, f"kita-{case.case_id}.pdf", text("ui.topic.pdf", language)))


class KitaWizard(Wizard):
    """Three steps on one case dict."""

    def __init__(self, data: dict[str, Any], store: Store, version: int | None = None,
                 autosave_delay: float = 1.0) -> None:
        lang = "en" if data.get("language") == "en" else "de"
        steps = [KitaKindStep(lang, "ui.kita.step_child", _child_fields, ("household.children", "kita.start")),
                 FieldsStep(lang, "ui.kita.step_income", _income_fields, ("kita",)),
                 SectionsStep(lang, "ui.kita.step_result", render_kita)]
        super().__init__(steps, data, store, version, lang, "ui.kita.title", autosave_delay)


def show_kita_wizard() -> None:
    """What ``notebooks/kita.ipynb`` shows."""
    show_topic_wizard(lambda d, s, v: KitaWizard(d, s, v), new_kita_case, "show_kita_wizard",
                      warm=("workbench.report.topics", "workbench.report.kita", "workbench.report.register"))


__all__ = ["KitaWizard", "new_kita_case", "render_kita", "show_kita_wizard"]

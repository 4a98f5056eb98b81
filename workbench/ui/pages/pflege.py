"""The Pflege wizard: Pflegebedürftige Person → Pflegeperson → Ergebnis (``notebooks/pflege.ipynb``)."""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from workbench.clock import today as clock_today
from workbench.i18n import text
from workbench.ui.kit.fields import CheckField, ChoiceField, DateField, Field, MoneyField, NumberField, TextField
from workbench.ui.kit.saving import Store
from workbench.ui.kit.topic import FieldsStep, SectionsStep, explanation_details, pdf_link, sections_html, \
    show_topic_wizard, today
from workbench.ui.kit.wizard import Wizard

RELATIONS = ("parent", "parent_in_law", "grandparent", "spouse", "sibling", "child", "other")


def new_pflege_case(language: str = "de") -> dict[str, Any]:
    """An empty care case (no children needed, ADR 0011) with a fresh id (``PF-20261125-3F2A``)."""
    return {"format": "workbench-case/1", "case_id": f"PF-{clock_today():%Y%m%d}-{secrets.token_hex(2).upper()}",
            "language": language, "household": {"parents": [{"id": "A"}], "children": []},
            "care": {"recipient": {"pflegegrad": 2, "relation": "parent", "at_home": True, "sach_percent": 50},
                     "carer": {"parent": "A", "employed": True}}, "notes": ""}


def _recipient_fields(lang: str) -> dict[str, Field]:
    r = "care.recipient"
    return {
        f"{r}.name": TextField("ui.pflege.recipient_name", lang),
        f"{r}.relation": ChoiceField("ui.pflege.relation", lang, [(f"ui.pflege.relation_{x}", x) for x in RELATIONS]),
        f"{r}.pflegegrad": ChoiceField("ui.pflege.pflegegrad", lang,
                                       [(text("ui.pflege.grad", lang, grad=g), g) for g in range(1, 6)]),
        f"{r}.at_home": CheckField("ui.pflege.at_home", lang, default=True),
        f"{r}.sach_percent": NumberField("ui.pflege.sach_percent", lang, Decimal(0), Decimal(100),
                                         "ui.pflege.percent_invalid"),
    }


def _carer_fields(lang: str) -> dict[str, Field]:
    c = "care.carer"
    hours = ("ui.pflege.hours_invalid",)
    return {
        "household.parents[0].name": TextField("ui.pflege.carer_name", lang),
        f"{c}.employed": CheckField("ui.pflege.employed", lang, default=True),
        f"{c}.employer_employees": NumberField("ui.pflege.employees", lang, Decimal(0), Decimal(1_000_000),
                                               "ui.pflege.employees_invalid", optional=True),
        f"{c}.hours_per_week": NumberField("ui.pflege.hours", lang, Decimal(0), Decimal(60), *hours, optional=True),
        f"{c}.hours_during": NumberField("ui.pflege.hours_during", lang, Decimal(0), Decimal(60), *hours,
                                         optional=True),
        f"{c}.net_monthly": MoneyField("ui.pflege.net", lang, optional=True, example=2100),
        f"{c}.net_monthly_during": MoneyField("ui.pflege.net_during", lang, optional=True, example=1200),
        f"{c}.one_off_payments": CheckField("ui.pflege.one_off", lang),
        f"{c}.start": DateField("ui.pflege.start", lang, empty_key=None),
    }


def render_pflege(data: dict[str, Any], language: str) -> str:
    """Options side by side, time off, the explanation and the PDF for the case as entered."""
    from workbench.evaluation.pflege import pflege_results
    from workbench.report import topic_pdf
    from workbench.report.pflege import pflege_sections
    from workbench.report.register import FAMILY
    from workbench.case import load_case

    case = load_case(data)
    on = today()
    sections = pflege_sections(case, language, on)
    results = pflege_results(case, on)
    assert results is not None
    pdf = topic_pdf(text("ui.pflege.pdf_title", language), text("ui.pflege.pdf_intro", language, case_id=case.case_id),
                    pflege_sections(case, language, on, register=FAMILY), language)
    return (sections_html(sections, language)
            + explanation_details([results[0].explanation, results[1].explanation], language)
            + pdf_link(pdf, f"pflege-{case.case_id}.pdf", text("ui.topic.pdf", language)))


class PflegeWizard(Wizard):
    """Three steps on one case dict."""

    def __init__(self, data: dict[str, Any], store: Store, version: int | None = None,
                 autosave_delay: float = 1.0) -> None:
        lang = "en" if data.get("language") == "en" else "de"
        steps = [FieldsStep(lang, "ui.pflege.step_recipient", _recipient_fields, ("care.recipient",)),
                 FieldsStep(lang, "ui.pflege.step_carer", _carer_fields, ("care.carer", "household.parents")),
                 SectionsStep(lang, "ui.pflege.step_result", render_pflege)]
        super().__init__(steps, data, store, version, lang, "ui.pflege.title", autosave_delay)


def show_pflege_wizard() -> None:
    """What ``notebooks/pflege.ipynb`` shows."""
    show_topic_wizard(lambda d, s, v: PflegeWizard(d, s, v), new_pflege_case, "show_pflege_wizard",
                      warm=("workbench.report.topics", "workbench.report.pflege", "workbench.report.register"))

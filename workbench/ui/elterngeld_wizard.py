"""The Elterngeld wizard: Familie → Kind → Einkommen → Arbeit → Monatsplaner → Ergebnis.

``notebooks/elterngeld.ipynb`` shows it with :func:`show_elterngeld_wizard`, which opens
the case named in the page's query string (``elterngeld.ipynb?case=<id>``) from the
case store, or starts a new case.
"""

from __future__ import annotations

import os
import secrets
from datetime import date
from typing import Any
from urllib.parse import parse_qs

from IPython.display import display

from workbench.ui.elterngeld_income import ArbeitStep, EinkommenStep
from workbench.ui.elterngeld_steps import PLAN_CHILD, FamilieStep, KindStep
from workbench.ui.ergebnis import ErgebnisStep
from workbench.ui.monatsplaner import Monatsplaner
from workbench.ui.saving import Store
from workbench.ui.theme import theme_style
from workbench.ui.wizard import Wizard, WizardStep


class PlanerStep(WizardStep):
    """The month planner as a wizard step."""

    title_key = "ui.eg.step_planner"

    def __init__(self, language: str) -> None:
        super().__init__(language)
        self.planner = Monatsplaner(language, lambda: self.on_change(), lambda r: self.on_error(r))
        self.body.children = (self.planner.widget,)

    def shown(self, data: dict[str, Any]) -> None:
        self.planner.set_case(data)
        self.on_change()  # a proposed plan is saved like a click

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        return True  # the planner edits data's plan in place


def new_case(language: str = "de") -> dict[str, Any]:
    """An empty Elterngeld case with a fresh case id (``EG-20261125-3F2A``)."""
    case_id = f"EG-{date.today():%Y%m%d}-{secrets.token_hex(2).upper()}"
    return {
        "format": "workbench-case/1", "case_id": case_id, "language": language,
        "household": {"married": False, "single_parent": False, "parents": [{"id": "A"}],
                      "children": [{"id": PLAN_CHILD}]},
        "elterngeld_plan": {"child": PLAN_CHILD, "months": {}},
        "notes": "",
    }


class ElterngeldWizard(Wizard):
    """The six steps of the Elterngeld consultation on one case dict."""

    def __init__(self, data: dict[str, Any], store: Store, version: int | None = None,
                 autosave_delay: float = 1.0) -> None:
        language = "en" if data.get("language") == "en" else "de"
        steps = [FamilieStep(language), KindStep(language), EinkommenStep(language), ArbeitStep(language),
                 PlanerStep(language), ErgebnisStep(language)]
        super().__init__(steps, data, store, version, language, "ui.eg.title", autosave_delay)

    @property
    def planner(self) -> Monatsplaner:
        step = self.steps[4]
        assert isinstance(step, PlanerStep)
        return step.planner


def default_store() -> Store:
    """The office's case store (``$WORKBENCH_DATA/cases.sqlite``)."""
    from workbench.store import CaseStore

    store: Store = CaseStore()
    return store


def request_parameters() -> dict[str, str]:
    """The page's query parameters; a preheated Voila kernel waits here for its request."""
    if os.environ.get("VOILA_PREHEAT") == "True" or "VOILA_KERNEL_ID" in os.environ:
        from voila.utils import get_query_string

        query = get_query_string() or ""
    else:
        query = os.environ.get("QUERY_STRING", "")
    return {k: v[-1] for k, v in parse_qs(query).items()}


def open_elterngeld_wizard(params: dict[str, str], store: Store) -> ElterngeldWizard:
    """The wizard for ``?case=<id>`` (latest version) or a new case (``?lang=en`` for English)."""
    case_id = params.get("case", "").strip()
    if case_id:
        stored = store.open(case_id)
        return ElterngeldWizard(dict(stored.data), store, int(stored.version))
    return ElterngeldWizard(new_case("en" if params.get("lang") == "en" else "de"), store)


def show_elterngeld_wizard() -> None:
    """What ``notebooks/elterngeld.ipynb`` shows."""
    from ipywidgets import VBox

    wizard = open_elterngeld_wizard(request_parameters(), default_store())
    page = VBox([theme_style(), wizard.widget])
    page.add_class("wb-page")
    page.add_class("wb-wide")
    display(page)  # type: ignore[no-untyped-call]

"""The Leistungscheck wizard: Familie → Kinder → Einkommen und Wohnung → Ergebnis.

``notebooks/leistungscheck.ipynb`` shows it with :func:`show_leistungscheck_wizard`. It opens
``?case=<id>`` from the case store (also a case the Elterngeld wizard saved: the family is
already there) or starts a new case (``?lang=en`` for English); each step is saved like the
Elterngeld wizard's. The result shows one card per benefit and the handout with the benefits.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

import ipywidgets as w
from IPython.display import display

from workbench.case_household import CURRENT_FORMAT, DEFAULT_MUNICIPALITY
from workbench.ui.callbacks import log_failure
from workbench.ui.elterngeld_steps import FamilieStep
from workbench.ui.elterngeld_wizard import default_store, not_found_notice, page_language
from workbench.ui.preheat import request_parameters
from workbench.ui.leistungscheck_steps import EinkommenWohnenStep, ErgebnisStep, KinderStep
from workbench.ui.saving import Store
from workbench.ui.theme import theme_style
from workbench.ui.widgets import FieldMessage
from workbench.ui.wizard import Wizard

PAGE = "leistungscheck.ipynb"


def new_case(language: str = "de") -> dict[str, Any]:
    """An empty Leistungscheck case with a fresh id (``LC-20261125-3F2A``)."""
    return {
        "format": CURRENT_FORMAT, "case_id": f"LC-{date.today():%Y%m%d}-{secrets.token_hex(2).upper()}",
        "language": language,
        "household": {"municipality": DEFAULT_MUNICIPALITY, "married": False, "single_parent": False, "parents": [{"id": "A"}],
                      "children": [{"id": "K1"}]},
        "notes": "",
    }


class LeistungscheckWizard(Wizard):
    """Four steps on one case dict."""

    def __init__(self, data: dict[str, Any], store: Store, version: int | None = None,
                 autosave_delay: float = 1.0) -> None:
        language = "en" if data.get("language") == "en" else "de"
        steps = [FamilieStep(language), KinderStep(language), EinkommenWohnenStep(language), ErgebnisStep(language)]
        super().__init__(steps, data, store, version, language, "ui.lc.title", autosave_delay)


def open_leistungscheck_wizard(params: dict[str, str], store: Store) -> LeistungscheckWizard:
    """The wizard for ``?case=<id>`` (latest version) or a new case; CaseNotFound for an unknown id."""
    case_id = params.get("case", "").strip()
    if case_id:
        stored = store.open(case_id)
        return LeistungscheckWizard(dict(stored.data), store, int(stored.version))
    return LeistungscheckWizard(new_case(page_language(params)), store)


def show_leistungscheck_wizard() -> None:
    """What ``notebooks/leistungscheck.ipynb`` shows; never a traceback."""
    from workbench.errors import CaseNotFound

    language = "de"
    try:
        params = request_parameters()
        language = page_language(params)
        store = default_store()
        notice: list[w.Widget] = []
        try:
            wizard = open_leistungscheck_wizard(params, store)
        except CaseNotFound:
            notice = [not_found_notice(params.get("case", "").strip(), language)]
            wizard = LeistungscheckWizard(new_case(language), store)
        if notice:
            title, *rest = wizard.widget.children
            wizard.widget.children = (title, *notice, *rest)
        content: list[w.Widget] = [wizard.widget]
    except Exception as error:  # noqa: BLE001 - the page shows a reference, the log the location
        reference = log_failure("show_leistungscheck_wizard", error)
        failure = FieldMessage(language, css_class="wb-alert wb-alert-general")
        failure.show("ui.error.unexpected", reference=reference)
        content = [failure.widget]
    page = w.VBox([theme_style(), *content])
    page.add_class("wb-page")
    page.add_class("wb-wide")
    display(page)  # type: ignore[no-untyped-call]

"""The Leistungscheck wizard: Familie → Kinder → Einkommen und Wohnung → Ergebnis.

``notebooks/leistungscheck.ipynb`` shows it with :func:`show_leistungscheck_wizard`. It opens
``?case=<id>`` from the case store (also a case the Elterngeld wizard saved: the family is
already there) or starts a new case (``?lang=en`` for English); each step is saved like the
Elterngeld wizard's. The result shows one card per benefit and the handout with the benefits.
"""

from __future__ import annotations

import secrets
from typing import Any


from workbench.case import CURRENT_FORMAT, DEFAULT_MUNICIPALITY
from workbench.clock import today as clock_today
from workbench.ui.kit.familie import FamilieStep
from workbench.ui.kit.page import default_store, open_case_wizard, show_wizard_page
from workbench.ui.pages.leistungscheck.steps import EinkommenWohnenStep, ErgebnisStep, KinderStep
from workbench.ui.kit.saving import Store
from workbench.ui.kit.wizard import Wizard

PAGE = "leistungscheck.ipynb"


def new_case(language: str = "de") -> dict[str, Any]:
    """An empty Leistungscheck case with a fresh id (``LC-20261125-3F2A``)."""
    return {
        "format": CURRENT_FORMAT, "case_id": f"LC-{clock_today():%Y%m%d}-{secrets.token_hex(2).upper()}",
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


def show_leistungscheck_wizard() -> None:
    """What ``notebooks/leistungscheck.ipynb`` shows; never a traceback."""
    show_wizard_page("show_leistungscheck_wizard",
                     lambda params: open_case_wizard(params, default_store(), LeistungscheckWizard, new_case))

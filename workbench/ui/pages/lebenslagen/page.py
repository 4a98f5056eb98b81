"""What the Mutterschutz and the Elternzeit wizards share: the new case, the case model of the entries,
and the wizard made of its steps and its result step.

Both work on the same case file as the Elterngeld wizard and save to the case store.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from workbench.clock import today as clock_today
from workbench.ui.kit.saving import Store
from workbench.ui.kit.step import WizardStep
from workbench.ui.kit.wizard import Wizard
from workbench.ui.kit.familie import PLAN_CHILD
from workbench.ui.pages.lebenslagen.result import ResultStep


def new_case(prefix: str, language: str = "de") -> dict[str, Any]:
    """An empty case with a fresh id (``MS-20261125-3F2A``)."""
    return {"format": "workbench-case/1", "case_id": f"{prefix}-{clock_today():%Y%m%d}-{secrets.token_hex(2).upper()}",
            "language": language,
            "household": {"married": False, "single_parent": False, "parents": [{"id": "A"}],
                          "children": [{"id": PLAN_CHILD}]},
            "notes": ""}


def load(data: dict[str, Any]) -> Any:
    """The case model of the entries (the results are computed on it)."""
    from workbench.case import load_case

    return load_case(data)


class LebenslageWizard(Wizard):
    """A Lebenslagen wizard on one case dict, its deadlines judged on ``today`` (None: the day it is shown)."""

    wizard_title = ""
    step_types: tuple[type[WizardStep], ...] = ()  # the steps before the result, each made with the language
    result_type: type[ResultStep] = ResultStep

    def __init__(self, data: dict[str, Any], store: Store, version: int | None = None,
                 autosave_delay: float = 1.0, today: date | None = None) -> None:
        language = "en" if data.get("language") == "en" else "de"
        steps = [*(make(language) for make in self.step_types), self.result_type(language, today)]
        super().__init__(steps, data, store, version, language, self.wizard_title,
                         autosave_delay)

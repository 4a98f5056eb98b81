"""What ``notebooks/mutterschutz.ipynb`` and ``notebooks/elternzeit.ipynb`` show: the wizard of the request
(``?case=<id>``, ``?lang=en``, ``?today=YYYY-MM-DD`` for the day the deadlines are judged on); never a traceback.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.ui.kit.page import default_store, open_case_wizard, show_wizard_page
from workbench.ui.kit.saving import Store
from workbench.ui.kit.wizard import Wizard
from workbench.ui.pages.lebenslagen.elternzeit import ElternzeitWizard
from workbench.ui.pages.lebenslagen.mutterschutz import MutterschutzWizard
from workbench.ui.pages.lebenslagen.page import LebenslageWizard, new_case


def judged_on(params: dict[str, str]) -> date | None:
    """The day of ``?today=YYYY-MM-DD`` the deadlines are judged on (None: today)."""
    try:
        return date.fromisoformat(params["today"]) if params.get("today") else None
    except ValueError:
        return None


def show_page(kind: str, make: type[LebenslageWizard]) -> None:
    """The Mutterschutz (``ms``) or Elternzeit (``ez``) page of the request, on the day of ``?today=``."""

    def build(params: dict[str, str]) -> Wizard:
        today = judged_on(params)

        def wizard(data: dict[str, Any], store: Store, version: int | None) -> Wizard:
            return make(data, store, version, today=today)

        return open_case_wizard(params, default_store(), wizard, lambda language: new_case(kind.upper(), language))

    show_wizard_page(f"show_{kind}_wizard", build)


def show_mutterschutz_wizard() -> None:
    """What ``notebooks/mutterschutz.ipynb`` shows."""
    show_page("ms", MutterschutzWizard)


def show_elternzeit_wizard() -> None:
    """What ``notebooks/elternzeit.ipynb`` shows."""
    show_page("ez", ElternzeitWizard)

"""What the Mutterschutz and the Elternzeit pages share: the new case, the case model of the entries,
and the page of a request (``?case=<id>``, ``?lang=en``, ``?today=YYYY-MM-DD``).

Both work on the same case file as the Elterngeld wizard and save to the case store.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date
from typing import Any

from workbench.ui.kit.page import default_store, open_case_wizard, show_wizard_page
from workbench.ui.kit.saving import Store
from workbench.ui.kit.wizard import Wizard
from workbench.ui.pages.elterngeld.steps import PLAN_CHILD


def new_case(prefix: str, language: str = "de") -> dict[str, Any]:
    """An empty case with a fresh id (``MS-20261125-3F2A``)."""
    return {"format": "workbench-case/1", "case_id": f"{prefix}-{date.today():%Y%m%d}-{secrets.token_hex(2).upper()}",
            "language": language,
            "household": {"married": False, "single_parent": False, "parents": [{"id": "A"}],
                          "children": [{"id": PLAN_CHILD}]},
            "notes": ""}


def load(data: dict[str, Any]) -> Any:
    """The case model of the entries (the results are computed on it)."""
    from workbench.case import load_case

    return load_case(data)


def judged_on(params: dict[str, str]) -> date | None:
    """The day of ``?today=YYYY-MM-DD`` the deadlines are judged on (None: today)."""
    try:
        return date.fromisoformat(params["today"]) if params.get("today") else None
    except ValueError:
        return None


MakeWizard = Callable[..., Wizard]


def show_page(kind: str, make: MakeWizard) -> None:
    """The Mutterschutz (``ms``) or Elternzeit (``ez``) page of the request, on the day of ``?today=``."""

    def build(params: dict[str, str]) -> Wizard:
        today = judged_on(params)

        def wizard(data: dict[str, Any], store: Store, version: int | None) -> Wizard:
            return make(data, store, version, today=today)

        return open_case_wizard(params, default_store(), wizard, lambda language: new_case(kind.upper(), language))

    show_wizard_page(f"show_{kind}_wizard", build)

"""What ``notebooks/vergleich.ipynb`` shows: the comparison of the case the request names, or why there is none."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from workbench.ui.kit.page import no_case_page as kit_no_case_page
from workbench.ui.pages.vergleich.page import VergleichPage


def no_case_page(language: str, message_key: str = "vgl.no_case", **args: Any) -> w.VBox:
    """The page without a usable case: the reason and a link to the start page."""
    return kit_no_case_page("vgl.title", language, message_key, "vgl.to_start", **args)


def has_plan(data: dict[str, Any]) -> bool:
    """Whether the stored case has an Elterngeld plan with at least one month (what the comparison starts from)."""
    plan = data.get("elterngeld_plan")
    months = plan.get("months") if isinstance(plan, dict) else None
    return isinstance(months, dict) and any(isinstance(m, str) and m.strip("-") for m in months.values())


def show_vergleich() -> None:
    """What ``notebooks/vergleich.ipynb`` shows for ``?case=<id>`` (``&lang=en`` only without a case)."""
    from workbench.ui.kit.page import show_on_request

    show_on_request("show_vergleich", vergleich_page)


def vergleich_page(params: dict[str, str]) -> w.Widget:
    """The comparison of the case ``?case=`` names, or the page saying which case is missing.

    ``&ansicht=beratung`` shows it in the advisor's register (the tax panel with §§).
    """
    from workbench.errors import CaseNotFound
    from workbench.ui.kit.page import default_store, page_language

    language = page_language(params)
    case_id = params.get("case", "").strip()
    if not case_id:
        return no_case_page(language)
    store = default_store()
    try:
        stored = store.open(case_id)
    except CaseNotFound:
        return no_case_page(language, "ui.wizard.not_found_compare", case_id=case_id)
    if not has_plan(stored.data):  # nothing to compare (issue 24: this was "Fehler W-…" without a way back)
        return no_case_page(str(stored.data.get("language") or language), "desk.vgl.no_plan", case_id=case_id)
    from workbench.report.register import ADVISOR, FAMILY

    # the family's register unless the advisor asks for the § view (ADR 0042)
    register = ADVISOR if params.get("ansicht", "").strip().lower() == "beratung" else FAMILY
    page: w.Widget = VergleichPage(dict(stored.data), store, int(stored.version), register=register).widget
    return page

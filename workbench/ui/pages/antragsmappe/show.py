"""What ``notebooks/antragsmappe.ipynb`` shows: the folder of the case the request names, or why there is none."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from workbench.ui.kit.page import no_case_page as kit_no_case_page
from workbench.ui.pages.antragsmappe.page import AntragsmappePage


def no_case_page(language: str, message_key: str = "antragsmappe.ui.no_case", **args: Any) -> w.VBox:
    """The page without a usable case: the reason and a link to the start page."""
    return kit_no_case_page("antragsmappe.ui.title", language, message_key, "ui.wizard.to_start", **args)


def antragsmappe_page(params: dict[str, str]) -> w.Widget:
    """The folder of the case ``?case=`` names (``&lang=en``: English), or the page saying which case is missing."""
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
    data = dict(stored.data)
    if params.get("lang") == "en":
        data["language"] = "en"  # shown in English; stored only with the next real change (ADR 0016)
    page: w.Widget = AntragsmappePage(data, store, int(stored.version)).widget
    return page


def show_antragsmappe() -> None:
    """What ``notebooks/antragsmappe.ipynb`` shows for ``?case=<id>``."""
    from workbench.ui.kit.page import show_on_request

    show_on_request("show_antragsmappe", antragsmappe_page)

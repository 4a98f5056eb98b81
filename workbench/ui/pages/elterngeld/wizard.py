"""The Elterngeld wizard: Familie → Kind → Einkommen → Arbeit → Monatsplaner → Ergebnis.

``notebooks/elterngeld.ipynb`` shows it with :func:`show_elterngeld_wizard`, which opens
the case named in the page's query string (``elterngeld.ipynb?case=<id>``) from the
case store, or starts a new case.
"""

from __future__ import annotations

import secrets
from typing import Any

import ipywidgets as w
from IPython.display import display

from workbench.case import CURRENT_FORMAT
from workbench.clock import today as clock_today
from workbench.i18n import text
from workbench.ui.pages.elterngeld.income import ArbeitStep, EinkommenStep
from workbench.ui.kit.familie import PLAN_CHILD, FamilieStep
from workbench.ui.pages.elterngeld.steps import KindStep
from workbench.ui.pages.elterngeld.ergebnis import ErgebnisStep
from workbench.ui.kit.callbacks import log_failure
from workbench.ui.kit.page import close_tree, default_store, failure_notice, open_case_wizard, page_language
from workbench.ui.kit.preheat import after_request, is_preheated, request_parameters
from workbench.ui.kit.saving import Store
from workbench.ui.kit.theme import theme_css, theme_style
from workbench.ui.kit.step import WizardStep
from workbench.ui.kit.wizard import Wizard
from workbench.ui.pages.elterngeld.monatsplaner import Monatsplaner


class PlanerStep(WizardStep):
    """The month planner as a wizard step."""

    title_key = "ui.eg.step_planner"

    def build(self) -> None:
        language = self.language
        self.planner = Monatsplaner(language, lambda: self.on_change(), lambda r: self.on_error(r))
        self.body.children = (self.planner.widget,)

    def shown(self, data: dict[str, Any]) -> None:
        self.planner.set_case(data)  # a proposed plan is saved like a click once the advisor came here (Wizard._enter)

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        return True  # the planner edits data's plan in place


def new_case_id() -> str:
    """A fresh case id with today's date (``EG-20261125-3F2A``)."""
    return f"EG-{clock_today():%Y%m%d}-{secrets.token_hex(2).upper()}"


def new_case(language: str = "de") -> dict[str, Any]:
    """An empty Elterngeld case with a fresh case id (``EG-20261125-3F2A``)."""
    return {
        "format": CURRENT_FORMAT, "case_id": new_case_id(), "language": language,
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


def open_elterngeld_wizard(params: dict[str, str], store: Store) -> ElterngeldWizard:
    """The Elterngeld wizard for ``?case=<id>`` or a new case, as :func:`open_case_wizard`."""
    return open_case_wizard(params, store, ElterngeldWizard, new_case)


def prepare() -> None:
    """Work that needs no request, done by a preheated kernel before the page is asked for.

    Imports the case model, the engine and the store and reads the message catalogs,
    so that after the request only the first step's widgets remain to be made.
    """
    import workbench.case
    import workbench.evaluation.elterngeld.engine
    import workbench.rules.elterngeld.lebensmonate
    import workbench.rules.elterngeld.plan
    import workbench.store  # noqa: F401

    for language in ("de", "en"):
        text("ui.eg.title", language)
    theme_css()


def _relanguage(page: w.VBox, old: Wizard, store: Store | None) -> ElterngeldWizard:
    """The same case, step and entries in the language the advisor switched to (kept for the next save)."""
    assert store is not None
    new = ElterngeldWizard(old.data, store, old.saver.version, autosave_delay=old.autosave.delay)
    new.saver.adopt(old.saver)  # the same version, refusal and saved state: the switch itself is no change
    new.on_language = lambda again: _relanguage(page, again, store)
    new.furthest = old.furthest  # the step links reach as far as before the switch
    new.go(old.index)
    page.children = tuple(new.widget if child is old.widget else child for child in page.children)
    close_tree(old.widget)
    return new


def show_elterngeld_wizard() -> None:
    """What ``notebooks/elterngeld.ipynb`` shows; never a traceback.

    A preheated kernel prepares everything that does not depend on the request before
    it arrives: the imports and the page for the usual request, a new German case. It shows
    that page and waits for the request in a thread, so the cell ends at once: a cell that
    waited would fail with Voila's cell timeout (``VoilaExecutor.timeout``) when the visitor
    comes later than that. After the request only a saved case (``?case=``) or an English one
    (``?lang=en``) is built and put into the page. An unknown ``?case=`` shows
    ``ui.wizard.not_found`` with a link to the start page above a new case; any other failure
    a short message with a reference number (see callbacks).
    """
    prepare()
    page = w.VBox([theme_style()])
    page.add_class("wb-page")
    page.add_class("wb-wide")
    if not is_preheated():
        _fill_page(page, None, None)
        display(page)  # type: ignore[no-untyped-call]
        return
    ready: ElterngeldWizard | None = None
    store: Store | None = None
    try:
        store = default_store()
        ready = ElterngeldWizard(new_case("de"), store)
        ready.on_language = lambda old: _relanguage(page, old, store)
        ready.widget.layout.display = "none"  # shown once the request says it is the page asked for
        page.children = (*page.children, ready.widget)
    except Exception as error:  # noqa: BLE001 - built again after the request
        log_failure("show_elterngeld_wizard (preheat)", error)
        ready = None
    display(page)  # type: ignore[no-untyped-call]
    after_request(lambda params: _fill_page(page, ready, store, params), "elterngeld")


def _fill_page(page: w.VBox, ready: ElterngeldWizard | None, store: Store | None,
               params: dict[str, str] | None = None) -> None:
    """Show the wizard the request asks for in ``page`` (``params`` None: read them now)."""
    language = "de"
    style, *shown = page.children
    try:
        if params is None:
            params = request_parameters()
        language = page_language(params)
        store = store or default_store()
        if ready is not None and not params.get("case", "").strip() and language == "de":
            ready.data["case_id"] = new_case_id()  # the kernel may have waited since yesterday
            ready.saver.rebase(ready.data)  # still nothing entered: nothing to save
            ready.team_hint.refresh()  # entries added since the kernel was preheated
            ready.widget.layout.display = None
            return
        wizard = open_elterngeld_wizard(params, store)
        content: list[w.Widget] = [wizard.widget]
        wizard.on_language = lambda old: _relanguage(page, old, store)
    except Exception as error:  # noqa: BLE001 - the page shows a reference, the log the location
        content = [failure_notice("show_elterngeld_wizard", error, language)]
    page.children = (style, *content)
    for widget in shown:
        close_tree(widget)

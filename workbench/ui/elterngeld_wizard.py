"""The Elterngeld wizard: Familie → Kind → Einkommen → Arbeit → Monatsplaner → Ergebnis.

``notebooks/elterngeld.ipynb`` shows it with :func:`show_elterngeld_wizard`, which opens
the case named in the page's query string (``elterngeld.ipynb?case=<id>``) from the
case store, or starts a new case.
"""

from __future__ import annotations

import html
import os
import secrets
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import ipywidgets as w
from IPython.display import display

from workbench.case import CURRENT_FORMAT
from workbench.i18n import text
from workbench.ui.callbacks import log_failure
from workbench.ui.case_list import START_PAGE

from workbench.ui.elterngeld_income import ArbeitStep, EinkommenStep
from workbench.ui.elterngeld_steps import PLAN_CHILD, FamilieStep, KindStep
from workbench.ui.ergebnis import ErgebnisStep
from workbench.ui.monatsplaner import Monatsplaner
from workbench.ui.preheat import after_request, is_preheated, request_parameters
from workbench.ui.saving import Store
from workbench.ui.theme import theme_css, theme_style
from workbench.ui.widgets import FieldMessage
from workbench.ui.wizard import Wizard, WizardStep


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
    return f"EG-{date.today():%Y%m%d}-{secrets.token_hex(2).upper()}"


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


def default_store() -> Store:
    """The office's case store (``$WORKBENCH_DATA/cases.sqlite``)."""
    from workbench.store import CaseStore

    store: Store = CaseStore()
    return store


W = TypeVar("W", bound=Wizard)


def open_case_wizard(params: dict[str, str], store: Store, make: Callable[[dict[str, Any], Store, int | None], W],
                     new: Callable[[str], dict[str, Any]]) -> W:
    """The wizard ``make`` builds for ``?case=<id>`` (latest version) or for a ``new`` case (``?lang=en``: English).

    An unknown case id starts a new case with :func:`not_found_notice` under the title.
    """
    from workbench.errors import CaseNotFound

    case_id = params.get("case", "").strip()
    language = page_language(params)
    if case_id:
        try:
            stored = store.open(case_id)
        except CaseNotFound:
            wizard = make(new(language), store, None)
            put_under_title(wizard, [not_found_notice(case_id, language)])
            return wizard
        return make(dict(stored.data), store, int(stored.version))
    return make(new(language), store, None)


def show_wizard_page(name: str, build: Callable[[dict[str, str]], Wizard], wide: bool = True) -> None:
    """Display a wizard's page: ``build`` makes the wizard from the request's query parameters.

    Any failure shows :func:`failure_notice` (logged under ``name``) instead; never a traceback.
    ``wide`` gives the page the wide layout (``wb-wide``).
    """
    language = "de"
    try:
        params = request_parameters()
        language = page_language(params)
        content = [build(params).widget]
    except Exception as error:  # noqa: BLE001 - the page shows a reference, the log the location
        content = [failure_notice(name, error, language)]
    page = w.VBox([theme_style(), *content])
    page.add_class("wb-page")
    if wide:
        page.add_class("wb-wide")
    display(page)  # type: ignore[no-untyped-call]


def open_elterngeld_wizard(params: dict[str, str], store: Store) -> ElterngeldWizard:
    """The Elterngeld wizard for ``?case=<id>`` or a new case, as :func:`open_case_wizard`."""
    return open_case_wizard(params, store, ElterngeldWizard, new_case)


def page_language(params: dict[str, str]) -> str:
    """``en`` for ``?lang=en``, else ``de``."""
    return "en" if params.get("lang") == "en" else "de"


def not_found_notice(case_id: str, language: str) -> w.HTML:
    """The alert for an unknown ``?case=`` with a link back to the start page."""
    message = html.escape(text("ui.wizard.not_found", language, case_id=case_id))
    link = html.escape(text("ui.wizard.to_start", language))
    return w.HTML(f'<div class="wb-alert wb-alert-general wb-not-found" role="alert" lang="{language}">'
                  f'<p>{message}</p><p><a href="{START_PAGE}">{link}</a></p></div>')


def put_under_title(wizard: Wizard, notice: list[w.Widget]) -> None:
    """Show ``notice`` (e.g. :func:`not_found_notice`) under the wizard's title, above its progress."""
    if notice:
        title, *rest = wizard.widget.children
        wizard.widget.children = (title, *notice, *rest)


def failure_notice(name: str, error: BaseException, language: str) -> w.Widget:
    """What a page shows instead of its content when building it failed: a short message with a reference.

    ``error`` is logged under ``name`` and the same reference number (see callbacks). A store that
    cannot be used as it is set up (missing key, full disk, read-only: StoreUnavailable) shows its
    own message instead, which says what to do.
    """
    from workbench.errors import StoreUnavailable

    reference = log_failure(name, error)
    failure = FieldMessage(language, css_class="wb-alert wb-alert-general")
    if isinstance(error, StoreUnavailable):
        failure.show(error.key, **error.values)
    else:
        failure.show("ui.error.unexpected", reference=reference)
    return failure.widget


def prepare() -> None:
    """Work that needs no request, done by a preheated kernel before the page is asked for.

    Imports the case model, the engine and the store and reads the message catalogs,
    so that after the request only the first step's widgets remain to be made.
    """
    import workbench.case
    import workbench.rules.elterngeld.engine
    import workbench.rules.elterngeld.lebensmonate
    import workbench.rules.elterngeld.plan
    import workbench.store  # noqa: F401

    for language in ("de", "en"):
        text("ui.eg.title", language)
    theme_css()


def close_tree(widget: w.Widget) -> None:
    """Close ``widget`` and every widget it holds (children, layout, style), freeing the models."""
    for name in widget.keys:
        value = getattr(widget, name, None)
        for item in value if isinstance(value, (tuple, list)) else (value,):
            if isinstance(item, w.Widget):
                close_tree(item)
    widget.close()


def _relanguage(page: w.VBox, old: Wizard, store: Store | None) -> ElterngeldWizard:
    """The same case, step and entries in the language the advisor switched to (kept for the next save)."""
    assert store is not None
    new = ElterngeldWizard(old.data, store, old.saver.version, autosave_delay=old.autosave.delay)
    new.saver.adopt(old.saver)  # the same version, refusal and saved state: the switch itself is no change
    new.on_language = lambda again: _relanguage(page, again, store)
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

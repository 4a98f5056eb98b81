"""The page framework every wizard page uses: open the case a request names, show the page, and
what a page shows instead when that fails.

A page's notebook calls one ``show_…`` function; it reads the query string (``?case=<id>``,
``?lang=en``), opens the case from the office's store or starts a new one, and displays the
wizard on a themed page. A failure shows a short message with a reference number, never a
traceback (Voila would show it to the advisor).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import ipywidgets as w
from IPython.display import display

from workbench.i18n import text
from workbench.ui.kit.callbacks import log_failure
from workbench.ui.kit.header import PageHeader
from workbench.ui.kit.case_list import START_PAGE
from workbench.ui.kit.preheat import after_request, is_preheated, request_parameters
from workbench.ui.kit.saving import Store
from workbench.ui.kit.theme import theme_style
from workbench.ui.kit.widgets import FieldMessage
from workbench.ui.kit.wizard import Wizard


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
        wizard = make(dict(stored.data), store, int(stored.version))
        resume_where_left(wizard, store)
        return wizard
    return make(new(language), store, None)


def resume_where_left(wizard: Wizard, store: Store) -> None:
    """Show the step at which this wizard last left the case (issue 24), if the store noted one."""
    last_step = getattr(store, "last_step", None)
    position = last_step(wizard.case_id, wizard.title_key) if last_step is not None else None
    if position is not None:
        wizard.resume(*position)


def show_wizard_page(name: str, build: Callable[[dict[str, str]], Wizard], wide: bool = True,
                     warm: Sequence[str] = ()) -> None:
    """Display a wizard's page: ``build`` makes the wizard from the request's query parameters.

    Any failure shows :func:`failure_notice` (logged under ``name``) instead; never a traceback.
    ``wide`` gives the page the wide layout (``wb-wide``). A preheated kernel builds the page for
    the usual request (a new German case) before anybody asks and waits for the request without
    holding the cell; another request (``?case=``, ``?lang=en``) is built when it comes. It also
    imports the modules named in ``warm`` (what the page's result needs, e.g. the family sheet's PDF
    code): the first result in a kernel waited about a second for them (walk10 F8).
    """

    def page(wizard: Wizard) -> w.Widget:
        themed = w.VBox([theme_style(), wizard.widget])
        themed.add_class("wb-page")
        if wide:
            themed.add_class("wb-wide")
        return themed

    if not is_preheated():
        show_on_request(name, lambda params: page(build(params)))
        return
    ready: tuple[Wizard, w.Widget] | None = None
    warm_imports(warm)
    try:
        wizard = build({})
        ready = (wizard, page(wizard))
    except Exception as error:  # noqa: BLE001 - built again after the request
        log_failure(f"{name} (preheat)", error)
    holder = w.VBox([])
    display(holder)  # type: ignore[no-untyped-call]

    def fill(params: dict[str, str]) -> None:
        if ready is not None and not params.get("case", "").strip() and page_language(params) == "de":
            wizard, themed = ready
            renew_case_id(wizard)
            holder.children = (themed,)
        else:
            holder.children = (_built(name, lambda p: page(build(p)), params),)

    after_request(fill, name)


def warm_imports(modules: Sequence[str]) -> None:
    """Import ``modules`` now (in a kernel waiting for its request); one that fails is logged, the page goes on."""
    import importlib

    for module in modules:
        try:
            importlib.import_module(module)
        except Exception as error:  # noqa: BLE001 - the result that needs it reports it when asked
            log_failure(f"warm_imports ({module})", error)


def renew_case_id(wizard: Wizard) -> None:
    """Give a new case built ahead of its request a fresh id of today: the kernel may have waited since yesterday.

    Case ids read ``<prefix>-<YYYYMMDD>-<4 hex>`` (``KI-20261207-3F2A``); the prefix stays. Nothing was
    entered yet, so the fresh case is still the unchanged state (nothing to save).
    """
    import secrets

    from workbench.clock import today

    prefix = wizard.case_id.split("-", 1)[0] or "WB"
    wizard.data["case_id"] = f"{prefix}-{today():%Y%m%d}-{secrets.token_hex(2).upper()}"
    wizard.saver.rebase(wizard.data)


def show_on_request(name: str, build: Callable[[dict[str, str]], w.Widget]) -> None:
    """Display what ``build`` makes of the request's query parameters (``?case=``, ``?lang=``).

    In a kernel of Voilà's preheat pool (issue 23: every wizard is preheated) the notebook's
    imports are done before anybody asks; the request comes later, maybe hours later. The cell
    therefore shows an empty page at once and ends (a cell waiting for the request would hit
    ``VoilaExecutor.timeout``); the page is filled on the kernel's loop when the request has come
    (:func:`workbench.ui.kit.preheat.after_request`). Outside a pool the request is known: the
    page is built at once. Any failure shows :func:`failure_notice` (logged under ``name``).
    """
    if not is_preheated():
        display(_built(name, build, None))  # type: ignore[no-untyped-call]
        return
    holder = w.VBox([])
    display(holder)  # type: ignore[no-untyped-call]

    def fill(params: dict[str, str]) -> None:
        holder.children = (_built(name, build, params),)

    after_request(fill, name)


def _built(name: str, build: Callable[[dict[str, str]], w.Widget], params: dict[str, str] | None) -> w.Widget:
    """``build(params)`` (``params`` None: read them now), or the themed failure notice."""
    language = "de"
    try:
        if params is None:
            params = request_parameters()
        language = page_language(params)
        return build(params)
    except Exception as error:  # noqa: BLE001 - the page shows a reference, the log the location
        page = w.VBox([theme_style(), failure_notice(name, error, language)])
        page.add_class("wb-page")
        return page


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
    # a way back from every failed page (issue 24)
    back = f'<p class="wb-back" lang="{language}"><a href="{START_PAGE}">{html.escape(text("ui.wizard.to_start", language))}</a></p>'
    return w.HTML(str(failure.widget.value) + back)


def close_tree(widget: w.Widget) -> None:
    """Close ``widget`` and every widget it holds (children, layout, style), freeing the models."""
    for name in widget.keys:
        value = getattr(widget, name, None)
        for item in value if isinstance(value, (tuple, list)) else (value,):
            if isinstance(item, w.Widget):
                close_tree(item)
    widget.close()


def no_case_page(title_key: str, language: str, message_key: str, link_key: str = "ui.wizard.to_start",
                 **args: Any) -> w.VBox:
    """A page about one case opened without a usable case (none named, not found, nothing to show yet):
    the page's title, the reason ``message_key`` and a link to the start page."""
    header = PageHeader(title_key, language, lambda _lang: None)
    message = html.escape(text(message_key, language, **args))
    link = html.escape(text(link_key, language))
    notice = w.HTML(f'<div class="wb-alert wb-alert-general wb-not-found" role="alert" lang="{language}">'
                    f'<p>{message}</p><p><a href="{START_PAGE}">{link}</a></p></div>')
    page = w.VBox([theme_style(), header.widget, notice])
    page.add_class("wb-page")
    return page


def save_problem_html(message: str, hint_key: str, language: str) -> str:
    """A save the store refused (``vgl.conflict_hint``: someone saved meanwhile) or could not take
    (``ui.wizard.unavailable_hint``): the store's message and what to do, as an alert."""
    return (f'<div class="wb-alert wb-alert-general" role="alert" lang="{language}">'
            f'{html.escape(message)} {html.escape(text(hint_key, language))}</div>')


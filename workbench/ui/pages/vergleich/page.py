"""The comparison page (``notebooks/vergleich.ipynb?case=<id>``): plans side by side for the family.

- **Pläne**: tick up to four of the case's plan, the advisor's own plans, the optimizer's best and
  the ready-made variants; they appear side by side (table) and each as a card with its chart of
  the monthly household income, stacked per parent, and a sentence on what makes the difference.
- **Im Monatsplaner öffnen**: any plan opens in the month planner below; changed, it is saved
  under a name as an own plan (``elterngeld_alternatives``) or becomes the plan of the case.
- **Beste Aufteilung finden**: the family's wishes (:mod:`~workbench.ui.pages.vergleich.wuensche`) become the case's
  constraints; the optimizer's best three plans join the comparison.
- **Merkblatt**: the handout PDF of the plans shown, in the page's language, as a download.

Every save is a new version of the case in the store (refused, never overwritten, when someone
else saved meanwhile). Opening the page and the language switch in the header write nothing
("Lesen schreibt nie", docs/ui.md); the language goes to the store with the next save.
"""

from __future__ import annotations

import copy
import html
from typing import Any

import ipywidgets as w

from workbench.errors import CaseError, WorkbenchError
from workbench.i18n import text
from workbench.evaluation.elterngeld.optimize import BewerteterPlan, optimize
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.case_list import START_PAGE, case_link
from workbench.ui.kit.page import close_tree, save_problem_html
from workbench.ui.kit.header import PageHeader
from workbench.ui.pages.elterngeld.monatsplaner import Monatsplaner
from workbench.ui.kit.saving import CaseSaver, Store
from workbench.ui.kit.theme import theme_style
from workbench.ui.pages.vergleich.ansicht import ViewSwitch
from workbench.ui.pages.vergleich.html import card_html, glossary_html, overview_table
from workbench.ui.pages.vergleich.merkblatt import handout_language_choice, handout_link
from workbench.report.register import FAMILY, Register
from workbench.ui.pages.vergleich.steuer import steuer_panel_html
from workbench.ui.pages.vergleich.wuensche import Wuensche
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE, FieldMessage, text_input
from workbench.evaluation.vergleich import (
    MAX_SHOWN, Choice, Vergleichsansicht, compare, comparison_objective, default_selection,
    plan_choices,
)

BEST_SHOWN = 3


class VergleichPage:
    """The comparison of one stored case; ``VergleichPage(data, store, version).widget``."""

    def __init__(self, data: dict[str, Any], store: Store | None, version: int | None,
                 notice: tuple[w.Widget, ...] = (), register: Register = FAMILY) -> None:
        self.data = data
        self.register = register  # the family looks at this page across the desk (ADR 0042)
        self.language = "en" if data.get("language") == "en" else "de"
        self.saver = (CaseSaver(store, version, self._saved, self._refused, baseline=data,
                                on_unavailable=self._unavailable)
                      if store is not None else None)
        self.best: list[BewerteterPlan] | None = None
        self.selected: list[str] | None = None
        self.choices: list[Choice] = []
        self.view: Vergleichsansicht | None = None
        self._saved_key: tuple[str | None, dict[str, Any]] = (None, {})
        self.header = PageHeader("vgl.title", self.language, self.set_language, self.show_error)
        self.error = FieldMessage(self.language, css_class="wb-alert wb-alert-general")
        self.status = w.HTML()
        self.body = w.VBox([])
        self.widget = w.VBox([theme_style(), self.header.widget, *notice, self.body, self.error.widget, self.status])
        self.widget.add_class("wb-page")
        self.widget.add_class("wb-wide")
        self._build()

    # --- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self.language
        self.info = w.HTML()
        self.chooser_message = FieldMessage(lang)
        self.chooser = w.VBox([])
        self.chooser.add_class("wb-choices")
        self.table = w.HTML()
        self.cards = w.Box([], layout=w.Layout(display="flex", flex_flow="row wrap", width="100%"))
        self.cards.add_class("wb-cards")
        self.planner = Monatsplaner(lang, lambda: None, self.show_error)
        self.planner_heading = w.HTML()
        # the keyboard focus goes here when a plan is opened (a Label can take it, see Wizard)
        self.planner_focus = w.Label(tabbable=False)
        self.planner_focus.add_class("wb-hidden")
        self.planner_focus.add_class("wb-focus-target")
        self.planner_data: dict[str, Any] = {}
        self.plan_name = text_input(description=text("vgl.plan_name", lang), placeholder=text("vgl.plan_name_placeholder", lang),
                                style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.plan_message = FieldMessage(lang)
        save_own = w.Button(description=text("vgl.save_own", lang), button_style="primary")
        save_case = w.Button(description=text("vgl.save_case_plan", lang))
        close = w.Button(description=text("vgl.close_planner", lang))
        for button, handler in ((save_own, self._save_own), (save_case, self._save_case_plan), (close, self._close_planner)):
            button.on_click(guarded(handler, self.show_error))
            button.add_class("wb-action")
        self.planner_panel = w.VBox([self.planner_focus, self.planner_heading, self.planner.widget, self.plan_name, self.plan_message.widget,
                                     w.HBox([save_own, save_case, close])], layout=w.Layout(display="none"))
        self.planner_panel.add_class("wb-panel")
        self.find_status = w.HTML()
        self.find_button = w.Button(description=text("vgl.find", lang), button_style="primary")
        self.find_button.add_class("wb-action")
        self.find_button.on_click(guarded(self._find, self.show_error))
        self.handout_button = w.Button(description=text("vgl.handout_make", lang))
        self.handout_button.add_class("wb-action")
        self.handout_button.on_click(guarded(self._handout, self.show_error))
        self.handout_language = handout_language_choice(lang)  # Deutsch, Leichte Sprache, Englisch (ADR 0035)
        self.handout_link = w.HTML()
        self.steuer = w.HTML()  # the tax panel (ui/pages/vergleich/steuer.py, ADR 0029)
        # the family's view or the advisor's (ADR 0042): redrawn in place, the case and the plans chosen stay
        self.view_switch = ViewSwitch(lang, self.register, self._switch_view, self.show_error).widget

        def heading(key: str) -> w.HTML:
            return w.HTML(f'<h2 lang="{lang}">{html.escape(text(key, lang))}</h2>')

        def para(key: str) -> w.HTML:
            return w.HTML(f'<p lang="{lang}">{html.escape(text(key, lang))}</p>')

        try:
            case = self._case()
        except CaseError as error:
            details = html.escape("; ".join(error.messages))
            self.info.value = (f'<div class="wb-alert wb-alert-general" role="alert" lang="{lang}">'
                               f'{html.escape(text("vgl.case_problem", lang, details=""))}{details}</div>{self._links()}')
            self.body.children = (self.info,)
            return
        self.wishes = Wuensche(self.data, self._names(case), lang)
        self.info.value = self._family_line(case) + self._links()
        find = w.VBox([heading("vgl.find_heading"), para("vgl.find_intro"), self.wishes.widget, self.find_button,
                       self.find_status])
        find.add_class("wb-panel")
        handout = w.VBox([heading("vgl.handout_heading"), para("vgl.handout_hint"), self.handout_language,
                          self.handout_button, self.handout_link])
        handout.add_class("wb-panel")
        self.body.children = (
            self.info, self.view_switch, para("vgl.intro"), w.HTML(glossary_html(lang)),
            heading("vgl.choose_heading"), para("vgl.choose_hint"), self.chooser, self.chooser_message.widget,
            self.table, self.cards, self.planner_panel, self.steuer, find, handout)
        self.refresh()

    def _switch_view(self, register: Register) -> None:
        """The cards and the tax panel in ``register``: the same case, the same plans (nothing is saved)."""
        self.register = register
        self.refresh()

    def _case(self) -> Any:
        from workbench.case import load_case

        return load_case(self.data)

    @staticmethod
    def _names(case: Any) -> dict[str, str]:
        from workbench.evaluation.vergleich import parent_names

        return parent_names(case)

    def _family_line(self, case: Any) -> str:
        lang = self.language
        names = f" {text('vgl.and', lang)} ".join(self._names(case).values())
        from workbench.report.blocks import child_words

        line = text("vgl.family", lang, names=names, child=child_words(case, lang), case_id=case.case_id)
        return f'<p class="wb-family" lang="{lang}">{html.escape(line)}</p>'

    def _links(self) -> str:
        lang = self.language
        case_id = str(self.data.get("case_id", ""))
        return (f'<p class="wb-links" lang="{lang}"><a href="{html.escape(case_link(case_id))}">'
                f'{html.escape(text("vgl.to_wizard", lang))}</a> · <a href="{START_PAGE}">'
                f'{html.escape(text("vgl.to_start", lang))}</a></p>')

    # --- the comparison ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the choices and the plans shown (after a save, a search or a tick)."""
        case = self._case()
        if self.best is None:  # the best plan without further wishes, once per page (the search replaces it)
            try:
                self.best = optimize(case, comparison_objective(case), top=1).plans
            except WorkbenchError:
                self.best = []
        self.choices = plan_choices(case, self.best)
        keys = [c.key for c in self.choices]
        if self.selected is None:
            self.selected = default_selection(self.choices)
        self.selected = [k for k in self.selected if k in keys][:MAX_SHOWN]
        old = [*self.chooser.children, *self.cards.children]
        self._render_chooser()
        by_key = {c.key: c for c in self.choices}
        self.view = compare(case, [by_key[k] for k in self.selected])
        self.table.value = overview_table(self.view, self.register)
        cards = []
        for i, col in enumerate(self.view.columns):
            button = w.Button(description=text("vgl.open_planner", self.language),
                              tooltip=text("vgl.open_planner_named", self.language, plan=col.name))
            button.add_class("wb-action")
            button.on_click(guarded(lambda _b, choice=col.choice: self.open_planner(choice), self.show_error))
            card = w.VBox([w.HTML(card_html(self.view, col, i, self.register)), button])
            card.add_class("wb-card")
            cards.append(card)
        self.cards.children = tuple(cards)
        self.steuer.value = steuer_panel_html(case, self.view, self.language, self.register)
        for widget in old:  # free the replaced widgets' models in the kernel and the browser
            close_tree(widget)
        self.handout_link.value = ""

    def _render_chooser(self) -> None:
        lang = self.language
        boxes = []
        for choice in self.choices:
            source = text(f"vgl.source.{choice.source}", lang)
            label = choice.name if choice.name.casefold() == source.casefold() else \
                text("vgl.choice_label", lang, name=choice.name, source=source)
            box = w.Checkbox(value=choice.key in (self.selected or []), description=label, indent=False,
                             layout=w.Layout(width="auto"))
            box.observe(guarded(lambda change, key=choice.key: self._tick(key, change), self.show_error), names="value")
            boxes.append(box)
        self.chooser.children = tuple(boxes)

    def _tick(self, key: str, change: Any) -> None:
        selected = list(self.selected or [])
        if change["new"] and key not in selected:
            if len(selected) >= MAX_SHOWN:
                self.chooser_message.show("vgl.too_many")
                change["owner"].value = False  # calls back with nothing to do: the message stays
                return
            selected.append(key)
        elif not change["new"] and key in selected:
            selected.remove(key)
        else:
            return
        self.chooser_message.clear()
        self.selected = selected
        self.refresh()

    def select(self, keys: list[str]) -> None:
        """Show exactly these plans (keys of :func:`plan_choices`)."""
        self.selected = keys[:MAX_SHOWN]
        self.refresh()

    # --- month planner ----------------------------------------------------------------------------
    def open_planner(self, choice: Choice) -> None:
        """Show ``choice`` in the month planner below the comparison, ready to change and save."""
        lang = self.language
        work = copy.deepcopy(self.data)
        plan = work.get("elterngeld_plan") or {}
        work["elterngeld_plan"] = {"child": plan.get("child") or work["household"]["children"][0]["id"],
                                   "months": dict(choice.months)}
        self.planner_data = work
        self.planner.set_case(work)
        self.planner_heading.value = (f'<h2 lang="{lang}" id="vgl-planner">'
                                      f'{html.escape(text("vgl.planner_heading", lang, plan=choice.name))}</h2>'
                                      f'<p lang="{lang}">{html.escape(text("vgl.planner_hint", lang))}</p>')
        self.plan_name.value = choice.name if choice.source == "own" else ""
        self.plan_message.clear()
        self.planner_panel.layout.display = None
        self.planner_focus.value = text("vgl.planner_heading", lang, plan=choice.name)
        self.planner_focus.focus()

    def _planned_months(self) -> dict[str, str]:
        months: dict[str, str] = dict(self.planner_data["elterngeld_plan"]["months"])
        return {pid: codes for pid, codes in months.items() if codes}

    def _save_own(self, _button: Any = None) -> None:
        name = str(self.plan_name.value).strip()
        if not name:
            self.plan_message.show("vgl.name_empty")
            return
        candidate = copy.deepcopy(self.data)
        own = [p for p in candidate.get("elterngeld_alternatives") or [] if str(p["name"]).casefold() != name.casefold()]
        candidate["elterngeld_alternatives"] = [*own, {"name": name, "months": self._planned_months()}]
        if not self._accept(candidate):
            return
        key = f"own:{name}"
        selected = [k for k in (self.selected or []) if k != key]
        if len(selected) >= MAX_SHOWN:
            selected = selected[:MAX_SHOWN - 1]
        self.selected = [*selected, key]
        self._save("vgl.saved_own", plan=name)
        self.refresh()

    def _save_case_plan(self, _button: Any = None) -> None:
        candidate = copy.deepcopy(self.data)
        plan = candidate.setdefault("elterngeld_plan", {"child": candidate["household"]["children"][0]["id"]})
        plan["months"] = self._planned_months()
        if not self._accept(candidate):
            return
        if "case" not in (self.selected or []):
            self.selected = ["case", *(self.selected or [])][:MAX_SHOWN]
        self._save("vgl.saved_case_plan")
        self.refresh()

    def _accept(self, candidate: dict[str, Any]) -> bool:
        """Take ``candidate`` as the case if the case model accepts it; else show why at the name field."""
        from workbench.case import load_case

        try:
            load_case(candidate)
        except CaseError as error:
            self.plan_message.show_localized("vgl.case_problem", {self.language: "; ".join(error.messages)})
            return False
        self.data.clear()
        self.data.update(candidate)
        return True

    def _close_planner(self, _button: Any = None) -> None:
        self.planner_panel.layout.display = "none"

    # --- "Beste Aufteilung finden" -----------------------------------------------------------------
    def _find(self, _button: Any = None) -> None:
        from workbench.case import load_case
        from workbench.evaluation.elterngeld.optimize import optimize

        lang = self.language
        candidate = copy.deepcopy(self.data)
        self.find_status.value = ""
        if not self.wishes.apply(candidate):
            return
        try:
            case = load_case(candidate)
        except CaseError as error:
            self._find_message("vgl.case_problem", details="; ".join(error.messages))
            return
        label = self.find_button.description
        self.find_button.disabled = True
        self.find_button.description = text("vgl.searching", lang)
        self.find_status.value = (f'<p class="wb-busy" role="status" lang="{lang}">'
                                  f'{html.escape(text("vgl.searching", lang))}</p>')
        try:
            found = optimize(case, comparison_objective(case), top=BEST_SHOWN).plans
        except WorkbenchError as error:
            self._find_message("vgl.not_found", details=str(error))
            return
        finally:
            self.find_button.disabled = False
            self.find_button.description = label
        self.data.clear()
        self.data.update(candidate)
        self.best = found
        keep = [k for k in (self.selected or []) if not k.startswith("best:")]
        chosen = ["best:1", *keep][:MAX_SHOWN]
        chosen += [f"best:{i}" for i in range(2, len(found) + 1)][:MAX_SHOWN - len(chosen)]
        self.selected = chosen
        key, args = ("vgl.found_one", {}) if len(found) == 1 else ("vgl.found", {"count": len(found)})
        self.find_status.value = f'<p class="wb-ok" role="status" lang="{lang}">{html.escape(text(key, lang, **args))}</p>'
        self._save(None)
        self.refresh()

    def _find_message(self, key: str, **args: Any) -> None:
        self.find_status.value = (f'<div class="wb-alert wb-alert-general" role="alert" lang="{self.language}">'
                                  f"{html.escape(text(key, self.language, **args))}</div>")

    # --- handout ------------------------------------------------------------------------------------
    def _handout(self, _button: Any = None) -> None:
        assert self.view is not None
        self.handout_link.value = handout_link(self._case(), self.view, str(self.handout_language.value),
                                               self.language, str(self.data.get("case_id", "")))

    # --- saving, language, errors -------------------------------------------------------------------
    def _save(self, key: str | None, **args: Any) -> None:
        if self.saver is None:
            return
        self._saved_key = (key, args)
        self.saver.save(self.data, self.language)

    def _saved(self, version: int) -> None:
        key, args = self._saved_key
        case_id = self.data.get("case_id", "")
        message = text(key, self.language, case_id=case_id, version=version, **args) if key else \
            text("ui.wizard.saved", self.language, case_id=case_id, version=version)
        if key and key.startswith("vgl.saved_"):
            self.plan_message.clear()
        self.status.value = f'<p class="wb-status" role="status" lang="{self.language}">{html.escape(message)}</p>'

    def _refused(self, message: str) -> None:
        self.status.value = save_problem_html(message, "vgl.conflict_hint", self.language)

    def _unavailable(self, message: str) -> None:
        """The store cannot take the save (full disk, read-only, no key): no conflict, the choice stays."""
        self.status.value = save_problem_html(message, "ui.wizard.unavailable_hint", self.language)

    def set_language(self, language: str) -> None:
        """Show the page in ``language``; the case keeps it for its next save (the switch writes nothing)."""
        self.language = language
        self.data["language"] = language
        self.header.set_language(language)
        self.error.set_language(language)
        if self.status.value and self.saver is not None and not self.saver.refused and self.saver.version is not None:
            self._saved(self.saver.version)  # the last save's message, now in ``language``
        self._build()

    def show_error(self, reference: str) -> None:
        """An unexpected error: a short message with its reference number; the entries stay."""
        self.error.show("ui.error.unexpected", reference=reference)

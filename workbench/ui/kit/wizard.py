"""The wizard framework: steps of fields bound to a case dict, validated on "Weiter", saved.

- A :class:`WizardStep` shows a few :class:`~workbench.ui.kit.fields.Field` s, each bound to a
  path of the case dict (``household.parents[0].name``). ``store`` writes the entries into
  the dict, ``load`` shows the dict.
- "Weiter" reads the step's fields (a field that cannot be read shows why next to it),
  then validates the case so far with the case model: each problem of
  :func:`workbench.case.validation_problems` whose path belongs to a field of this step is
  shown next to that field (``role="alert"``, in the case's language). Problems of later
  steps wait for their step. Then the case is saved as a new version.
- "Zurück" keeps everything. Every change is saved as a draft after a short pause, so a
  dead kernel loses at most the field being typed.
- Reading never writes ("Lesen schreibt nie", docs/ui.md): filling the fields from the case
  (opening it, showing a step, the language switch, "Neu laden") runs *quietly*: the widgets'
  observers fire, but what they report is not an advisor's change and starts no save. Only an
  entry, "Weiter" or an explicit action saves, and :class:`~workbench.ui.kit.saving.CaseSaver` writes
  only when the content differs from the case as opened or last saved.
- A refused save (someone else saved meanwhile) is shown with "Neu laden"; nothing is
  overwritten. Any unexpected error shows ``Fehler W-XXXX`` (see :mod:`callbacks`).
"""

from __future__ import annotations

import copy
import html
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import ipywidgets as w

from workbench.i18n import text
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.header import PageHeader
from workbench.ui.kit.activity import forget_bursts, last_burst
from workbench.ui.kit.preheat import after_field_updates, when_idle, when_page_ready
from workbench.ui.kit.saving import CaseSaver, Debouncer, Store
from workbench.case import within
from workbench.ui.kit.step import WizardStep, model_problems, ready_to_save
from workbench.ui.kit.teamwissen_hint import TeamHint
from workbench.ui.kit.widgets import FieldMessage

BUILD_AHEAD_S = 0.5
"""Seconds after a step is shown before the next step's widgets are built (the page is drawn first)."""


class Wizard:
    """Steps shown one at a time, a progress indicator, "Zurück"/"Weiter", saving and error display."""

    def __init__(self, steps: Sequence[WizardStep], data: dict[str, Any], store: Store,
                 version: int | None, language: str, title_key: str, autosave_delay: float = 1.0) -> None:
        self.steps = list(steps)
        self.data = data
        self.language = language
        self.title_key = title_key  # also the key under which the store notes the step (store.remember_step)
        self.index = 0
        self.furthest = 0  # the furthest step reached with "Weiter": the step links go forward up to here
        self.store = store
        self.saver = CaseSaver(store, version, self._saved, self._refused, baseline=data,
                               on_unavailable=self._unavailable)
        self._quiet = 0  # > 0 while the wizard fills widgets from the case: their changes are not entries
        self._link_buttons: dict[int, w.Button] = {}  # the step links, made once (_render_step_links)
        self._link_texts: dict[int, w.HTML] = {}
        self._unloaded: set[int] = set()  # steps built ahead (while idle) whose fields were not yet filled
        self._dirty = False  # an entry not yet saved
        self.autosave = Debouncer(guarded(self._autosave, self.show_error), autosave_delay)
        lang = language
        # title and language switch (kit/header.py); the page decides what a switch rebuilds
        self.header = PageHeader(title_key, lang, self._switch_language, self.show_error)
        self.title = self.header.title
        self.on_language: Callable[[Wizard], object] = lambda wizard: None
        self.progress = w.HTML()
        # the step names as links (issue 24): buttons, so the keyboard reaches them and Python answers the click;
        # the current step is a text with aria-current="step", steps not reached yet are plain text
        self.step_links = w.HBox([])
        self.step_links.add_class("wb-step-links")
        # one heading for every step, and right before it the target of the keyboard focus
        # after "Weiter"/"Zurück": a Label, because ipywidgets focuses a Label's own element
        # (tabindex=-1 from tabbable=False: focus() reaches it, Tab skips it), while an HTML
        # widget would focus an inner div that cannot take the focus. The label is visually
        # hidden and says the step's title; Tab goes on to the step's first field.
        self.heading = w.HTML()
        self.focus_target = w.Label(tabbable=False)
        self.focus_target.add_class("wb-hidden")
        self.focus_target.add_class("wb-focus-target")
        self.heading_box = w.VBox([self.focus_target, self.heading])
        self.heading_box.add_class("wb-step-heading")
        self.stage = w.VBox([])
        self.team_hint = TeamHint(store, lang)  # "Das Team weiß dazu": the Teamwissen of this wizard and step
        panel = w.VBox([self.heading_box, self.stage, self.team_hint.widget])
        panel.add_class("wb-step")
        self.back = w.Button(description=text("ui.wizard.back", lang))
        self.next = w.Button(description=text("ui.wizard.next", lang), button_style="primary")
        self.next.add_class("wb-next")
        self._moving = False  # a click on Weiter/Zurück waits for the fields (after_field_updates)
        self.back.on_click(lambda _b: self._settled(self._on_back))
        self.next.on_click(lambda _b: self._settled(self._on_next))
        self.status = w.HTML()
        self.error = FieldMessage(lang, css_class="wb-alert wb-alert-general")
        self.conflict_text = w.HTML()
        self.reload = w.Button(description=text("ui.wizard.reload", lang))
        self.reload.on_click(guarded(self._on_reload, self.show_error))
        self.conflict = w.VBox([self.conflict_text, self.reload], layout=w.Layout(display="none"))
        self.conflict.add_class("wb-conflict")
        nav = w.HBox([self.back, self.next])
        nav.add_class("wb-nav")
        self.widget = w.VBox([self.header.widget, self.progress, self.step_links, self.conflict, panel, nav,
                              self.error.widget, self.status])
        self.widget.add_class("wb-wizard")
        forget_bursts()
        for step in self.steps:
            step.on_change = self._changed
            step.on_error = self.show_error
        self._enter(moved=False)

    @property
    def case_id(self) -> str:
        return str(self.data.get("case_id", ""))

    @property
    def step(self) -> WizardStep:
        return self.steps[self.index]

    # --- navigation ----------------------------------------------------------------
    def go(self, index: int) -> None:
        """Show step ``index`` (0-based) and move the keyboard focus to its heading."""
        self.index = max(0, min(index, len(self.steps) - 1))
        self.furthest = max(self.furthest, self.index)
        self._enter()
        self.focus_target.focus()
        self._remember()

    def resume(self, at: int, furthest: int) -> None:
        """Reopen at the step where the case was left (issue 24), knowing how far the advisor had come.

        Only for display: nothing is saved (reading never writes); the step's fields come from the case.
        """
        last = len(self.steps) - 1
        self.furthest = max(0, min(max(at, furthest), last))
        index = max(0, min(at, last))
        if index != self.index:
            self.index = index
            self._enter(moved=False)

    def jump(self, index: int) -> None:
        """A step link: back to any step; forward only to a step reached before and only if this step is valid
        (the checks of "Weiter" run, and their messages stay here when they fail)."""
        if index == self.index or not 0 <= index <= self.furthest:
            return
        if index < self.index:
            self._on_back(target=index)
            return
        self.error.clear()
        self.autosave.cancel()
        if not self.validate_step():
            return
        self._dirty = False
        self.saver.save(self.data, self.language)
        self.go(index)

    def _remember(self) -> None:
        """Tell the store which step is shown, so the case reopens here; a store that cannot, or a case
        not saved yet, simply does not remember (the position is a convenience, never worth an error)."""
        from workbench.errors import WorkbenchError

        remember = getattr(self.store, "remember_step", None)
        if remember is None or self.saver.version is None:
            return
        try:
            remember(self.case_id, self.title_key, self.index, self.furthest)
        except WorkbenchError:
            pass

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Fill widgets from the case without it counting as an entry (no autosave, nothing dirty)."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _changed(self) -> None:
        """A step reports a change: an advisor's entry, unless the wizard is filling the widgets itself."""
        if self._quiet:
            return
        self._dirty = True
        self.autosave.poke()

    def _enter(self, moved: bool = True) -> None:
        """Build the current step if needed (loading the case into it) and show it.

        ``moved``: the advisor went to this step ("Weiter", "Zurück"); what its ``shown``
        derives from the entries is then saved like an entry. Opening the page derives it
        only for display (reading never writes).
        """
        step = self.step
        with self.quietly():
            if not step.built or self.index in self._unloaded:
                widget = step.widget
                step.load(self.data)
                self._unloaded.discard(self.index)
            else:
                widget = step.widget
        lang = self.language
        title = text(step.title_key, lang)
        self.heading.value = f'<h2 lang="{lang}">{html.escape(title)}</h2>'
        self.focus_target.value = title
        self.stage.children = (widget,)
        self.team_hint.show(self.title_key, step.title_key, lang)
        self.back.layout.display = "none" if self.index == 0 else None
        self.next.layout.display = "none" if self.index == len(self.steps) - 1 else None
        self._render_progress()
        before = copy.deepcopy(self.data)
        with self.quietly():
            step.shown(self.data)
        if moved and self.data != before:
            self._changed()
        when_page_ready(self._build_next, BUILD_AHEAD_S)

    def _build_next(self) -> None:
        """Build the next step's widgets while the advisor works on this one, so "Weiter" only fills them.

        Only the widgets: a step's ``build`` does not see the case; its fields are filled from the
        case when the step is entered, exactly as for a step built then (issue 23: building a step
        took up to 0.4 s of a "Weiter").
        """
        following = self.index + 1
        if following < len(self.steps) and (not self.steps[following].built or following in self._unloaded):
            with self.quietly():
                guarded(lambda: self.steps[following].build_ahead(self.data), self.show_error)()
            self._unloaded.add(following)

    def validate_step(self) -> bool:
        """Read and check the current step; show every problem next to its field."""
        step = self.step
        step.clear_messages()
        if not step.store(self.data):
            return False
        problems = [p for p in model_problems(self.data, self.language)
                    if self._owner(p[0]) is step and step.show_problem(*p)]
        if problems:
            return False
        extra = step.checks(self.data)
        for path, message in extra:
            if not step.show_problem(path, message):
                step.message.show_localized("ui.wizard.problem", {self.language: message})
        return not extra

    def _owner(self, path: str) -> WizardStep:
        """The step a problem at ``path`` belongs to: the one whose field or area names it most precisely.

        The family step's area is all of ``household.parents``; the income a later step left half-filled
        (``household.parents[0].income_before_birth``, after "Zurück") is that step's to show, not a reason to
        keep the advisor on the family step (issue 24: going back and forward again must work). Steps not
        built yet claim nothing; ties stay with the current step.
        """
        def claim(step: WizardStep) -> int:
            if not step.built:
                return -1
            prefixes = [*step.fields(), *step.area()]
            return max((len(p) for p in prefixes if within(path, p)), default=-1)

        best = max(self.steps, key=lambda s: (claim(s), s is self.step))
        return self.step if claim(best) <= claim(self.step) else best

    def _settled(self, move: Callable[[], None]) -> None:
        """Run ``move`` once the browser's held-back field updates are in; further clicks meanwhile are ignored
        (a double click must not skip a step)."""
        if self._moving:
            return
        self._moving = True

        def run() -> None:
            try:
                guarded(move, self.show_error)()
            finally:
                self._moving = False

        after_field_updates(run, last_burst)

    def _on_next(self, _button: Any = None) -> None:
        self.error.clear()
        self.autosave.cancel()
        if not self.validate_step():
            return
        self._dirty = False
        self.saver.save(self.data, self.language)  # a new version only if changed (the family step checked a name)
        if self.index < len(self.steps) - 1:
            self.go(self.index + 1)

    def _on_back(self, _button: Any = None, target: int | None = None) -> None:
        self.error.clear()
        self.step.store(self.data, lenient=True)
        self.go(self.index - 1 if target is None else target)

    def _switch_language(self, language: str) -> None:
        """The advisor switched the language: keep the entries, rebuild in ``language``.

        The switch itself writes nothing: the language goes to the store with the next real
        change. Entries not yet saved (the autosave pause) are saved now, as they would have been.
        """
        self.autosave.cancel()
        dirty, self._dirty = self._dirty, False
        if dirty:
            self.step.store(self.data, lenient=True)
        self.data["language"] = language
        if dirty and ready_to_save(self.steps, self.data):
            self.saver.save(self.data, language)
        self.on_language(self)

    # --- saving ----------------------------------------------------------------------
    def _autosave(self) -> None:
        """Save the entries as a draft (or complete version) after the pause; nothing if nothing was entered."""
        if not self._dirty:
            return
        self._dirty = False  # before reading: an entry during the save marks it again and is saved next
        self.step.store(self.data, lenient=True)
        if ready_to_save(self.steps, self.data):  # the entries stay in ``data``: the first name typed next saves them all
            self.saver.save(self.data, self.language)

    def _saved(self, version: int) -> None:
        # data-wb-case: the page template's "neu laden" after a lost kernel reopens this case (ADR 0031)
        self.status.value = (f'<p class="wb-status" lang="{self.language}" data-wb-case="{html.escape(self.case_id)}">'
                             f'{html.escape(text("ui.wizard.saved", self.language, case_id=self.case_id, version=version))}</p>')

    def _refused(self, message: str) -> None:
        self.conflict_text.value = (
            f'<div class="wb-alert wb-alert-general" role="alert" lang="{self.language}">'
            f'{html.escape(message)} {html.escape(text("ui.wizard.conflict_hint", self.language))}</div>')
        self.conflict.layout.display = None

    def _unavailable(self, message: str) -> None:
        """The store cannot take the save (full disk, read-only, no key): say so where "gespeichert" stands.

        Not a conflict: nothing was kept as a copy and "Neu laden" would lose the entries, which stay
        on the page; the next change or "Weiter" saves them once the store works again.
        """
        self.status.value = (
            f'<div class="wb-alert wb-alert-general" role="alert" lang="{self.language}">'
            f'{html.escape(message)} {html.escape(text("ui.wizard.unavailable_hint", self.language))}</div>')

    def _on_reload(self, _button: Any = None) -> None:
        self.autosave.cancel()
        self.data = self.saver.reopen(self.case_id)
        self._dirty = False
        with self.quietly():
            for step in self.steps:
                if step.built:  # the others load the data when first shown
                    step.load(self.data)
        self.conflict.layout.display = "none"
        self._saved(self.saver.version or 0)
        with self.quietly():
            self.step.shown(self.data)

    def show_error(self, reference: str) -> None:
        """An unexpected error: short message with its reference number; entries stay."""
        self.error.show("ui.error.unexpected", reference=reference)

    # --- rendering -------------------------------------------------------------------
    def _render_progress(self) -> None:
        lang, n, total = self.language, self.index + 1, len(self.steps)
        label = text("ui.wizard.progress", lang, step=n, total=total)
        self._render_step_links()
        self.progress.value = (
            f'<nav class="wb-progress" aria-label="{html.escape(text("ui.wizard.progress_label", lang))}" lang="{lang}">'
            f'<p class="wb-progress-text">{html.escape(label)}: <strong>{html.escape(text(self.step.title_key, lang))}</strong></p>'
            f'<div class="wb-progress-bar" role="progressbar" aria-valuemin="1" aria-valuemax="{total}" '
            f'aria-valuenow="{n}" aria-valuetext="{html.escape(label)}" aria-label="{html.escape(label)}">'
            f'<div style="width:{100 * n / total:.0f}%"></div></div></nav>')

    def _render_step_links(self) -> None:
        """One item per step: a button for the steps one may go to, text for the current and the later ones; each
        made once, then only changed (issue 23: six new items at every "Weiter" cost a tenth of a second)."""
        lang = self.language
        items: list[w.Widget] = []
        for i, step in enumerate(self.steps):
            title = f"{i + 1}. {text(step.title_key, lang)}"
            if i <= self.furthest and i != self.index:
                button = self._link_buttons.get(i)
                if button is None:
                    button = w.Button(description=title, tooltip=text("desk.wizard.go_to", lang, step=title),
                                      layout=w.Layout(width="auto"))
                    button.add_class("wb-step-link")
                    button.on_click(lambda _b, target=i: self._settled(lambda: self.jump(target)))
                    self._link_buttons[i] = button
                button.remove_class("wb-reached" if i < self.index else "wb-done")
                button.add_class("wb-done" if i < self.index else "wb-reached")
                items.append(button)
                continue
            label = self._link_texts.get(i)
            if label is None:
                label = self._link_texts[i] = w.HTML()
            if i == self.index:
                label.value = (f'<span class="wb-step-link wb-current" aria-current="step" lang="{lang}">'
                               f"{html.escape(title)}</span>")
            else:
                label.value = f'<span class="wb-step-link wb-todo" lang="{lang}">{html.escape(title)}</span>'
            items.append(label)
        self.step_links.children = tuple(items)

"""A wizard step: fields bound to paths of the case dict, and the case model's check of the case so far.

A :class:`WizardStep` shows a few :class:`~workbench.ui.kit.fields.Field` s, each bound to a path
of the case dict (``household.parents[0].name``): ``store`` writes the entries into the dict,
``load`` shows the dict, ``show_problem`` puts a problem of :func:`model_problems` next to the
field it belongs to. The :class:`~workbench.ui.kit.wizard.Wizard` runs the steps.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w
from pydantic import ValidationError

from workbench.case import get_path, set_path, within
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.fields import Field, FieldError
from workbench.ui.kit.widgets import FieldMessage

PLACEHOLDER_CHILD = {"id": "K1", "birth_date": "2026-06-15"}


class WizardStep:
    """One step: fields bound to case paths and a message slot for the step as a whole.

    The widgets are made by :meth:`build` when the step is first shown (``widget``), not
    when the wizard is created: a page shows its first step without building the others.
    The step's heading belongs to the wizard (one widget that takes the focus on each step).
    """

    title_key = "ui.wizard.title"

    def __init__(self, language: str) -> None:
        self.language = language
        self._widget: w.VBox | None = None
        self.on_change: Callable[[], None] = lambda: None
        self.on_error: Callable[[str], None] = lambda reference: None

    @property
    def built(self) -> bool:
        """True once the widgets exist."""
        return self._widget is not None

    @property
    def widget(self) -> w.VBox:
        """The step's widgets (built on first use)."""
        if self._widget is None:
            self.message = FieldMessage(self.language, css_class="wb-alert wb-alert-general")
            self.body = w.VBox([])
            self.build()
            self._widget = w.VBox([self.body, self.message.widget])
            self._widget.add_class("wb-step-body")
        return self._widget

    def build_ahead(self, data: dict[str, Any]) -> None:
        """Make the widgets this step will show for ``data`` before it is entered (the wizard calls it while
        the advisor works on the step before, so "Weiter" only fills them). Never reads values into the fields
        and never writes ``data``: the step is loaded from the case when it is entered."""
        self.widget  # noqa: B018 - built on first use

    # --- to override -----------------------------------------------------------
    def build(self) -> None:
        """Make the fields and put them into ``self.body`` (called once)."""

    def fields(self) -> dict[str, Field]:
        """The fields shown now, by case path."""
        return {}

    def area(self) -> tuple[str, ...]:
        """Path prefixes this step is responsible for (problems there without a field show at the step)."""
        return ()

    def load(self, data: dict[str, Any]) -> None:
        """Show the values of ``data``."""
        for path, field in self.fields().items():
            field.write(get_path(data, path))

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        """Write the entries into ``data``; False if a field cannot be read (lenient: skip it)."""
        ok = True
        for path, field in self.fields().items():
            try:
                value = field.read() if lenient else field.check()
            except FieldError:
                ok = False
                continue
            set_path(data, path, value)
        return ok

    def checks(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        """Further (path, text) problems once the case model accepts the step."""
        return []

    def ready_to_save(self, data: dict[str, Any]) -> bool:
        """Whether ``data`` may be saved at all, also as a draft (the family step: once the case can be found)."""
        return True

    def shown(self, data: dict[str, Any]) -> None:
        """The step becomes visible with ``data``.

        It may complete ``data`` with what follows from the entries (a proposed plan, the
        Mutterschutz months handed over): the wizard saves that like an entry when the advisor
        moved to the step, and keeps it unsaved when the page was only opened or re-shown.
        """

    # --- plumbing --------------------------------------------------------------
    def watch(self, field: Field) -> None:
        """Report changes of ``field`` (autosave); a changed field loses the message about its old value."""

        def changed(_change: Any) -> None:
            field.message.clear()
            self.on_change()

        field.observe(guarded(changed, self.on_error))

    def clear_messages(self) -> None:
        self.message.clear()
        for field in self.fields().values():
            field.message.clear()

    def show_problem(self, path: str, message: str) -> bool:
        """Show a problem next to its field (or at the step); False if it is not this step's."""
        fields = self.fields()
        owner = next((f for p, f in sorted(fields.items(), key=lambda i: -len(i[0])) if within(path, p)), None)
        if owner is None:
            owner = next((f for p, f in fields.items() if within(p, path) and path), None)
        if owner is not None:
            owner.message.show_localized("ui.wizard.problem", {self.language: message})
            return True
        if any(within(path, prefix) for prefix in self.area()):
            self.message.show_localized("ui.wizard.problem", {self.language: message})
            return True
        return False


def ready_to_save(steps: Sequence[WizardStep], data: dict[str, Any]) -> bool:
    """No step holds the saving of ``data`` back (the family step: not before a first name or "Anonym beraten",
    walk9 N6); "Weiter", the draft and the language switch ask it before they save."""
    return all(step.ready_to_save(data) for step in steps)


def validation_candidate(data: dict[str, Any]) -> dict[str, Any]:
    """The case so far, completed with placeholders where later steps fill in required parts."""
    candidate = copy.deepcopy(data)
    household = candidate.setdefault("household", {})
    if not household.get("children"):
        household["children"] = [dict(PLACEHOLDER_CHILD)]
    if not household.get("parents"):
        household["parents"] = [{"id": "A"}]
    return candidate


def model_problems(data: dict[str, Any], language: str) -> list[tuple[str, str]]:
    """(path, text) for every problem the case model finds in the case so far."""
    from workbench.case import Case, validation_problems

    try:
        Case.model_validate(validation_candidate(data))
    except ValidationError as exc:
        return validation_problems(exc, language)
    return []

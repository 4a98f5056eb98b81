"""An unexpected failure in a maintainer view shows the reference number and keeps the page."""

from __future__ import annotations

import re

import pytest

from workbench.ui.maintainers.changes_view import ChangesView
from workbench.ui.maintainers.parameter_editor import ParameterEditor
from workbench.ui.maintainers.pruefstand_view import PruefstandView


@pytest.mark.parametrize("view_class, button, handler", [
    (PruefstandView, "run", "_on_run"), (ChangesView, "run", "_on_run"), (ParameterEditor, "check", "_on_check")])
def test_a_failing_button_shows_a_german_message_with_its_reference_and_no_entered_data(
        view_class: type, button: str, handler: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("Geheimer Name Eva")

    monkeypatch.setattr(view_class, handler, boom)
    view = view_class()
    getattr(view, button).click()
    assert re.search(r"Fehler W-[0-9A-F]{4}", view.messages.value), view.messages.value
    assert "Eva" not in view.messages.value

"""Text boxes send their value on blur or Enter, not on every key.

ipywidgets holds back a widget's further updates while the kernel has not answered the last one,
but sends a button click at once: a name typed quickly and followed by "Weiter" reached a busy
kernel as its first letter (seen once in CI: the planner row was not "Mia"). Every text box of the
workbench is therefore made by :func:`workbench.ui.kit.widgets.text_input`; this test finds any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

from workbench.ui.kit.fields import MoneyField, TextField
from workbench.ui.kit.widgets import MoneyInput, text_area, text_input

UI = Path(__file__).resolve().parents[1] / "workbench" / "ui"

LIVE = {
    ("kit/case_list.py", "Text"): "the case search filters the table while the advisor types; no button follows it",
}


def _text_widget_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("Text", "Textarea"):
            found.append(node.func.attr)
    return found


def test_no_text_box_is_made_outside_the_helper() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "widgets.py":
            continue
        for kind in _text_widget_calls(path):
            if (path.relative_to(UI).as_posix(), kind) not in LIVE:
                offenders.append(f"{path.relative_to(UI)}: w.{kind}(…) — use text_input/text_area")
    assert offenders == []


def test_the_exceptions_still_exist() -> None:
    """An entry of LIVE whose widget is gone is removed, so the list stays true."""
    for (name, kind) in LIVE:
        assert kind in _text_widget_calls(UI / name)


def test_text_boxes_send_on_blur() -> None:
    assert text_input().continuous_update is False
    assert text_area().continuous_update is False
    assert TextField("ui.eg.first_name", "de").input.continuous_update is False
    assert MoneyField("ui.eg.gross_before", "de").input.continuous_update is False
    assert MoneyInput("ui.quick.gross", "ui.quick.gross_placeholder").text.continuous_update is False

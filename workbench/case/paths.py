"""Paths into a case dict in the notation of :func:`workbench.case.validation_problems`.

``household.parents[1].income_before_birth.tax_class`` names one value; the wizards bind
their fields to such paths so that a validation problem lands next to its field, and the forms
read the case's values through them. It belongs to the case layer
(moved from ``workbench/ui/paths.py``: forms never import the UI, ADR 0021).
"""

from __future__ import annotations

import re
from typing import Any

_TOKEN = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")

Key = str | int


def parse_path(path: str) -> list[Key]:
    """``a.b[2].c`` → ``["a", "b", 2, "c"]``."""
    keys: list[Key] = []
    for match in _TOKEN.finditer(path):
        keys.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
    return keys


def get_path(data: Any, path: str, default: Any = None) -> Any:
    """The value at ``path``, or ``default`` where the path does not exist."""
    node = data
    for key in parse_path(path):
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return default
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at ``path``, creating dicts (and list items) on the way."""
    keys = parse_path(path)
    node: Any = data
    for key, following in zip(keys, keys[1:]):
        if isinstance(key, int):
            while len(node) <= key:
                node.append({})
            node = node[key]
        else:
            if key not in node or node[key] is None:
                node[key] = [] if isinstance(following, int) else {}
            node = node[key]
    last = keys[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def within(path: str, prefix: str) -> bool:
    """Whether ``path`` is ``prefix`` or lies below it."""
    return path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "[")

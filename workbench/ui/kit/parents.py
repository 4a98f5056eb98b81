"""Steps with one section per parent of the household (income before the birth, current income, work
after the birth): the parent's heading, the sections following the parents of the case, a section
whose fields follow the kind of income chosen in it, and the step that gathers the sections' fields.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

import ipywidgets as w

from workbench.i18n import text
from workbench.ui.kit.fields import Field
from workbench.ui.kit.step import WizardStep

T = TypeVar("T")


def parent_label(parent: dict[str, Any], index: int, language: str) -> str:
    """The parent's first name, else "Elternteil 1"."""
    name = str(parent.get("name") or "").strip()
    return name or text("ui.eg.parent_heading", language, number=index + 1)


def parent_heading(parent: dict[str, Any], index: int, language: str) -> str:
    """The heading of the parent's section (``<h3>``, the first name or "Elternteil 1")."""
    return f'<h3 lang="{language}">{html.escape(parent_label(parent, index, language))}</h3>'


def per_parent(items: list[T], parents: Sequence[Any], make: Callable[[int], T]) -> None:
    """``items`` grown or cut to one per parent; ``make(index)`` makes the section of a parent added."""
    while len(items) < len(parents):
        items.append(make(len(items)))
    del items[len(parents):]


class ParentSection:
    """One parent's section: the heading above ``fields``; the fields shown follow the ``kind`` field."""

    def __init__(self, prefix: str, fields: Sequence[Field], kind: Field) -> None:
        self.prefix = prefix
        self.heading = w.HTML()
        self.widget = w.VBox([self.heading, *[f.widget for f in fields]])
        self.widget.add_class("wb-section")
        kind.observe(lambda _c: self.show_kind())

    def show_kind(self) -> None:
        """Show the fields the chosen kind of income uses, hide the others."""


class HasFields(Protocol):
    """A parent's section: its fields by case path."""

    def fields(self) -> dict[str, Field]: ...


class PerParentStep(WizardStep):
    """A step with one section per parent, each asking ``household.parents[i].<part>``."""

    part = ""

    def build_ahead(self, data: dict[str, Any]) -> None:
        """The step's widgets and a section for each parent entered so far (issue 23: an income section is about
        75 widgets; made at the click they took most of a "Weiter" to the income step)."""
        self.widget  # noqa: B018 - built on first use
        self.ensure_sections(data)

    def ensure_sections(self, data: dict[str, Any]) -> None:
        """One section per parent of ``data`` (made or cut), with the parents' names as headings; no values."""

    def parent_sections(self) -> Sequence[HasFields]:
        """The parents' sections, in the order of the parents."""
        return ()

    def fields(self) -> dict[str, Field]:
        return {p: f for section in self.parent_sections() for p, f in section.fields().items()}

    def area(self) -> tuple[str, ...]:
        return tuple(f"household.parents[{i}].{self.part}" for i in range(len(self.parent_sections())))

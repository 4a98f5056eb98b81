"""Explanations: every figure carries the steps that produced it.

A :class:`Step` names a message of the catalog in :mod:`workbench.i18n` (so the same
explanation reads in German and in English), the value it produced, the arguments of
its formula and the legal citation (``§ 2 Abs. 2 Satz 1 BEEG``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Union

from workbench.i18n import format_value, text

Arg = Union[Decimal, int, str, date, None]


@dataclass(frozen=True)
class Step:
    """One step of a computation: message key, result, formula arguments, law."""

    key: str
    value: Arg
    citation: str
    args: dict[str, Arg] = field(default_factory=dict)

    def render(self, language: str = "de") -> str:
        """The step as one line: what, how, how much, why."""
        formatted = {k: format_value(v, language) for k, v in self.args.items()}
        formatted["value"] = format_value(self.value, language)
        return f"{text(self.key, language, **formatted)} ({self.citation})"


@dataclass
class Explanation:
    """An ordered list of steps, rendered as numbered lines."""

    steps: list[Step] = field(default_factory=list)

    def add(self, key: str, value: Arg, citation: str, **args: Arg) -> Arg:
        """Record a step and return its value, so rules read as a chain of steps."""
        self.steps.append(Step(key, value, citation, dict(args)))
        return value

    def extend(self, other: "Explanation") -> None:
        self.steps.extend(other.steps)

    def render(self, language: str = "de") -> list[str]:
        return [step.render(language) for step in self.steps]

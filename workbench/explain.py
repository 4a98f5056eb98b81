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
from workbench.parameter_tracking import Cursor, checks_since, cursor

Arg = Union[Decimal, int, str, date, None]


@dataclass(frozen=True)
class Step:
    """One step of a computation: message key, result, formula arguments, law."""

    key: str
    value: Arg
    citation: str
    args: dict[str, Arg] = field(default_factory=dict)
    checks: tuple[str, ...] = ()
    """Values marked "(nicht verifiziert)" that acted in this step (looked up since the previous one)."""

    def render(self, language: str = "de", advisor: bool = True, *, cite: bool = True) -> str:
        """The step as one line: what, how, how much, why – and for the advisor "bitte prüfen" beside it.

        ``cite=False`` leaves out the § (the family's register, ADR 0035/0042): the same step in plain words.
        """
        formatted = {k: format_value(v, language) for k, v in self.args.items()}
        formatted["value"] = format_value(self.value, language)
        line = text(self.key, language, **formatted)
        if cite:
            line += f" ({self.citation})"
        if advisor and self.checks:
            line += " – " + text("params.unverified", language, names=", ".join(self.checks))
        return line


@dataclass
class Explanation:
    """An ordered list of steps, rendered as numbered lines."""

    steps: list[Step] = field(default_factory=list)
    _mark: Cursor = field(default_factory=cursor, repr=False, compare=False)

    def add(self, key: str, value: Arg, citation: str, **args: Arg) -> Arg:
        """Record a step and return its value, so rules read as a chain of steps.

        Inside a :func:`workbench.parameter_tracking.tracking` block the step also notes the
        unverified values looked up since the previous step: they produced this figure.
        """
        checks, self._mark = checks_since(self._mark)
        self.steps.append(Step(key, value, citation, dict(args), checks))
        return value

    def extend(self, other: "Explanation") -> None:
        self.steps.extend(other.steps)

    def render(self, language: str = "de", advisor: bool = True, *, cite: bool = True) -> list[str]:
        return [step.render(language, advisor, cite=cite) for step in self.steps]

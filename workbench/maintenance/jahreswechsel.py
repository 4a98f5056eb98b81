"""Jahreswechsel: which periodically updated parameters need a value for the coming year.

A parameter the law renews (``updated: yearly|biennial|every_3_years`` in params.yaml) is
*due* from 1 January of the year its rhythm leads to (:meth:`Parameter.next_update`). From
:data:`WARN_DAYS` days before that day, ``workbench params check`` lists it (exit status 0: a
warning, not an error) and the maintainer notebook ``jahreswechsel.ipynb`` offers a field for
its new value. Until the value is entered, results are computed with the latest known value
and say "vorläufig" (ADR 0019).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from workbench.clock import today
from workbench.errors import benefit_label
from workbench.i18n import format_date, text
from workbench.maintenance.checks import official_sets
from workbench.maintenance.paths import maintainer_notebook_label
from workbench.parameters import DatedValue, Parameter

WARN_DAYS = 60
NOTEBOOK = "jahreswechsel.ipynb"


@dataclass(frozen=True)
class DueParameter:
    """A periodically updated parameter whose next value is due soon (or overdue)."""

    benefit: str
    parameter: Parameter

    @property
    def name(self) -> str:
        return self.parameter.name

    @property
    def latest(self) -> DatedValue:
        return self.parameter.values[-1]

    @property
    def due(self) -> date:
        due = self.parameter.next_update()
        assert due is not None  # only periodically updated parameters are due
        return due

    @property
    def legal_source(self) -> str:
        """The § part of the description ("§ 66 Abs. 1 EStG (§ 6 Abs. 1 BKGG)")."""
        head, sep, _ = self.parameter.description.partition(": ")
        return head if sep else self.parameter.description

    @property
    def what(self) -> str:
        _, sep, rest = self.parameter.description.partition(": ")
        return rest if sep else self.parameter.description

    def line(self, language: str = "de") -> str:
        """One line for ``params check``: where, what, Stand, legal source, where the new value is published."""
        return text("maint.jw.line", language, benefit=self.benefit, name=self.name,
                    label=benefit_label(self.benefit, language), what=self.what,
                    stand=format_date(self.latest.valid_from, language), due=format_date(self.due, language),
                    source=self.legal_source, published_in=self.parameter.published_in or "–")

    def to_json(self) -> dict[str, Any]:
        return {"benefit": self.benefit, "name": self.name, "due": self.due.isoformat(),
                "values_as_of": self.latest.valid_from.isoformat(), "legal_source": self.legal_source,
                "published_in": self.parameter.published_in, "reference": self.latest.reference}


def due_parameters(on: date | None = None, rules_dir: Path | None = None,
                   warn_days: int = WARN_DAYS) -> list[DueParameter]:
    """Every periodically updated parameter whose next value is due within ``warn_days`` of ``on`` or earlier.

    Ordered by due date, then benefit and name; a parameter whose new value is already entered
    is not due (its next update lies a full rhythm later).
    """
    on = on or today()
    horizon = on + timedelta(days=warn_days)
    out: list[DueParameter] = []
    for benefit, pset in official_sets(rules_dir).items():
        for param in pset.parameters.values():
            due = param.next_update()
            if due is not None and due <= horizon:
                out.append(DueParameter(benefit, param))
    return sorted(out, key=lambda d: (d.due, d.benefit, d.name))


def warning_lines(on: date | None = None, rules_dir: Path | None = None, language: str = "de") -> list[str]:
    """What ``workbench params check`` prints about the year change (empty when nothing is due)."""
    on = on or today()
    due = due_parameters(on, rules_dir)
    if not due:
        return []
    years = ", ".join(str(y) for y in sorted({d.due.year for d in due}))
    overdue = [d for d in due if d.due <= on]
    lines = [text("maint.jw.heading", language, count=len(due), years=years, date=format_date(on, language))]
    if overdue:
        lines.append(text("maint.jw.overdue", language, count=len(overdue)))
    lines += ["  " + d.line(language) for d in due]
    lines.append(text("maint.jw.how", language, notebook=maintainer_notebook_label(NOTEBOOK)))
    return lines

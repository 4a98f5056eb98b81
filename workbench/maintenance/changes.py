"""Was ändert sich: the example families under two settings, per family and benefit.

A :class:`Setting` is a date and optionally a reform. Comparing two dates shows what a
new year's parameters change; comparing the same date without and with a reform shows
what a reform proposal would change. The reform is applied through its scope only (see
:mod:`workbench.maintenance.reformen`), so nothing else in the process sees it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.errors import WorkbenchError
from workbench.i18n import format_date, text
from workbench.maintenance.families import EVALUATORS, Family, evaluated_benefits, load_families
from workbench.maintenance.reformen import Reform


@dataclass(frozen=True)
class Setting:
    """One side of the comparison: a date and optionally a reform."""

    on: date
    reform: Reform | None = None

    def label(self, language: str = "de") -> str:
        when = format_date(self.on, language)
        if self.reform is None:
            return text("maint.changes.setting_official", language, date=when)
        return text("reform.setting", language, date=when, reform=self.reform.name)


@dataclass(frozen=True)
class Change:
    """One family and benefit: the amounts under both settings and the difference."""

    family: Family
    benefit: str
    before: Decimal | None
    after: Decimal | None
    problem: str = ""  # why an amount could not be computed (e.g. a date outside the modelled period)

    @property
    def difference(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def _evaluate(family: Family, benefit: str, setting: Setting) -> tuple[Decimal | None, str]:
    evaluator = EVALUATORS[benefit]
    try:
        if setting.reform is not None:
            with setting.reform.applied():
                return evaluator(family, setting.on), ""
        return evaluator(family, setting.on), ""
    except WorkbenchError as exc:
        return None, str(exc)


def compare(before: Setting, after: Setting, families: Sequence[Family] | None = None,
            benefits: Sequence[str] | None = None) -> list[Change]:
    """Every family and benefit under ``before`` and ``after``."""
    rows: list[Change] = []
    for family in families if families is not None else load_families():
        for benefit in benefits if benefits is not None else evaluated_benefits():
            old, why_old = _evaluate(family, benefit, before)
            new, why_new = _evaluate(family, benefit, after)
            rows.append(Change(family, benefit, old, new, "; ".join(w for w in (why_old, why_new) if w)))
    return rows

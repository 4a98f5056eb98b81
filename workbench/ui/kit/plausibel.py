"""Entries the case model accepts but no family has: shown next to the field with what to enter instead.

A parent's date of birth must make the parent between :data:`YOUNGEST` and :data:`OLDEST` years old
today: a parent born in 1900 is a typing error (a year or the wrong field), not a 126-year-old.
Elterngeld may also go to relatives up to the third degree (§ 1 Abs. 4 BEEG), so the upper limit is
wide; outside it the advisor is asked to correct the date, nothing is computed with it.

The case model itself (``workbench/case/plausible.py``) refuses a date outside 12–80 years at the
youngest child's birth for every entry path (CLI, import); this check is the wizard's earlier one, on
the family step, before a child is entered.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.case.plausible import age_on, years_before
from workbench.clock import today as clock_today
from workbench.i18n import format_date, text

YOUNGEST = 12
OLDEST = 80


def parent_birth_problems(data: dict[str, Any], language: str, today: date | None = None) -> list[tuple[str, str]]:
    """``(path, message)`` for each parent whose date of birth lies outside the plausible range."""
    today = today or clock_today()
    earliest, latest = years_before(today, OLDEST), years_before(today, YOUNGEST)
    problems: list[tuple[str, str]] = []
    for index, parent in enumerate((data.get("household") or {}).get("parents") or []):
        raw = parent.get("birth_date") if isinstance(parent, dict) else None
        if not raw:
            continue
        try:
            born = date.fromisoformat(str(raw))
        except ValueError:
            continue  # the model names a malformed date itself
        if not earliest <= born <= latest:
            # a date after today is a typing error too, but "-4 Jahre alt" reads as a program error
            key = "ui.eg.parent_birth_future" if born > today else "ui.eg.parent_birth_implausible"
            problems.append((f"household.parents[{index}].birth_date",
                             text(key, language, date=format_date(born, language),
                                  age=age_on(born, today), earliest=format_date(earliest, language),
                                  latest=format_date(latest, language))))
    return problems

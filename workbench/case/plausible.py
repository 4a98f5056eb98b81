"""Dates of birth the case model accepts for a parent: within a lifetime of the children's births.

A parent born in 1900 is a typing error (a wrong year, the child's date in the parent's field), not a
parent of 126. The model refuses it wherever a case comes from — the wizards, ``workbench`` on the
command line, an imported file — with the range to enter beside the field.

The day a parent's age is measured on is the **youngest child's birth** (or due date): the case's own
date, so a case read again in ten years is still valid. A household without children (a Pflege or
Vorsorge case, ADR 0011) has no such day and measures on today.

- At least :data:`YOUNGEST` years old on that day: younger than 12 nobody becomes a parent.
- At most :data:`OLDEST_AT_BIRTH` years old at the youngest child's birth. Elterngeld may go to
  relatives up to the third degree (§ 1 Abs. 4 BEEG, great-grandparents), so the limit is wide.
- At most :data:`OLDEST_TODAY` years old today without a child (a carer of a spouse may be old).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from workbench.case.messages import problem
from workbench.clock import today as clock_today

YOUNGEST = 12
OLDEST_AT_BIRTH = 80
OLDEST_TODAY = 110


class _Dated(Protocol):
    @property
    def birth_date(self) -> date | None: ...  # read-only: a child's date is never None, a parent's may be


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age_on(born: date, day: date) -> int:
    """Completed years of life on ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def birth_range(children: Sequence[_Dated], today: date | None = None) -> tuple[date, date, date | None]:
    """``(earliest, latest, youngest child's birth)`` a parent's date of birth may lie in (both included)."""
    births = [c.birth_date for c in children if c.birth_date is not None]
    if births:
        day = max(births)
        return years_before(day, OLDEST_AT_BIRTH), years_before(day, YOUNGEST), day
    day = today or clock_today()
    return years_before(day, OLDEST_TODAY), years_before(day, YOUNGEST), None


def check_parent_births(parents: Sequence[_Dated], children: Sequence[_Dated]) -> None:
    """Raise ``case.parent_birth_implausible`` (at ``parents[i].birth_date``) for the first parent out of range."""
    earliest, latest, child_born = birth_range(children)
    for index, parent in enumerate(parents):
        born = parent.birth_date
        if born is None or earliest <= born <= latest:
            continue
        if born > (child_born or clock_today()):
            # a negative age ("-4 Jahre alt") reads as a program error: name what is wrong with the date
            key = "parent_birth_after_child" if child_born is not None else "parent_birth_future"
            raise problem(key, at=f"parents[{index}].birth_date", date=born, child=child_born,
                          earliest=earliest, latest=latest)
        if child_born is not None:
            raise problem("parent_birth_implausible", at=f"parents[{index}].birth_date", date=born,
                          age=age_on(born, child_born), child=child_born, earliest=earliest, latest=latest)
        raise problem("parent_birth_implausible_today", at=f"parents[{index}].birth_date", date=born,
                      age=age_on(born, clock_today()), earliest=earliest, latest=latest)

"""Lebensmonate and ages as the BGB counts them.

Elterngeld is paid per Lebensmonat of the child (§ 4 Abs. 1 Satz 1 BEEG). Lebensmonat n
begins on the day of the month that has the same number as the birthday and ends the
day before the next one; a missing day (31 February) ends the month on its last day
(§§ 187 Abs. 2, 188 Abs. 2, 3 BGB).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta

from workbench.rules.bgb import months_later


def _add_months_clipped(day: date, months: int) -> tuple[date, bool]:
    """The same day number ``months`` later, and whether it had to be clipped to month end."""
    same = months_later(day, months)
    return same, same.day != day.day


def lebensmonat_end(birth: date, n: int) -> date:
    """Last day of Lebensmonat ``n``.

    Rechtsgrundlage: § 4 Abs. 1 Satz 1 BEEG i. V. m. § 188 Abs. 2, 3 BGB
    """
    same_day, clipped = _add_months_clipped(birth, n)
    return same_day if clipped else same_day - timedelta(days=1)


def lebensmonat_start(birth: date, n: int) -> date:
    """First day of Lebensmonat ``n`` (the birthday for n = 1).

    Rechtsgrundlage: § 4 Abs. 1 Satz 1 BEEG i. V. m. § 187 Abs. 2 BGB
    """
    if n == 1:
        return birth
    return lebensmonat_end(birth, n - 1) + timedelta(days=1)


@dataclass(frozen=True)
class Lebensmonat:
    """A Lebensmonat with its calendar dates."""

    number: int
    start: date
    end: date


@lru_cache(maxsize=4096)
def lebensmonate(birth: date, count: int = 32) -> tuple[Lebensmonat, ...]:
    """Lebensmonate 1..count with their dates."""
    return tuple(Lebensmonat(n, lebensmonat_start(birth, n), lebensmonat_end(birth, n)) for n in range(1, count + 1))


def completes_age_on(birth: date, years: int) -> date:
    """The first day on which a person born on ``birth`` is ``years`` old.

    The year of life is completed at the end of the day before the birthday, so the
    person is ``years`` old from the start of the birthday; someone born on 29 February
    is ``years`` old from 1 March in a common year.
    Rechtsgrundlage: § 187 Abs. 2 Satz 2, § 188 Abs. 2, 3 BGB
    """
    anniversary, clipped = _add_months_clipped(birth, 12 * years)
    return anniversary + timedelta(days=1) if clipped else anniversary


def is_younger_than(birth: date, years: int, on: date) -> bool:
    """Whether a person born on ``birth`` has not yet completed ``years`` years on ``on``.

    Rechtsgrundlage: § 187 Abs. 2 Satz 2, § 188 Abs. 2 BGB (as used by § 2a Abs. 1 BEEG)
    """
    return on < completes_age_on(birth, years)


def consecutive_runs(months: Iterable[int]) -> list[list[int]]:
    """Lebensmonate grouped into runs of consecutive months, in order: {8, 1, 2, 3, 7} → [[1, 2, 3], [7, 8]].

    Runs are what the Partnerschaftsbonus must form (one run per parent) and what one Elternzeit
    period taken along the plan covers. Rechtsgrundlage: § 4b Abs. 1 BEEG, § 16 Abs. 1 BEEG
    """
    runs: list[list[int]] = []
    for month in sorted(months):
        if runs and runs[-1][-1] == month - 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return runs

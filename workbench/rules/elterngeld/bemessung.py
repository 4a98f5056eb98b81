"""The assessment period (Bemessungszeitraum) and the average gross in it.

Employees: the 12 calendar months before the month of birth; months with
Mutterschaftsgeld (the protection period before the birth) and months with Elterngeld for an
older child in its first 14 Lebensmonate are skipped and replaced by earlier months. Profits: the last assessment year before the birth (normally the
calendar year before).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from workbench.money import ZERO, round_cent
from workbench.parameters import parameters

P = parameters("elterngeld")

Month = tuple[int, int]


def _previous(month: Month) -> Month:
    year, m = month
    return (year - 1, 12) if m == 1 else (year, m - 1)


def mutterschutz_vor_geburt(birth: date, weeks_early: int, due: date | None = None) -> tuple[date, date]:
    """The protection period before the birth: 6 weeks before the due date up to the day before the birth.

    The due date is ``due`` when known, else ``weeks_early`` full weeks after the birth. The
    period itself comes from :mod:`workbench.rules.mutterschutz` (one source for all topics).
    Rechtsgrundlage: § 3 Abs. 1 Satz 1 MuSchG
    """
    from workbench.rules.mutterschutz import schutzfrist_beginn

    termin = due if due is not None else birth + timedelta(weeks=weeks_early)
    return schutzfrist_beginn(termin, birth), birth - timedelta(days=1)


def bemessungszeitraum(birth: date, *, skip_from: date | None = None,
                       skip: frozenset[Month] = frozenset()) -> list[Month]:
    """The 12 calendar months before the birth month, oldest first.

    Months that touch the period from ``skip_from`` to the birth (Mutterschutz with
    Mutterschaftsgeld) are skipped, and so are the months in ``skip`` (Elterngeld received for an
    older child in its first 14 Lebensmonate, :func:`monate_mit_elterngeld`); earlier months replace them.
    Rechtsgrundlage: § 2b Abs. 1 Satz 1, Satz 2 Nr. 1, 2 BEEG
    """
    months: list[Month] = []
    current = _previous((birth.year, birth.month))
    skip_month = (skip_from.year, skip_from.month) if skip_from else None
    while len(months) < 12:
        if (skip_month is None or current < skip_month) and current not in skip:
            months.append(current)
        current = _previous(current)
    return list(reversed(months))


def monate_mit_elterngeld(lebensmonate: list[tuple[date, date]]) -> frozenset[Month]:
    """The calendar months touched by the given Lebensmonate (first and last day each) of an older child in
    which the parent received Elterngeld; only its first 14 Lebensmonate are passed (§ 4 Abs. 1 Satz 2, 3).

    A calendar month counts when Elterngeld was received on any of its days.
    Rechtsgrundlage: § 2b Abs. 1 Satz 2 Nr. 1 BEEG
    """
    out: set[Month] = set()
    for start, end in lebensmonate:
        month = (start.year, start.month)
        while month <= (end.year, end.month):
            out.add(month)
            month = (month[0] + 1, 1) if month[1] == 12 else (month[0], month[1] + 1)
    return frozenset(out)


def veranlagungszeitraum(birth: date) -> int:
    """The assessment year for profits: the calendar year before the birth.

    Rechtsgrundlage: § 2b Abs. 2 Satz 1 BEEG
    """
    return birth.year - 1


@dataclass(frozen=True)
class Durchschnitt:
    """Average monthly gross over the assessment period and the months without an entry."""

    average: Decimal
    months: list[Month]
    missing: list[Month]


def durchschnitt(gross_by_month: Mapping[str, Decimal], months: list[Month]) -> Durchschnitt:
    """Average of the gross wages of the assessment months; a month without wage counts 0.

    Rechtsgrundlage: § 2c Abs. 1 Satz 1 BEEG
    """
    total = ZERO
    missing: list[Month] = []
    for year, month in months:
        key = f"{year:04d}-{month:02d}"
        if key in gross_by_month:
            total += gross_by_month[key]
        else:
            missing.append((year, month))
    return Durchschnitt(round_cent(total / len(months)), months, missing)

"""Age of a child on a date, as the family-benefit laws count it."""

from __future__ import annotations

import calendar
from datetime import date


def vollendete_jahre(birth: date, on: date) -> int:
    """Completed years of life on ``on`` (the birthday itself completes the year: §§ 187 Abs. 2, 188 Abs. 2 BGB)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def jahre_am_monatsende(birth: date, on: date) -> int:
    """Completed years at the end of the month of ``on``.

    Rechtsgrundlage: § 1612a Abs. 3 BGB (a higher age group applies from the start of the month in
    which the child completes the year); § 66 Abs. 2 EStG (Kindergeld for every month in which the
    conditions held on at least one day).
    """
    last = date(on.year, on.month, calendar.monthrange(on.year, on.month)[1])
    return vollendete_jahre(birth, last)


def jahre_am_monatsanfang(birth: date, on: date) -> int:
    """Completed years on the first day of the month of ``on`` (§ 66 Abs. 2 EStG: one day of the month suffices)."""
    return vollendete_jahre(birth, on.replace(day=1))

"""Periods of months as the BGB counts them, shared by the rules that set deadlines.

A period of months ends on the day of the last month that has the number of the day it started
from, and on that month's last day when the month has no such day (§ 188 Abs. 2, 3 BGB): one
month from 31 January is 28 (29) February, six months before 31 August is 28 February.
"""

from __future__ import annotations

import calendar
from datetime import date


def months_later(day: date, months: int) -> date:
    """The day with the same number ``months`` calendar months later (earlier for negative ``months``),
    or that month's last day when it has no such day.

    Rechtsgrundlage: § 188 Abs. 2, 3 BGB
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))

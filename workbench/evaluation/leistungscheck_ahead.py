"""What the family gets in total, and the months ahead in which an amount changes.

The Leistungscheck answers for one day (:func:`~workbench.evaluation.leistungscheck.check_date`).
Amounts move with the children's ages: the Unterhaltsvorschuss steps up in the month a child turns
6 or 12 (§ 2 Abs. 1 UVG with § 1612a Abs. 3 BGB: the higher age group applies from the start of the
birthday month) and ends at 18 (§ 1 Abs. 1a UVG), the Kindergeld ends at 18 unless the child is in
education (§ 32 Abs. 4 EStG), the Regelbedarfsstufe of a child changes at 6, 14 and 18 (§ 23 SGB II).
:func:`changes_ahead` computes the check again for the first of each coming month and names each month
where an amount or an entitlement changes, with the birthdays that fall in it — so the advisor can say
"ab 1. März 2027: …" instead of a figure that silently stops being true.

A month whose yearly values are not entered yet uses the latest known ones (ADR 0019): the result is
provisional, never a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.evaluation.leistungscheck import Leistungscheck, leistungscheck
from workbench.money import ZERO

if TYPE_CHECKING:
    from workbench.case import Case

MONTHS_AHEAD = 12
"""How far the advisor looks ahead: one year covers every birthday of every child once."""

NOT_MONTHLY = ("kinderfreibetrag",)
"""The tax allowance works through the income tax assessment, not as a monthly payment (§ 31 EStG)."""


@dataclass(frozen=True)
class Total:
    """The money of a month: ``granted`` (entitled or already received), ``to_check`` (entitlement open)."""

    granted: Decimal
    to_check: Decimal


@dataclass(frozen=True)
class Change:
    """From ``starts`` on, ``benefit`` is ``after`` a month instead of ``before`` (``eligible`` as then computed)."""

    starts: date
    benefit: str
    before: Decimal
    after: Decimal
    eligible: bool | None
    birthdays: tuple[tuple[str, int], ...]
    """(child, age reached) of the children whose birthday falls in that month."""


def monthly_total(check: Leistungscheck) -> Total:
    """The sum of the monthly amounts the family gets, apart from the tax allowance (:data:`NOT_MONTHLY`)."""
    granted = to_check = ZERO
    for name, result in check.results.items():
        if name in NOT_MONTHLY or result.eligible is False:
            continue
        if result.eligible or result.running:
            granted += result.monthly
        else:
            to_check += result.monthly
    return Total(granted, to_check)


def next_month(day: date, months: int = 1) -> date:
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def child_label(case: Case, child_id: str) -> str:
    """A child's first name when the case has it, else its id (``K1``)."""
    for child in case.household.children:
        if child.id == child_id:
            return (child.personal.first_name if child.personal and child.personal.first_name else None) or child.id
    return child_id


def birthdays(case: Case, month: date) -> tuple[tuple[str, int], ...]:
    """The children born before ``month`` whose birthday falls in it, with the age they reach."""
    return tuple((child_label(case, c.id), month.year - c.birth_date.year) for c in case.household.children
                 if not c.expected and c.birth_date.month == month.month and c.birth_date.year < month.year)


def changes_ahead(case: Case, check: Leistungscheck, months: int = MONTHS_AHEAD) -> list[Change]:
    """Each coming month (up to ``months``) in which a monthly amount or an entitlement changes."""
    before = {name: (r.eligible, r.monthly) for name, r in check.results.items() if name not in NOT_MONTHLY}
    changes: list[Change] = []
    for step in range(1, months + 1):
        starts = next_month(check.on, step)
        later = leistungscheck(case, starts)
        for name, result in later.results.items():
            if name in NOT_MONTHLY:
                continue
            was = before[name]
            if (result.eligible, result.monthly) != was:
                changes.append(Change(starts, name, was[1], result.monthly, result.eligible, birthdays(case, starts)))
            before[name] = (result.eligible, result.monthly)
    return changes

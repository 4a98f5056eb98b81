"""§ 16 Abs. 1 BEEG notice deadlines, from the worked examples in benefits.md section 8."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.errors import WorkbenchError
from workbench.rules.elternzeit import anmeldefrist, geburtstag


def test_father_from_june_after_march_birth_gives_notice_by_13_april() -> None:
    assert anmeldefrist(date(2026, 6, 1), date(2026, 3, 10)) == date(2026, 4, 13)


def test_start_on_third_birthday_needs_thirteen_weeks() -> None:
    # the 3rd year of life ends on 30 June (§ 187 Abs. 2 BGB): 1 July is already "between 3 and 8"
    assert anmeldefrist(date(2026, 7, 1), date(2023, 7, 1)) == date(2026, 4, 1)


def test_day_before_third_birthday_still_seven_weeks() -> None:
    assert anmeldefrist(date(2026, 6, 30), date(2023, 7, 1)) == date(2026, 5, 12)


def test_leap_day_child_has_birthday_on_first_of_march() -> None:
    assert geburtstag(date(2024, 2, 29), 3) == date(2027, 3, 1)
    assert geburtstag(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert anmeldefrist(date(2027, 2, 28), date(2024, 2, 29)) == date(2027, 1, 10)


@pytest.mark.parametrize("start", [date(2026, 3, 9), date(2034, 3, 10)])
def test_no_elternzeit_before_birth_or_from_eighth_birthday(start: date) -> None:
    with pytest.raises(WorkbenchError):
        anmeldefrist(start, date(2026, 3, 10))

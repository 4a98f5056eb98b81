"""Elternzeit periods (§§ 15, 16, 18 BEEG): limits, deadlines around the 3rd birthday, protection against dismissal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from workbench.errors import WorkbenchError
from workbench.rules.elternzeit import (
    Zeitraum, anmeldefrist, bindungsende, dauer_monate, kuendigungsschutz_ab, lebensmonate_im_zeitraum,
    pruefe_zeitraeume, zeitraum_daten,
)

GEBURT = date(2026, 3, 10)


def rules(periods: list[Zeitraum], today: date = date(2026, 1, 1), **kw: object) -> set[str]:
    return {h.rule for h in pruefe_zeitraeume(periods, GEBURT, today, **kw)}  # type: ignore[arg-type]


def test_protection_against_dismissal_starts_8_weeks_before_and_14_weeks_after_the_third_birthday() -> None:
    assert kuendigungsschutz_ab(date(2026, 6, 1), GEBURT) == date(2026, 4, 6)
    assert kuendigungsschutz_ab(date(2029, 3, 10), GEBURT) == date(2028, 12, 2)
    # a demand made later than that: from the demand on
    assert kuendigungsschutz_ab(date(2026, 6, 1), GEBURT, verlangt=date(2026, 4, 10)) == date(2026, 4, 10)


def test_notice_around_the_third_birthday() -> None:
    assert anmeldefrist(date(2029, 3, 9), GEBURT) == date(2029, 1, 19)   # 7 weeks: still before
    assert anmeldefrist(date(2029, 3, 10), GEBURT) == date(2028, 12, 9)  # 13 weeks: on the birthday
    assert anmeldefrist(date(2029, 3, 10), GEBURT, "en") == date(2028, 12, 9)


def test_errors_speak_the_users_language() -> None:
    with pytest.raises(WorkbenchError, match="cannot start before the birth"):
        anmeldefrist(date(2026, 3, 1), GEBURT, "en")
    with pytest.raises(WorkbenchError, match="8. Geburtstag"):
        anmeldefrist(date(2034, 3, 10), GEBURT)


def test_months_count_whole_months_and_thirtieths() -> None:
    assert dauer_monate(date(2026, 3, 10), date(2029, 3, 9)) == D("36")
    assert dauer_monate(date(2026, 5, 6), date(2027, 5, 5)) == D("12")
    assert dauer_monate(date(2026, 6, 1), date(2026, 7, 15)) == D("1.50")


def test_three_years_to_the_third_birthday_are_allowed_a_day_more_is_not() -> None:
    assert "gesamt" not in rules([Zeitraum("B", GEBURT, date(2029, 3, 9))])
    assert rules([Zeitraum("B", GEBURT, date(2029, 3, 9)), Zeitraum("B", date(2030, 1, 1), date(2030, 1, 1))]) >= {"gesamt"}


def test_twelve_months_before_three_leave_24_after_it_until_the_eighth_birthday() -> None:
    periods = [Zeitraum("A", date(2026, 5, 6), date(2027, 5, 5)), Zeitraum("A", date(2030, 8, 1), date(2032, 7, 31))]
    assert rules(periods) == set()
    assert "nach_drittem" in rules([*periods[:1], Zeitraum("A", date(2030, 8, 1), date(2032, 8, 31))])
    assert "nach_achtem" in rules([Zeitraum("A", date(2033, 9, 1), date(2034, 3, 10))])


def test_the_mothers_protection_period_counts_towards_her_three_years() -> None:
    whole = [Zeitraum("A", date(2026, 5, 6), date(2029, 3, 9))]
    assert "gesamt" not in rules(whole, mutterschutz_ende={"A": date(2026, 5, 5)})
    more = [*whole, Zeitraum("A", date(2030, 1, 1), date(2030, 1, 31))]
    assert "gesamt" in rules(more, mutterschutz_ende={"A": date(2026, 5, 5)})
    assert "gesamt" not in rules(more)  # the same months for the father are fine
    assert "waehrend_mutterschutz" in rules([Zeitraum("A", GEBURT, date(2027, 3, 9))], mutterschutz_ende={"A": date(2026, 5, 5)})


def test_part_time_up_to_32_hours_and_at_most_three_periods() -> None:
    assert rules([Zeitraum("B", date(2026, 6, 1), date(2026, 12, 31), D("32"))]) == set()
    assert rules([Zeitraum("B", date(2026, 6, 1), date(2026, 12, 31), D("33"))]) == {"stunden"}
    four = [Zeitraum("B", date(2026, 6, 1), date(2026, 6, 30)), Zeitraum("B", date(2026, 8, 1), date(2026, 8, 31)),
            Zeitraum("B", date(2026, 10, 1), date(2026, 10, 31)), Zeitraum("B", date(2026, 12, 1), date(2026, 12, 31))]
    assert rules(four) == {"abschnitte"}
    assert rules([*four[:2], Zeitraum("B", date(2030, 1, 1), date(2030, 1, 31))]) == {"dritter_abschnitt"}
    assert rules([four[0], Zeitraum("B", date(2026, 6, 15), date(2026, 7, 15))]) == {"ueberschneidung"}


def test_a_deadline_already_past_warns_with_todays_date() -> None:
    period = Zeitraum("B", date(2026, 6, 1), date(2026, 7, 31))
    assert rules([period], today=date(2026, 4, 13)) == set()        # the last day
    late = pruefe_zeitraeume([period], GEBURT, date(2026, 4, 14))
    assert [(h.rule, h.level) for h in late] == [("frist_verpasst", "warnung")]
    assert "13.04.2026" in late[0].text("de") and "13 Apr 2026" in late[0].text("en")
    assert rules([period], today=date(2026, 6, 2)) == {"frist_vergangen"}
    assert rules([Zeitraum("B", date(2026, 6, 1), date(2026, 7, 31), verlangt=date(2026, 4, 1))],
                 today=date(2026, 6, 2)) == set()


def test_the_periods_dates_and_lebensmonate() -> None:
    data = zeitraum_daten(Zeitraum("B", date(2026, 6, 1), date(2026, 7, 31)), GEBURT)
    assert (data.anmeldefrist, data.kuendigungsschutz_ab, data.nach_drittem) == (date(2026, 4, 13), date(2026, 4, 6), False)
    assert lebensmonate_im_zeitraum(GEBURT, date(2026, 6, 1), date(2026, 7, 31)) == [3, 4, 5]
    assert bindungsende([Zeitraum("B", date(2026, 6, 1), date(2026, 7, 31))], GEBURT, "B") == date(2028, 5, 31)


def test_the_mothers_two_years_count_from_the_protection_period_when_her_leave_follows_it() -> None:
    periods = [Zeitraum("A", date(2026, 5, 6), date(2027, 3, 9))]
    assert bindungsende(periods, GEBURT, "A") == date(2028, 5, 5)  # without protection period: from her start
    # § 16 Abs. 1 Satz 4 BEEG: "wird die Zeit der Mutterschutzfrist nach § 3 Absatz 2 ... angerechnet" –
    # the protection period after the birth of 10.03.2026 runs 11.03.–05.05.2026 (8 weeks after the
    # Entbindungstag, § 3 Abs. 2 MuSchG), so her two years are 11.03.2026–10.03.2028
    assert bindungsende(periods, GEBURT, "A", mutterschutz_ende=date(2026, 5, 5)) == date(2028, 3, 10)
    # the father's from his first day, the day of birth: 10.03.2026–09.03.2028 (§ 16 Abs. 1 Satz 2 BEEG)
    assert bindungsende([Zeitraum("B", GEBURT, date(2026, 5, 9))], GEBURT, "B") == date(2028, 3, 9)

"""Lebensmonate and age limits follow the BGB's counting of periods."""

from datetime import date

from workbench.rules.elterngeld.lebensmonate import completes_age_on, is_younger_than, lebensmonate


def test_a_child_born_on_16_september_has_lebensmonat_1_from_16_september_to_15_october() -> None:
    lm = lebensmonate(date(2025, 9, 16), 2)
    assert (lm[0].start, lm[0].end) == (date(2025, 9, 16), date(2025, 10, 15))
    assert (lm[1].start, lm[1].end) == (date(2025, 10, 16), date(2025, 11, 15))


def test_a_child_born_on_31_january_has_lebensmonat_1_end_on_the_last_day_of_february() -> None:
    lm = lebensmonate(date(2026, 1, 31), 3)
    assert (lm[0].start, lm[0].end) == (date(2026, 1, 31), date(2026, 2, 28))
    assert (lm[1].start, lm[1].end) == (date(2026, 3, 1), date(2026, 3, 30))
    assert (lm[2].start, lm[2].end) == (date(2026, 3, 31), date(2026, 4, 30))


def test_lebensmonate_are_gapless_and_32_long() -> None:
    for birth in (date(2025, 1, 29), date(2024, 2, 29), date(2026, 8, 31), date(2026, 12, 1)):
        lm = lebensmonate(birth)
        assert len(lm) == 32
        for a, b in zip(lm, lm[1:]):
            assert (b.start - a.end).days == 1


def test_a_sibling_is_three_from_the_start_of_the_third_birthday() -> None:
    assert completes_age_on(date(2022, 9, 10), 3) == date(2025, 9, 10)
    assert is_younger_than(date(2022, 9, 10), 3, date(2025, 9, 9))
    assert not is_younger_than(date(2022, 9, 10), 3, date(2025, 9, 10))


def test_a_sibling_born_on_29_february_is_three_from_1_march() -> None:
    assert completes_age_on(date(2024, 2, 29), 3) == date(2027, 3, 1)
    assert completes_age_on(date(2024, 2, 29), 4) == date(2028, 2, 29)
